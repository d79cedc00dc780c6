import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Page, PageLoading, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { canManageOrg, formatDate } from "../../lib/format";
import { ArmChart } from "./ArmChart";
import { experimentKeys, experimentsApi, type ExperimentView } from "./api";
import { DriftPanel } from "./DriftPanel";
import { ExperimentForm } from "./ExperimentForm";
import { ModelsPanel } from "./ModelsPanel";

/** A/B tests, the drift monitor and the recommender's model versions, for the organisation's admins. */
export function ExperimentsPage() {
  const { t } = useTranslation("experiments");
  const { activeOrg } = useSignedIn();
  if (!canManageOrg(activeOrg?.role)) {
    return (
      <Page title={t("title")} lead={t("lead")} width="lg">
        <LiveMessage tone="info">{t("adminsOnly")}</LiveMessage>
      </Page>
    );
  }
  return (
    <Page title={t("title")} lead={t("lead")} width="lg">
      <ExperimentList orgId={activeOrg!.org.id} />
      <ExperimentForm orgId={activeOrg!.org.id} />
      <DriftPanel orgId={activeOrg!.org.id} />
      <ModelsPanel orgId={activeOrg!.org.id} />
    </Page>
  );
}

function ExperimentList({ orgId }: { orgId: string }) {
  const { t } = useTranslation("experiments");
  const { t: common } = useTranslation();
  const list = useQuery({ queryKey: experimentKeys.list(orgId), queryFn: experimentsApi.list });
  return (
    <Panel title={t("list.title")}>
      {list.isPending ? <PageLoading /> : null}
      {list.error ? (
        <div className="space-y-2">
          <LiveMessage tone="error">{errorMessage(common, list.error)}</LiveMessage>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : null}
      {list.data && list.data.length === 0 ? <p>{t("list.empty")}</p> : null}
      <ul className="space-y-6">
        {(list.data ?? []).map((e) => (
          <ExperimentItem key={e.id} orgId={orgId} experiment={e} />
        ))}
      </ul>
    </Panel>
  );
}

function ExperimentItem({ orgId, experiment: e }: { orgId: string; experiment: ExperimentView }) {
  const { t, i18n } = useTranslation("experiments");
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const stop = useMutation({
    mutationFn: () => experimentsApi.stop(e.id),
    onSuccess: async () => {
      setConfirm(false);
      await queryClient.invalidateQueries({ queryKey: experimentKeys.list(orgId) });
    },
  });
  return (
    <li className="space-y-3 border-t border-stone-200 pt-4 first:border-t-0 first:pt-0 dark:border-stone-700" aria-labelledby={`exp-${e.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`exp-${e.id}`} className="font-semibold">
            {e.name}
          </h3>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            {t("list.meta", { target: t(`list.target.${e.target}`), status: t(`list.status.${e.status}`), started: formatDate(e.startedAt, i18n.language) })}
          </p>
          {e.description ? <p className="text-sm">{e.description}</p> : null}
        </div>
        {e.status === "running" ? (
          <Button variant="danger" onClick={() => setConfirm(true)} aria-label={t("list.stopLabel", { name: e.name })}>
            {t("list.stop")}
          </Button>
        ) : null}
      </div>
      <ArmChart arms={e.arms} minExposures={e.minExposures} />
      <LiveMessage tone="info">{stop.isSuccess ? t("list.stopped", { name: e.name }) : null}</LiveMessage>
      <LiveMessage tone="error">{stop.error ? errorMessage(common, stop.error) : null}</LiveMessage>
      <ConfirmDialog open={confirm} title={t("list.stopTitle")} confirmLabel={t("list.stopConfirm")} busy={stop.isPending} onConfirm={() => stop.mutate()} onCancel={() => setConfirm(false)}>
        <p>{t("list.stopBody")}</p>
      </ConfirmDialog>
    </li>
  );
}
