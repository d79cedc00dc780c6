import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, XAxis, YAxis } from "recharts";
import type { ArmView } from "./api";
import { armsSummary } from "./summary";

/** Meets 3:1 contrast on light and dark backgrounds; the arm's name, not the colour, tells arms apart. */
const BAR = "#0d9488";

export function usePercent() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 1 });
  return (x: number) => format.format(x);
}

/** Each arm's rate as a bar with its 95% interval as an error bar, then the same figures as a table. */
export function ArmChart({ arms, minExposures }: { arms: ArmView[]; minExposures: number }) {
  const { t } = useTranslation("experiments");
  const pct = usePercent();
  const id = useId();
  const summary = armsSummary(t, pct, arms, minExposures);
  const data = arms.map((a) => ({ key: a.key, rate: a.rate ?? 0, err: a.ci && a.rate !== null ? [a.rate - a.ci.low, a.ci.high - a.rate] : [0, 0] }));
  const anyData = arms.some((a) => a.exposures > 0);
  return (
    <figure aria-labelledby={`${id}-t`} className="space-y-2">
      <h4 id={`${id}-t`} className="text-sm font-semibold">
        {t("arms.chartTitle")}
      </h4>
      <figcaption className="text-sm text-stone-700 dark:text-stone-300" data-testid="arms-summary">
        {summary}
      </figcaption>
      {anyData ? (
        <div role="img" aria-label={summary} className="h-48 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="key" />
              <YAxis domain={[0, 1]} tickFormatter={(v: number) => pct(v)} width={48} />
              <Bar dataKey="rate" fill={BAR} isAnimationActive={false}>
                <ErrorBar dataKey="err" width={8} strokeWidth={2} stroke="currentColor" direction="y" />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-start text-sm">
          <caption className="sr-only">{t("arms.chartTitle")}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pe-3 text-start">{t("arms.arm")}</th>
              <th scope="col" className="py-1 pe-3 text-end">{t("arms.exposures")}</th>
              <th scope="col" className="py-1 pe-3 text-end">{t("arms.successes")}</th>
              <th scope="col" className="py-1 pe-3 text-end">{t("arms.rate")}</th>
              <th scope="col" className="py-1 pe-3 text-end">{t("arms.interval")}</th>
              <th scope="col" className="py-1 text-start">{t("arms.status")}</th>
            </tr>
          </thead>
          <tbody>
            {arms.map((a) => (
              <tr key={a.key} className="border-t border-stone-200 dark:border-stone-700">
                <th scope="row" className="py-1 pe-3 text-start font-medium">{a.key}</th>
                <td className="py-1 pe-3 text-end tabular-nums">{a.exposures}</td>
                <td className="py-1 pe-3 text-end tabular-nums">{a.successes}</td>
                <td className="py-1 pe-3 text-end tabular-nums">{a.rate === null ? "—" : pct(a.rate)}</td>
                <td className="py-1 pe-3 text-end tabular-nums">{a.ci ? `${pct(a.ci.low)} – ${pct(a.ci.high)}` : "—"}</td>
                <td className="py-1 text-start">
                  {a.exposures === 0 ? t("arms.noData") : a.enoughData ? `✓ ${t("arms.enough")}` : t("arms.notEnough", { exposures: a.exposures, min: minExposures })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
