import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useSignedIn } from "../../../app/session";
import { LiveMessage } from "../../../components/Alert";
import { Button, buttonClass } from "../../../components/Button";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { Page, PageLoading } from "../../../components/Page";
import { errorMessage } from "../../../lib/errors";
import { usePageTitle } from "../../../lib/usePageTitle";
import { sessionKeys, sessionsApi, type SessionSummary } from "../api";
import { useCardLookup } from "../live/cards";
import { ChatPanel, CommitmentList, SharedReflections } from "../live/Feed";
import { useCommand } from "../live/hooks";
import { LiveAnnouncer } from "../live/LiveAnnouncer";
import { LiveProvider, useLive } from "../live/LiveProvider";
import { LiveStopped } from "../live/LiveStopped";
import { ReconnectBanner } from "../live/ReconnectBanner";
import { userToken } from "../token";
import { BreakoutPanel } from "./BreakoutPanel";
import { DealPanel } from "./DealPanel";
import { JoinInfo } from "./JoinInfo";
import { ParticipantsPanel } from "./ParticipantsPanel";
import { LiveStrip } from "../../signals";
import { MediaMount } from "../../media";
import { PhaseRail } from "./PhaseRail";
import { TimerControls } from "./TimerControls";
import { Copilot } from "../../copilot";
import { ZoomConsoleLinks } from "../../integrations";

const getToken = () => userToken();
const refreshToken = () => userToken({ fresh: true });

export function ConsolePage() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const { activeOrg } = useSignedIn();
  const orgId = activeOrg?.org.id ?? "none";
  const summary = useQuery({ queryKey: sessionKeys.one(orgId, sessionId), queryFn: () => sessionsApi.get(sessionId) });

  if (summary.isPending) return <PageLoading />;
  if (summary.error) {
    return (
      <Page title={t("sessions.console.title")}>
        <LiveMessage tone="error">{errorMessage(t, summary.error)}</LiveMessage>
        <Link to="/sessions" className={buttonClass("secondary")}>
          {t("sessions.backToList")}
        </Link>
      </Page>
    );
  }
  if (!summary.data.participantId) {
    return (
      <Page title={summary.data.title}>
        <LiveMessage tone="info">{t("sessions.console.notFacilitator")}</LiveMessage>
        <Link to={`/sessions/${sessionId}/record`} className={buttonClass("secondary")}>
          {t("sessions.list.record")}
        </Link>
      </Page>
    );
  }
  return (
    <LiveProvider sessionId={sessionId} participantId={summary.data.participantId} getToken={getToken} refreshToken={refreshToken}>
      <Console summary={summary.data} />
    </LiveProvider>
  );
}

function Console({ summary }: { summary: SessionSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { snapshot } = useLive();
  const { run, error, busy } = useCommand();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const state = snapshot.state;
  const lookup = useCardLookup(state, true);
  usePageTitle(summary.title);

  if (snapshot.status === "failed") return <LiveStopped error={snapshot.error} />;
  if (!state) return <PageLoading />;

  const end = async () => {
    const result = await run("session.end", {});
    setConfirmEnd(false);
    if (result.ok) await navigate(`/sessions/${summary.id}/record`);
  };
  const ended = state.status === "ended";

  return (
    <div className="mx-auto w-full max-w-7xl space-y-4 px-4 py-6">
      <ReconnectBanner />
      <LiveAnnouncer audience="facilitator" />
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{summary.title}</h1>
          <p className="text-stone-700 dark:text-stone-300">
            {t(`sessions.state.${state.status}`)}
            {state.locked ? ` · ${t("sessions.console.locked")}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to={`/sessions/${summary.id}/table`} target="_blank" rel="noopener" className={buttonClass("secondary")}>
            {t("sessions.console.openTable")}
          </Link>
          {ended ? (
            <Link to={`/sessions/${summary.id}/record`} className={buttonClass("primary")}>
              {t("sessions.list.record")}
            </Link>
          ) : (
            <>
              {state.status === "lobby" ? (
                <Button onClick={() => void run("session.start", {})} busy={busy}>
                  {t("sessions.console.start")}
                </Button>
              ) : null}
              <Button variant="danger" onClick={() => setConfirmEnd(true)}>
                {t("sessions.console.end")}
              </Button>
            </>
          )}
        </div>
      </header>
      <LiveMessage tone="error">{error}</LiveMessage>
      {snapshot.alerts.length > 0 ? (
        <LiveMessage tone="error">
          <ul>
            {snapshot.alerts.map((a) => (
              <li key={`${a.at}-${a.kind}`}>{a.message}</li>
            ))}
          </ul>
        </LiveMessage>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <MediaMount />
          <PhaseRail state={state} />
          <TimerControls state={state} />
          <DealPanel state={state} lookup={lookup} />
          <BreakoutPanel state={state} />
        </div>
        <div className="space-y-4">
          <JoinInfo summary={summary} />
          <ZoomConsoleLinks sessionId={state.sessionId} />
          <ParticipantsPanel state={state} />
          <Copilot sessionId={state.sessionId} />
          <LiveStrip sessionId={state.sessionId} />
          <Box>
            <SharedReflections state={state} />
          </Box>
          <Box>
            <CommitmentList state={state} />
          </Box>
          <Box>
            <ChatPanel state={state} />
          </Box>
        </div>
      </div>
      <ConfirmDialog open={confirmEnd} title={t("sessions.console.endTitle")} confirmLabel={t("sessions.console.endConfirm")} busy={busy} onConfirm={() => void end()} onCancel={() => setConfirmEnd(false)}>
        <p>{t("sessions.console.endBody")}</p>
      </ConfirmDialog>
    </div>
  );
}

export function Box({ children }: { children: ReactNode }) {
  return <div className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">{children}</div>;
}
