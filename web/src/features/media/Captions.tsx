import { useTranslation } from "react-i18next";

export interface CaptionLine {
  key: string;
  name: string;
  text: string;
  final: boolean;
}

/**
 * Captions of the room. Finished phrases are announced politely; words still being spoken
 * are shown but not read out, so a screen reader hears each phrase once.
 */
export function Captions({ lines, problem, note }: { lines: CaptionLine[]; problem: string | null; note: string | null }) {
  const { t } = useTranslation("media");
  const finals = lines.filter((l) => l.final).slice(-4);
  const interim = lines.filter((l) => !l.final).slice(-2);
  return (
    <section aria-labelledby="media-captions-title" className="space-y-1 rounded-lg border border-stone-300 p-3 dark:border-stone-700">
      <h3 id="media-captions-title" className="text-sm font-semibold">
        {t("captions.title")}
      </h3>
      <div role="log" aria-live="polite" aria-relevant="additions" className="space-y-1 text-sm">
        {finals.map((l) => (
          <p key={l.key}>{t("captions.line", { name: l.name, text: l.text })}</p>
        ))}
      </div>
      <div aria-hidden="true" className="text-sm text-stone-700 italic dark:text-stone-300">
        {interim.map((l) => (
          <p key={l.key}>{t("captions.line", { name: l.name, text: l.text })}</p>
        ))}
      </div>
      {finals.length === 0 && interim.length === 0 ? <p className="text-sm text-stone-700 dark:text-stone-300">{t("captions.empty")}</p> : null}
      {problem ? <p className="text-sm">{problem}</p> : null}
      {note ? <p className="text-xs text-stone-700 dark:text-stone-300">{note}</p> : null}
    </section>
  );
}
