import { useTranslation } from "react-i18next";
import { engagementLevel } from "../../../../domain/signals";
import type { MySignals as Mine } from "./useSignals";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** What this device measured in the last window: the participant sees exactly what their facilitators see. */
export function MySignals({ mine }: { mine: Mine | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="my-signals-heading" className="space-y-2 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="my-signals-heading" className="text-lg font-semibold">
        {t("signals.mine.title")}
      </h2>
      {!mine ? (
        <p>{t("signals.mine.none")}</p>
      ) : (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm" data-testid="my-signals">
          <dt>{t("signals.mine.engagement")}</dt>
          <dd>{mine.engagement === undefined ? "—" : `${t(`signals.level.${engagementLevel(mine.engagement)}`)} (${pct(mine.engagement)})`}</dd>
          {mine.voice ? (
            <>
              <dt>{t("signals.mine.talk")}</dt>
              <dd>{t("signals.mine.seconds", { count: Math.round(mine.voice.speakingMs / 1000) })}</dd>
              <dt>{t("signals.mine.loudness")}</dt>
              <dd>{pct(mine.voice.loudness)}</dd>
              <dt>{t("signals.mine.pitch")}</dt>
              <dd>{t("signals.mine.semitones", { value: mine.voice.pitchVariation.toFixed(1) })}</dd>
              <dt>{t("signals.mine.rate")}</dt>
              <dd>{t("signals.mine.perSecond", { value: mine.voice.speakingRate.toFixed(1) })}</dd>
            </>
          ) : null}
          {mine.face ? (
            <>
              <dt>{t("signals.mine.present")}</dt>
              <dd>{pct(mine.face.presence)}</dd>
              <dt>{t("signals.mine.looking")}</dt>
              <dd>{pct(mine.face.attention)}</dd>
              <dt>{t("signals.mine.expression")}</dt>
              <dd>{topExpression(mine.face.expressions, t)}</dd>
              <dt>{t("signals.mine.analysis")}</dt>
              <dd>{mine.load ? t("signals.mine.load", { fps: mine.load.fps.toFixed(1), busy: pct(mine.load.busyShare) }) : "—"}</dd>
            </>
          ) : null}
          <dt>{t("signals.mine.sent")}</dt>
          <dd>{mine.sent ? t("signals.mine.sentYes") : t("signals.mine.sentNo")}</dd>
        </dl>
      )}
    </section>
  );
}

function topExpression(expressions: Record<string, number | undefined>, t: (k: string) => string): string {
  const top = Object.entries(expressions).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
  return top ? t(`signals.expression.${top[0]}`) : "—";
}
