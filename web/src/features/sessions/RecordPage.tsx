import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { Page, PageLoading, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { sessionKeys, sessionsApi } from "./api";
import { formatDue } from "./live/Feed";
import { ZoomRecord } from "../integrations";

function duration(seconds: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m > 0 ? t("sessions.record.minutesSeconds", { m, s }) : t("sessions.record.seconds", { s });
}

/** What happened in a session, from its log: phases and their lengths, cards, what was shared and promised. */
export function RecordPage() {
  const { t, i18n } = useTranslation();
  const { sessionId = "" } = useParams();
  const { activeOrg } = useSignedIn();
  const record = useQuery({ queryKey: sessionKeys.record(activeOrg?.org.id ?? "none", sessionId), queryFn: () => sessionsApi.record(sessionId) });
  const journeyId = record.data?.session.journeyId ?? null;
  // The log names every phase it moved to; the first one, entered by starting, is named from the journey.
  const journey = useQuery({
    queryKey: sessionKeys.journey(activeOrg?.org.id ?? "none", journeyId ?? ""),
    queryFn: () => sessionsApi.journey(journeyId ?? ""),
    enabled: journeyId !== null && (record.data?.phases.some((p) => !p.name) ?? false),
  });
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { timeStyle: "short" }).format(new Date(iso));

  if (record.isPending) return <PageLoading />;
  if (record.error) {
    return (
      <Page title={t("sessions.record.title")}>
        <LiveMessage tone="error">{errorMessage(t, record.error)}</LiveMessage>
        <Button variant="secondary" onClick={() => void record.refetch()}>
          {t("common.retry")}
        </Button>
      </Page>
    );
  }
  const r = record.data;
  const name = (id: string | null) => r.participants.find((p) => p.id === id)?.displayName ?? "";
  return (
    <Page title={t("sessions.record.titleOf", { title: r.session.title })} lead={t(`sessions.status.${r.session.status}`)} width="lg">
      <Link to="/sessions" className={buttonClass("secondary")}>
        {t("sessions.backToList")}
      </Link>
      <Panel title={t("sessions.record.phases")}>
        {r.phases.length === 0 ? <p>{t("sessions.record.noPhases")}</p> : null}
        <ol className="space-y-2">
          {r.phases.map((p, i) => (
            <li key={`${i}-${p.startedAt}`} className="flex flex-wrap justify-between gap-2 border-s-4 border-brand-700 ps-3 dark:border-brand-300">
              <span className="font-semibold">{p.name || journey.data?.phases[p.index]?.name || t("sessions.record.phaseNumber", { index: p.index + 1 })}</span>
              <span className="text-stone-700 dark:text-stone-300">
                {time(p.startedAt)} · {duration(p.seconds, t)}
              </span>
            </li>
          ))}
        </ol>
      </Panel>
      <Panel title={t("sessions.record.cards")}>
        {r.cards.length === 0 ? <p>{t("sessions.record.noCards")}</p> : null}
        <ul className="space-y-1">
          {r.cards.map((c, i) => (
            <li key={`${i}-${c.cardId}-${c.event}`}>
              <span className="font-medium">{c.word ?? t("sessions.record.unknownCard")}</span> — {t(`sessions.record.cardEvent.${c.event}`)}
              {c.participantId ? ` · ${name(c.participantId)}` : ""} <span className="text-sm text-stone-600 dark:text-stone-400">{time(c.at)}</span>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title={t("sessions.record.reflections")}>
        {r.reflections.length === 0 ? <p>{t("sessions.record.noReflections")}</p> : null}
        <ul className="space-y-2">
          {r.reflections.map((x) => (
            <li key={x.id}>
              <p className="whitespace-pre-wrap">{x.text}</p>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {x.displayName} · {time(x.at)}
              </p>
            </li>
          ))}
        </ul>
      </Panel>
      <Panel title={t("sessions.record.commitments")}>
        {r.commitments.length === 0 ? <p>{t("sessions.record.noCommitments")}</p> : null}
        <ul className="space-y-2">
          {r.commitments.map((c, i) => (
            <li key={`${i}-${c.at}`}>
              <p>{c.text}</p>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                {c.displayName}
                {c.due ? ` · ${t("live.commitments.due", { when: formatDue(c.due, i18n.language) })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      </Panel>
      {r.breakouts.length > 0 ? (
        <Panel title={t("sessions.record.breakouts")}>
          <ul>
            {r.breakouts.map((b) => (
              <li key={b.openedAt}>{t("sessions.record.breakoutRound", { time: time(b.openedAt), count: b.rooms })}</li>
            ))}
          </ul>
        </Panel>
      ) : null}
      {r.zoom ? <ZoomRecord zoom={r.zoom} /> : null}
    </Page>
  );
}
