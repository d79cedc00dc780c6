import { useId, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../../domain/session/types";
import { LiveMessage } from "../../../components/Alert";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { useCommand, useDraft } from "./hooks";
import { useLive } from "./LiveProvider";

const time = (at: number, language: string) => new Intl.DateTimeFormat(language, { timeStyle: "short" }).format(new Date(at));

/** Shared reflections, newest last, as everyone in the session may read them. */
export function SharedReflections({ state }: { state: SessionState }) {
  const { t, i18n } = useTranslation();
  const shared = state.reflections.filter((r) => r.visibility === "shared");
  return (
    <section aria-labelledby="shared-reflections" className="space-y-2">
      <h2 id="shared-reflections" className="text-lg font-semibold">
        {t("live.shared.title")}
      </h2>
      {shared.length === 0 ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("live.shared.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {shared.map((r) => (
            <li key={r.id} className="rounded-lg border border-stone-300 p-3 dark:border-stone-700">
              <p className="whitespace-pre-wrap">{r.text}</p>
              <p className="text-xs text-stone-600 dark:text-stone-400">
                {state.participants[r.participantId]?.displayName} · {time(r.at, i18n.language)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The session's chat, with a box whose text survives a reload until it is sent. */
export function ChatPanel({ state }: { state: SessionState }) {
  const { t, i18n } = useTranslation();
  const { me } = useLive();
  const [text, setText, clear] = useDraft(state.sessionId, "chat");
  const { run, error, busy } = useCommand();
  const listId = useId();
  const ended = state.status === "ended";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const result = await run("chat.send", { text: text.trim() });
    if (result.ok) clear();
  };

  return (
    <section aria-labelledby={`${listId}-h`} className="space-y-2">
      <h2 id={`${listId}-h`} className="text-lg font-semibold">
        {t("live.chat.title")}
      </h2>
      <ol aria-label={t("live.chat.messages")} className="max-h-64 space-y-1 overflow-y-auto" tabIndex={0}>
        {state.chat.length === 0 ? <li className="text-sm text-stone-700 dark:text-stone-300">{t("live.chat.empty")}</li> : null}
        {state.chat.map((m) => (
          <li key={m.id} className="text-sm">
            <span className="font-semibold">{m.participantId === me ? t("live.you") : state.participants[m.participantId]?.displayName}</span>{" "}
            <span className="text-xs text-stone-600 dark:text-stone-400">{time(m.at, i18n.language)}</span>
            <span className="block whitespace-pre-wrap">{m.text}</span>
          </li>
        ))}
      </ol>
      {me && !ended ? (
        <form onSubmit={(e) => void submit(e)} className="flex items-end gap-2">
          <div className="flex-1">
            <TextField label={t("live.chat.label")} value={text} maxLength={1000} onChange={(e) => setText(e.target.value)} />
          </div>
          <Button type="submit" busy={busy}>
            {t("live.chat.send")}
          </Button>
        </form>
      ) : null}
      <LiveMessage tone="error">{error}</LiveMessage>
    </section>
  );
}

/** Commitments made in the Do phase. */
export function CommitmentList({ state, onlyFor }: { state: SessionState; onlyFor?: string }) {
  const { t, i18n } = useTranslation();
  const items = state.commitments.filter((c) => onlyFor === undefined || c.participantId === onlyFor);
  return (
    <section aria-labelledby="commitments-h" className="space-y-2">
      <h2 id="commitments-h" className="text-lg font-semibold">
        {t("live.commitments.title")}
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("live.commitments.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-300 p-3 dark:border-stone-700">
              <p>{c.text}</p>
              <p className="text-xs text-stone-600 dark:text-stone-400">
                {state.participants[c.participantId]?.displayName}
                {c.due ? ` · ${t("live.commitments.due", { when: formatDue(c.due, i18n.language) })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function formatDue(due: string, language: string): string {
  const date = new Date(due);
  if (Number.isNaN(date.getTime())) return due;
  // A bare date has no time of day worth showing.
  return /^\d{4}-\d{2}-\d{2}$/.test(due)
    ? new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(date)
    : new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
