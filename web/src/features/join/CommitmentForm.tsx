import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../domain/session/types";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { CommitmentList } from "../sessions/live/Feed";
import { useCommand, useDraft } from "../sessions/live/hooks";
import { useLive } from "../sessions/live/LiveProvider";

type Frame = "24h" | "week" | "date" | "none";

/** The time frame as the server stores it: a moment for "within…", a plain date when one is picked. */
export function dueFor(frame: Frame, date: string, now = Date.now()): string | undefined {
  if (frame === "24h") return new Date(now + 24 * 3600_000).toISOString();
  if (frame === "week") return new Date(now + 7 * 24 * 3600_000).toISOString();
  if (frame === "date" && /^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return undefined;
}

/** Do: one small, concrete step with a time frame. */
export function CommitmentForm({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { me } = useLive();
  const id = useId();
  const [text, setText, clear] = useDraft(state.sessionId, "commitment");
  const [frame, setFrame] = useState<Frame>("24h");
  const [date, setDate] = useState("");
  const [done, setDone] = useState("");
  const { run, error, busy } = useCommand();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone("");
    if (!text.trim()) return;
    const due = dueFor(frame, date);
    const result = await run("commitment.add", due ? { text: text.trim(), due } : { text: text.trim() });
    if (result.ok) {
      clear();
      setDone(t("join.commit.done"));
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t("join.commit.title")}
      </h2>
      <form onSubmit={(e) => void submit(e)} className="space-y-3">
        <TextField label={t("join.commit.label")} hint={t("join.commit.hint")} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
        <fieldset>
          <legend className="text-sm font-medium">{t("join.commit.when")}</legend>
          <div className="flex flex-wrap gap-x-4">
            {(["24h", "week", "date", "none"] as const).map((f) => (
              <label key={f} className="flex min-h-11 items-center gap-2">
                <input type="radio" name={`${id}-frame`} value={f} checked={frame === f} onChange={() => setFrame(f)} />
                {t(`join.commit.frame.${f}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {frame === "date" ? <TextField label={t("join.commit.date")} type="date" value={date} onChange={(e) => setDate(e.target.value)} /> : null}
        <Button type="submit" busy={busy} disabled={!text.trim()}>
          {t("join.commit.submit")}
        </Button>
        <LiveMessage tone="error">{error}</LiveMessage>
        <LiveMessage tone="success">{done}</LiveMessage>
      </form>
      <CommitmentList state={state} onlyFor={me} />
    </section>
  );
}
