import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { SessionAnalytics } from "../../../../domain/api/analytics";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { Page, PageLoading, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { analyticsApi, analyticsKeys } from "./api";
import { BarFigure, LineFigure } from "./Charts";

/** One session's report: phases, participation, cards, the group's emotion arc and commitments, with exports. */
export function SessionReportPage() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const { activeOrg } = useSignedIn();
  const report = useQuery({ queryKey: analyticsKeys.session(activeOrg?.org.id ?? "none", sessionId), queryFn: () => analyticsApi.session(sessionId) });

  if (report.isPending) return <PageLoading />;
  if (report.error) {
    return (
      <Page title={t("analytics.report.title")}>
        <LiveMessage tone="error">{errorMessage(t, report.error)}</LiveMessage>
        <Button variant="secondary" onClick={() => void report.refetch()}>
          {t("common.retry")}
        </Button>
      </Page>
    );
  }
  return <Report r={report.data} />;
}

function Report({ r }: { r: SessionAnalytics }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const minutes = (s: number) => Math.round((s / 60) * 10) / 10;
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language, { timeStyle: "short" }).format(new Date(iso));
  const names = new Map(r.participants.map((p) => [p.id, p.displayName]));
  const longest = [...r.phases].sort((a, b) => b.seconds - a.seconds)[0];
  const most = [...r.participants].sort((a, b) => b.reflections + b.chatMessages - (a.reflections + a.chatMessages))[0];
  const meanValence = r.emotionArc.length ? r.emotionArc.reduce((a, p) => a + p.valence, 0) / r.emotionArc.length : null;
  const mood = meanValence === null ? "" : meanValence > 0.2 ? "positive" : meanValence < -0.2 ? "negative" : "mixed";

  const download = async (format: "pdf" | "csv" | "json") => {
    setBusy(format);
    setFailed(false);
    try {
      await analyticsApi.download(r.sessionId, format, `${r.title.replace(/[^\p{L}\p{N}]+/gu, "-")}-report.${format}`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Page title={t("analytics.report.titleOf", { title: r.title })} lead={t("analytics.report.lead", { minutes: minutes(r.durationSeconds), people: r.participants.length })} width="lg">
      <div className="flex flex-wrap gap-2">
        <Link to="/analytics" className={buttonClass("secondary")}>
          {t("analytics.report.back")}
        </Link>
        {(["pdf", "csv", "json"] as const).map((f) => (
          <Button key={f} variant="secondary" busy={busy === f} onClick={() => void download(f)}>
            {t(`analytics.report.download.${f}`)}
          </Button>
        ))}
      </div>
      <LiveMessage tone="error">{failed ? t("analytics.report.downloadFailed") : null}</LiveMessage>
      <Panel title={t("analytics.report.phases")}>
        <BarFigure
          title={t("analytics.report.phaseMinutes")}
          summary={longest ? t("analytics.report.phasesSummary", { n: r.phases.length, name: longest.name, minutes: minutes(longest.seconds) }) : t("analytics.report.notStarted")}
          columns={[t("analytics.report.phase"), t("analytics.report.minutes")]}
          rows={r.phases.map((p) => ({ label: p.name, value: minutes(p.seconds) }))}
        />
      </Panel>
      <Panel title={t("analytics.report.participation")}>
        <BarFigure
          title={t("analytics.report.contributions")}
          summary={most ? t("analytics.report.participationSummary", { n: r.participants.length, name: most.displayName }) : t("analytics.report.nobody")}
          columns={[t("analytics.report.person"), t("analytics.report.contributionsColumn")]}
          rows={r.participants.map((p) => ({
            label: p.displayName,
            value: p.reflections + p.chatMessages,
            note: t("analytics.report.contributionNote", { reflections: p.reflections, chat: p.chatMessages, hands: p.handRaises }) + (p.talkShare !== undefined ? ` · ${Math.round(p.talkShare * 100)}%` : ""),
          }))}
        />
      </Panel>
      <Panel title={t("analytics.report.cards")}>
        <p>{t("analytics.report.cardsLine", r.cards)}</p>
        {r.topCards.length ? (
          <ul className="list-disc ps-6 text-sm">
            {r.topCards.slice(0, 5).map((c) => (
              <li key={c.cardId}>{t("analytics.report.cardLine", { word: c.word ?? t("analytics.card"), chosen: c.chosen, swapped: c.swapped })}</li>
            ))}
          </ul>
        ) : null}
      </Panel>
      <Panel title={t("analytics.report.emotion")}>
        <LineFigure
          title={t("analytics.report.arc")}
          summary={meanValence === null ? t("analytics.report.nothingShared") : t(`analytics.report.arcSummary.${mood}`, { points: r.emotionArc.length, mean: meanValence.toFixed(2) })}
          columns={[t("analytics.report.time"), t("analytics.report.valence")]}
          rows={r.emotionArc.map((p) => ({ label: time(p.at), value: p.valence }))}
          domain={[-1, 1]}
        />
      </Panel>
      <Panel title={t("analytics.report.commitments")}>
        {r.commitments.length === 0 ? <p>{t("analytics.report.noCommitments")}</p> : null}
        <ul className="space-y-2">
          {r.commitments.map((c, i) => (
            <li key={i}>
              <span className="font-semibold">{names.get(c.participantId) ?? ""}</span>: {c.text}
              {c.due ? <span className="text-stone-700 dark:text-stone-300"> · {t("analytics.report.due", { when: new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" }).format(new Date(c.due)) })}</span> : null}
            </li>
          ))}
        </ul>
      </Panel>
    </Page>
  );
}
