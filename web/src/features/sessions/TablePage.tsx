import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { PageLoading } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { usePageTitle } from "../../lib/usePageTitle";
import { sessionKeys, sessionsApi, type SessionSummary } from "./api";
import { useQrUrl } from "./console/JoinInfo";
import { CardView, cardsIn, useCardLookup } from "./live/cards";
import { Countdown } from "./live/Countdown";
import { LiveAnnouncer } from "./live/LiveAnnouncer";
import { LiveProvider, useLive } from "./live/LiveProvider";
import { LiveStopped } from "./live/LiveStopped";
import { ReconnectBanner } from "./live/ReconnectBanner";
import { userToken } from "./token";

const getToken = () => userToken();
const refreshToken = () => userToken({ fresh: true });

/** The shared screen in the room: it sees only what any participant may see. */
export function TablePage() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const { activeOrg } = useSignedIn();
  const summary = useQuery({ queryKey: sessionKeys.one(activeOrg?.org.id ?? "none", sessionId), queryFn: () => sessionsApi.get(sessionId) });
  if (summary.isPending) return <PageLoading />;
  if (summary.error) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-8">
        <LiveMessage tone="error">{errorMessage(t, summary.error)}</LiveMessage>
      </div>
    );
  }
  return (
    <LiveProvider sessionId={sessionId} view="table" getToken={getToken} refreshToken={refreshToken}>
      <Table summary={summary.data} />
    </LiveProvider>
  );
}

function Table({ summary }: { summary: SessionSummary }) {
  const { t } = useTranslation();
  const { snapshot } = useLive();
  const qr = useQrUrl(summary.id);
  const state = snapshot.state;
  const lookup = useCardLookup(state, true);
  usePageTitle(t("sessions.table.title", { title: summary.title }));
  if (snapshot.status === "failed") return <LiveStopped error={snapshot.error} />;
  if (!state) return <PageLoading />;

  const table = cardsIn(state, { kind: "table" });
  const spot = state.spotlight ? Object.values(state.cards).find((c) => c.slot === state.spotlight?.slot) : undefined;
  const phase = state.journey.phases[state.phase.index];
  const rooms = state.breakouts.rooms.length;

  return (
    <div className="mx-auto w-full max-w-[110rem] space-y-6 px-4 py-6">
      <ReconnectBanner />
      <LiveAnnouncer audience="table" />
      <header className="flex flex-wrap items-start justify-between gap-6">
        <div className="space-y-2">
          <h1 className="text-3xl font-bold sm:text-5xl">{summary.title}</h1>
          <p className="text-xl sm:text-3xl">
            <span className="font-semibold">{state.phase.name}</span>
            <span className="text-stone-700 dark:text-stone-300"> · {t("live.phaseOf", { index: state.phase.index + 1, total: state.journey.phases.length })}</span>
          </p>
          {phase?.instructions?.participant ? <p className="max-w-3xl text-lg sm:text-2xl">{phase.instructions.participant}</p> : null}
          {rooms > 0 ? <p className="text-lg font-semibold">{t("sessions.table.inRooms", { count: rooms })}</p> : null}
          {state.status === "ended" ? <p className="text-2xl font-semibold">{t("live.news.ended")}</p> : null}
        </div>
        <div className="flex items-start gap-6">
          <Countdown timer={state.timer} size="xl" />
          <div className="text-center">
            <p className="text-sm">{t("sessions.table.joinAt")}</p>
            <p className="font-mono text-4xl font-bold tracking-[0.3em]">{summary.joinCode}</p>
            {qr ? <img src={qr} alt={t("sessions.join.qrAlt", { code: summary.joinCode })} className="mx-auto mt-2 w-40 rounded bg-white p-2" /> : null}
          </div>
        </div>
      </header>
      {spot ? (
        <section aria-labelledby="spot-h" className="flex flex-col items-center gap-2">
          <h2 id="spot-h" className="text-2xl font-semibold">
            {t("sessions.table.spotlight")}
          </h2>
          <CardView card={spot} info={lookup(spot.cardId)} size="lg" />
          {state.spotlight?.participantId ? <p className="text-xl">{state.participants[state.spotlight.participantId]?.displayName}</p> : null}
        </section>
      ) : null}
      <section aria-labelledby="table-h" className="space-y-3">
        <h2 id="table-h" className="text-2xl font-semibold">
          {t("sessions.table.onTable", { count: table.length })}
        </h2>
        <ul className="flex flex-wrap gap-4">
          {table.map((c) => (
            <li key={c.slot}>
              <CardView card={c} info={c.faceUp ? lookup(c.cardId) : undefined} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
