import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { Page, Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { LazyJourneySuggestions } from "../recs";
import { useZoomMeetingOption } from "../integrations";
import { sessionKeys, sessionsApi } from "./api";

function NewSessionForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const journeys = useQuery({ queryKey: sessionKeys.journeys(orgId), queryFn: sessionsApi.journeys });
  const [title, setTitle] = useState("");
  const [journeyId, setJourneyId] = useState("");
  const [admission, setAdmission] = useState<"auto" | "manual">("auto");
  const admissionId = useId();
  const zoom = useZoomMeetingOption(orgId);
  const chosen = journeys.data?.find((j) => j.id === journeyId);

  useEffect(() => {
    if (!journeyId && journeys.data?.[0]) setJourneyId(journeys.data[0].id);
  }, [journeys.data, journeyId]);

  const create = useMutation({
    mutationFn: () => sessionsApi.create({ title: title.trim() || chosen?.name || t("sessions.untitled"), journeyId, admission }),
    onSuccess: async (s) => {
      const zoomError = await zoom.afterCreate(s.id, t);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all(orgId) });
      await navigate(`/sessions/${s.id}`, zoomError ? { state: { zoomError } } : undefined);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  if (journeys.error) {
    return (
      <div className="space-y-2">
        <LiveMessage tone="error">{errorMessage(t, journeys.error)}</LiveMessage>
        <Button variant="secondary" onClick={() => void journeys.refetch()}>
          {t("common.retry")}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <TextField label={t("sessions.new.title")} hint={t("sessions.new.titleHint")} value={title} maxLength={160} onChange={(e) => setTitle(e.target.value)} error={fieldErrorsOf(create.error).title} />
      <Suspense fallback={null}>
        <LazyJourneySuggestions selectedId={journeyId} onPick={setJourneyId} />
      </Suspense>
      <SelectField
        label={t("sessions.new.journey")}
        value={journeyId}
        onChange={(e) => setJourneyId(e.target.value)}
        disabled={journeys.isPending}
        options={journeys.isPending ? [{ value: "", label: t("app.loading") }] : (journeys.data ?? []).map((j) => ({ value: j.id, label: j.name }))}
        hint={chosen ? `${chosen.description ?? ""} ${chosen.phases.map((p) => p.name).join(" → ")}`.trim() : undefined}
      />
      <fieldset className="space-y-2" aria-describedby={`${admissionId}-hint`}>
        <legend className="text-sm font-medium">{t("sessions.new.admission")}</legend>
        {(["auto", "manual"] as const).map((mode) => (
          <label key={mode} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="admission" value={mode} checked={admission === mode} onChange={() => setAdmission(mode)} />
            {t(`sessions.admission.${mode}`)}
          </label>
        ))}
        <p id={`${admissionId}-hint`} className="text-sm text-stone-600 dark:text-stone-400">
          {t("sessions.new.admissionHint")}
        </p>
      </fieldset>
      {zoom.field}
      <LiveMessage tone="error">{create.error ? errorMessage(t, create.error) : null}</LiveMessage>
      <Button type="submit" busy={create.isPending} disabled={!journeyId}>
        {create.isPending ? t("sessions.new.creating") : t("sessions.new.create")}
      </Button>
    </form>
  );
}

export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { activeOrg } = useSignedIn();
  const orgId = activeOrg?.org.id ?? "none";
  const list = useQuery({ queryKey: sessionKeys.all(orgId), queryFn: sessionsApi.list });

  return (
    <Page title={t("sessions.title")} lead={t("sessions.lead")} width="lg">
      <Panel title={t("sessions.new.heading")}>
        <NewSessionForm orgId={orgId} />
      </Panel>
      <Panel title={t("sessions.list.heading")}>
        {list.isPending ? (
          <p role="status">{t("app.loading")}</p>
        ) : list.error ? (
          <div className="space-y-2">
            <LiveMessage tone="error">{errorMessage(t, list.error)}</LiveMessage>
            <Button variant="secondary" onClick={() => void list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : list.data.length === 0 ? (
          <p>{t("sessions.list.empty")}</p>
        ) : (
          <ul className="divide-y divide-stone-300 dark:divide-stone-700">
            {list.data.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <p className="font-semibold">{s.title}</p>
                  <p className="text-sm text-stone-700 dark:text-stone-300">
                    {t(`sessions.status.${s.status}`)} · {formatDate(s.createdAt, i18n.language)} · {t("sessions.list.code", { code: s.joinCode })} ·{" "}
                    {t("sessions.list.people", { count: s.participantCount })}
                  </p>
                </div>
                {s.status === "ended" ? (
                  <Link to={`/sessions/${s.id}/record`} className={buttonClass("secondary")} aria-label={t("sessions.list.recordOf", { title: s.title })}>
                    {t("sessions.list.record")}
                  </Link>
                ) : (
                  <Link to={`/sessions/${s.id}`} className={buttonClass("primary")} aria-label={t("sessions.list.openOf", { title: s.title })}>
                    {t("sessions.list.open")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </Page>
  );
}
