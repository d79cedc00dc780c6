import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { experimentKeys, experimentsApi } from "./api";

const pairs = (o: Record<string, unknown>) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${typeof v === "number" ? Math.round(v * 1000) / 1000 : String(v)}`)
    .join(", ");

/** The recommender's trained versions, newest first, and a button to train one now. */
export function ModelsPanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation("experiments");
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const models = useQuery({ queryKey: experimentKeys.models(orgId), queryFn: experimentsApi.models });
  const retrain = useMutation({
    mutationFn: experimentsApi.retrain,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: experimentKeys.models(orgId) }),
  });
  const items = models.data?.items ?? [];
  return (
    <Panel title={t("models.title")}>
      <p className="text-sm text-stone-700 dark:text-stone-300">{t("models.lead")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button busy={retrain.isPending} onClick={() => retrain.mutate()}>
          {t("models.retrain")}
        </Button>
        {models.data ? <span className="text-sm">{t("models.serving", { name: models.data.serving.name, version: models.data.serving.version })}</span> : null}
      </div>
      <LiveMessage tone="success">{retrain.data && !retrain.isPending ? t("models.retrained", { version: retrain.data.version }) : null}</LiveMessage>
      <LiveMessage tone="error">{retrain.error ? errorMessage(common, retrain.error) : models.error ? errorMessage(common, models.error) : null}</LiveMessage>
      {models.data && items.length === 0 ? <p>{t("models.empty")}</p> : null}
      {items.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-start text-sm" data-testid="models-table">
            <caption className="sr-only">{t("models.title")}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pe-3 text-start">{t("models.version")}</th>
                <th scope="col" className="py-1 pe-3 text-start">{t("models.scope")}</th>
                <th scope="col" className="py-1 pe-3 text-start">{t("models.window")}</th>
                <th scope="col" className="py-1 pe-3 text-end">{t("models.events")}</th>
                <th scope="col" className="py-1 pe-3 text-start">{t("models.metrics")}</th>
                <th scope="col" className="py-1 pe-3 text-start">{t("models.params")}</th>
                <th scope="col" className="py-1 text-start">{t("models.trigger")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} className="border-t border-stone-200 align-top dark:border-stone-700">
                  <th scope="row" className="py-1 pe-3 text-start font-medium">
                    {m.name} {m.version}
                    {m.serving ? <span className="ms-1 rounded border border-current px-1 text-xs">{t("models.servingBadge")}</span> : null}
                  </th>
                  <td className="py-1 pe-3">{m.scope === "shared" ? t("models.scopeShared") : t("models.scopeOrg")}</td>
                  <td className="py-1 pe-3">{t("models.windowValue", { from: m.trainedFrom ? formatDate(m.trainedFrom, i18n.language) : "—", to: formatDate(m.trainedTo, i18n.language) })}</td>
                  <td className="py-1 pe-3 text-end tabular-nums">{m.eventCount}</td>
                  <td className="py-1 pe-3 text-xs" dir="ltr">{pairs(m.metrics)}</td>
                  <td className="py-1 pe-3 text-xs" dir="ltr">
                    <details>
                      <summary className="cursor-pointer">{Object.keys(m.params).length}</summary>
                      {pairs(m.params)}
                    </details>
                  </td>
                  <td className="py-1">{t(`models.triggerValue.${m.trigger}`, { defaultValue: m.trigger })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}
