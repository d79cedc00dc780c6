import { describe, expect, it } from "vitest";
import { dateInputValue, draftFrom, dueFromDateInput, inputFrom } from "./summaryDraft";

describe("summary drafts", () => {
  it("turns a date input into that morning in the person's time zone and back", () => {
    const iso = dueFromDateInput("2026-12-03");
    expect(iso).toBeDefined();
    expect(new Date(iso!).getDate()).toBe(3);
    expect(dateInputValue(iso)).toBe("2026-12-03");
    expect(dueFromDateInput("")).toBeUndefined();
    expect(dueFromDateInput("tomorrow")).toBeUndefined();
  });

  it("keeps edits, drops empty lines and asks for consent explicitly", () => {
    const draft = draftFrom({
      themes: ["starting over", "calm"],
      cards: [{ id: "0b8f6f3e-8a43-4b1c-9d55-0d0e3f6a1a11", word: "Path" }],
      commitments: [{ text: "call my sister", timeFrame: "within 24 hours", dueAt: null }],
      note: null,
      status: "draft",
    });
    expect(draft.remember).toBe(false);
    expect(draft.track).toBe(true);
    draft.themes.push("  ");
    draft.commitments[0].text = "call my sister tonight";
    draft.commitments[0].due = "2026-12-03";
    draft.commitments.push({ text: " ", timeFrame: "", due: "" });
    const input = inputFrom(draft, [{ id: "0b8f6f3e-8a43-4b1c-9d55-0d0e3f6a1a11", word: "Path" }]);
    expect(input.themes).toEqual(["starting over", "calm"]);
    expect(input.commitments).toEqual([{ text: "call my sister tonight", timeFrame: "within 24 hours", dueAt: dueFromDateInput("2026-12-03") }]);
    expect(input.note).toBeNull();
    expect(input.cards).toHaveLength(1);
  });
});
