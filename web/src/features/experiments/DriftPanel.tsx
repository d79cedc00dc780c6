import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { experimentKeys, experimentsApi } from "./api";
import { usePercent } from "./ArmChart";

/** Weekly feedback mix and kept-card meaning against the weeks before, with the server's warning. */
export function DriftPanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation("experiments");
  const { t: common } = useTranslation();
  const pct = usePercent();
  const drift = useQuery({ queryKey: experimentKeys.drift(orgId), queryFn: experimentsApi.drift });
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const data = drift.data;
  const flaggedWeeks = data?.weeks.filter((w) => w.flagged) ?? [];
  return (
    <Panel title={t("drift.title")}>
      <p className="text-sm text-stone-700 dark:text-stone-300">{t("drift.lead")}</p>
      {drift.error ? (
        <div className="space-y-2">
          <LiveMessage tone="error">{errorMessage(common, drift.error)}</LiveMessage>
          <Button variant="secondary" onClick={() => void drift.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : null}
      {data ? (
        <>
          {data.flagged ? (
            <LiveMessage tone="error">
              <strong>⚠ </strong>
              {t("drift.warning", { weeks: flaggedWeeks.map((w) => formatDate(w.week, i18n.language)).join(", ") })}
            </LiveMessage>
          ) : (
            <LiveMessage tone="info">{t("drift.ok", { count: data.weeks.length })}</LiveMessage>
          )}
          <div className="overflow-x-auto">
            <table className="w-full text-start text-sm">
              <caption className="sr-only">{t("drift.title")}</caption>
              <thead>
                <tr>
                  <th scope="col" className="py-1 pe-3 text-start">{t("drift.week")}</th>
                  <th scope="col" className="py-1 pe-3 text-end">{t("drift.events")}</th>
                  <th scope="col" className="py-1 pe-3 text-end">{t("drift.shift")}</th>
                  <th scope="col" className="py-1 pe-3 text-end">{t("drift.cosine")}</th>
                  <th scope="col" className="py-1 text-start">{t("drift.flag")}</th>
                </tr>
              </thead>
              <tbody>
                {data.weeks.map((w) => (
                  <tr key={w.week} className="border-t border-stone-200 dark:border-stone-700">
                    <th scope="row" className="py-1 pe-3 text-start font-normal">{formatDate(w.week, i18n.language)}</th>
                    <td className="py-1 pe-3 text-end tabular-nums">{w.events}</td>
                    <td className="py-1 pe-3 text-end tabular-nums">{w.signalShift === null ? "—" : pct(w.signalShift)}</td>
                    <td className="py-1 pe-3 text-end tabular-nums">{w.embeddingCosine === null ? "—" : number.format(w.embeddingCosine)}</td>
                    <td className="py-1 text-start">{w.flagged ? <strong>⚠ {t("drift.flagged")}</strong> : t("drift.steady")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-stone-700 dark:text-stone-300">{t("drift.thresholds", { shift: number.format(data.thresholds.signalShift), cosine: number.format(data.thresholds.embeddingCosine) })}</p>
        </>
      ) : null}
    </Panel>
  );
}
