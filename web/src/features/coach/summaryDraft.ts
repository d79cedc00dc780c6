import type { ConversationSummary, UpdateSummaryInput } from "./api";

/** The summary as the form edits it: every field a string, so half-typed lines are allowed. */
export interface SummaryDraft {
  themes: string[];
  commitments: Array<{ text: string; timeFrame: string; due: string }>;
  note: string;
  remember: boolean;
  track: boolean;
}

/** "2026-12-01T09:00:00.000Z" → "2026-12-01" in the person's own time zone, for a date input. */
export function dateInputValue(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A date from a date input means that day, in the morning of the person's own time zone. */
export function dueFromDateInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(y, m - 1, d, 9, 0, 0);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function draftFrom(summary: ConversationSummary): SummaryDraft {
  return {
    themes: [...summary.themes],
    commitments: summary.commitments.map((c) => ({ text: c.text, timeFrame: c.timeFrame ?? "", due: dateInputValue(c.dueAt) })),
    note: summary.note ?? "",
    remember: false,
    track: true,
  };
}

/** What is sent to keep the summary: empty lines are left out, not refused. */
export function inputFrom(draft: SummaryDraft, cards: ConversationSummary["cards"]): UpdateSummaryInput {
  return {
    themes: draft.themes.map((t) => t.trim()).filter(Boolean),
    cards,
    commitments: draft.commitments
      .filter((c) => c.text.trim())
      .map((c) => ({ text: c.text.trim(), timeFrame: c.timeFrame.trim() || null, dueAt: dueFromDateInput(c.due) ?? null })),
    note: draft.note.trim() || null,
    remember: draft.remember,
    track: draft.track,
  };
}
