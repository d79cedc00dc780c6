import { useId, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { hasCoachInbox, KEEP_OWN_LINES, lastFinished, sendToCoach, textForCoach, watchCoachInboxes, type CoachOwner, type OwnLine } from "./toCoach";

/** Phrases listed one by one; older ones can still go with "my last phrases". */
const SHOWN = 5;
const HOW_MANY = [2, 3, 5, 10] as const;

/**
 * A participant's own finished caption phrases, each of which (or the last few together) they may
 * choose to put into their private coach panel as a draft. Shown only when that panel is on the
 * page; other people's captions never appear here.
 */
export function CaptionsToCoach({ owner, lines, captionsOn }: { owner: CoachOwner; lines: readonly OwnLine[]; captionsOn: boolean }) {
  const { t } = useTranslation("media");
  const headingId = useId();
  const [howMany, setHowMany] = useState<number>(3);
  const [sent, setSent] = useState<{ count: number; at: number } | null>(null);
  const coachHere = useSyncExternalStore(watchCoachInboxes, () => hasCoachInbox(owner));

  const finished = lastFinished(lines, KEEP_OWN_LINES);
  if (!coachHere || (!captionsOn && finished.length === 0)) return null;
  const shown = finished.slice(-SHOWN);
  const lastCount = Math.min(howMany, finished.length);

  const send = (chosen: readonly OwnLine[]) => {
    if (sendToCoach(owner, textForCoach(chosen))) setSent({ count: chosen.length, at: Date.now() });
  };

  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded-lg border border-stone-300 p-3 dark:border-stone-700" data-testid="captions-to-coach">
      <h3 id={headingId} className="text-sm font-semibold">
        {t("toCoach.title")}
      </h3>
      <p className="text-xs text-stone-700 dark:text-stone-300">{t("toCoach.explain")}</p>
      {shown.length === 0 ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("toCoach.waiting")}</p>
      ) : (
        <>
          <ul aria-label={t("toCoach.lines")} className="space-y-2">
            {shown.map((l) => (
              <li key={l.key} className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 pb-2 last:border-b-0 dark:border-stone-800">
                <p className="min-w-0 flex-1 text-sm break-words">{l.text}</p>
                <Button variant="secondary" aria-label={t("toCoach.sendLine", { text: l.text })} onClick={() => send([l])}>
                  {t("toCoach.send")}
                </Button>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm font-medium">
              {t("toCoach.howMany")}
              <select
                className="ms-2 min-h-11 rounded-lg border border-stone-400 bg-white px-3 dark:border-stone-500 dark:bg-stone-950"
                value={howMany}
                onChange={(e) => setHowMany(Number(e.target.value))}
              >
                {HOW_MANY.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <Button variant="secondary" onClick={() => send(lastFinished(finished, howMany))}>
              {t("toCoach.sendLast", { count: lastCount })}
            </Button>
          </div>
        </>
      )}
      {/* Not role=status: the panel's call status is its one status region. */}
      <p aria-live="polite" className="text-sm">
        {sent ? <span key={sent.at}>{t("toCoach.sent", { count: sent.count })}</span> : null}
      </p>
    </section>
  );
}
