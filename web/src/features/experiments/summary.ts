import type { ArmView } from "./api";

/** A sentence a screen reader (and everyone) can read instead of the chart. */
export function armsSummary(t: (k: string, o?: Record<string, unknown>) => string, pct: (x: number) => string, arms: ArmView[], minExposures: number): string {
  const lines = arms.map((a) =>
    a.rate === null || !a.ci
      ? t("arms.summaryArmNoData", { arm: a.key })
      : t("arms.summaryArm", { arm: a.key, rate: pct(a.rate), low: pct(a.ci.low), high: pct(a.ci.high), exposures: a.exposures }),
  );
  let verdict: string;
  if (!arms.every((a) => a.enoughData)) verdict = t("arms.summaryWaiting", { min: minExposures });
  else {
    const sorted = [...arms].sort((x, y) => (y.rate ?? 0) - (x.rate ?? 0));
    const [best, next] = sorted;
    verdict = best.ci && next?.ci && best.ci.low > next.ci.high ? t("arms.summaryLeader", { arm: best.key }) : t("arms.summaryOverlap");
  }
  return `${lines.join("; ")}. ${verdict}`;
}
