import { useTranslation } from "react-i18next";
import type { TranscriptionStatus } from "../../../../domain/api/media";

export interface CaptionLine {
  key: string;
  name: string;
  text: string;
  final: boolean;
}

export type CaptionAvailability = { kind: "nowhere" } | { kind: "serverOnly" | "serverToo"; engine: string };

/**
 * What the person should know about where captions can come from: this browser's speech
 * recognition, and whether the studio's server has a transcription engine. Null when there is
 * nothing to add (the browser captions, the server has no engine) or the server has not answered.
 */
export function captionAvailability(browserRecognition: boolean, server: TranscriptionStatus | undefined): CaptionAvailability | null {
  if (!server) return null;
  if (server.available) return { kind: browserRecognition ? "serverToo" : "serverOnly", engine: server.engine ?? "" };
  return browserRecognition ? null : { kind: "nowhere" };
}

/**
 * Captions of the room. Finished phrases are announced politely; words still being spoken
 * are shown but not read out, so a screen reader hears each phrase once.
 */
export function Captions({
  lines,
  problem,
  note,
  availability,
  availabilityId,
}: {
  lines: CaptionLine[];
  problem: string | null;
  note: string | null;
  availability: CaptionAvailability | null;
  availabilityId: string;
}) {
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
      {availability ? (
        <p id={availabilityId} className="text-sm" data-testid="captions-availability">
          {availability.kind === "nowhere" ? t("captions.nowhere") : t(`captions.${availability.kind}`, { engine: availability.engine })}
        </p>
      ) : null}
      {problem ? <p className="text-sm">{problem}</p> : null}
      {note ? <p className="text-xs text-stone-700 dark:text-stone-300">{note}</p> : null}
    </section>
  );
}
