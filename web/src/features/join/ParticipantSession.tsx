import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { PageLoading } from "../../components/Page";
import { usePageTitle } from "../../lib/usePageTitle";
import { Countdown } from "../sessions/live/Countdown";
import { ChatPanel, CommitmentList, SharedReflections } from "../sessions/live/Feed";
import { LiveAnnouncer } from "../sessions/live/LiveAnnouncer";
import { LiveProvider, useLive } from "../sessions/live/LiveProvider";
import { LiveStopped } from "../sessions/live/LiveStopped";
import { PhaseInfo } from "../sessions/live/PhaseInfo";
import { ReconnectBanner } from "../sessions/live/ReconnectBanner";
import { BreakoutRoomInfo } from "./BreakoutRoomInfo";
import { CommitmentForm } from "./CommitmentForm";
import { EndScreen } from "./EndScreen";
import { HandAndReactions } from "./HandAndReactions";
import { MyCards, TableSpread } from "./MyCards";
import { ReflectionForm } from "./ReflectionForm";
import { Spotlight } from "./Spotlight";
import type { Seat } from "./seat";
import { SeatCardsProvider } from "./seatCards";
import { ParticipantSignalsPanel } from "../signals";
import { MediaMount } from "../media";
import { ParticipantCoach } from "../coach";
import { ZoomParticipantLink } from "../integrations";

export function ParticipantSession({ seat, onLeave }: { seat: Seat; onLeave: () => void }) {
  return (
    <LiveProvider sessionId={seat.sessionId} participantId={seat.participantId} getToken={() => Promise.resolve(seat.token)}>
      <ParticipantView seat={seat} onLeave={onLeave} />
    </LiveProvider>
  );
}

const box = "space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900";

/** The participant's screen, phone first: phase and timer on top, then cards, then words. */
function ParticipantView({ seat, onLeave }: { seat: Seat; onLeave: () => void }) {
  const { t } = useTranslation();
  const { snapshot, me } = useLive();
  const state = snapshot.state;
  usePageTitle(seat.title);

  if (snapshot.status === "failed") {
    return (
      <LiveStopped error={snapshot.error}>
        {/* Someone removed by the facilitator is not invited back in. */}
        {snapshot.error?.message === "removed" ? null : <Button onClick={onLeave}>{t("join.again")}</Button>}
      </LiveStopped>
    );
  }
  if (!state || !me) return <PageLoading />;
  const self = state.participants[me];
  if (state.status === "ended") return <EndScreen seat={seat} state={state} />;

  if (!self?.admitted) {
    return (
      <div className="mx-auto max-w-md space-y-4 px-4 py-10 text-center">
        <ReconnectBanner />
        <LiveAnnouncer audience="participant" />
        <h1 className="text-2xl font-bold">{seat.title}</h1>
        <p role="status" className="text-lg">
          {t("join.lobby", { name: self?.displayName ?? seat.displayName })}
        </p>
        <p className="text-stone-700 dark:text-stone-300">{t("join.lobbyHint")}</p>
      </div>
    );
  }

  const isDo = (state.journey.phases[state.phase.index]?.key ?? state.phase.name.toLowerCase()) === "do";
  return (
    <SeatCardsProvider sessionId={seat.sessionId} token={seat.token} state={state}>
    <div className="mx-auto w-full max-w-3xl space-y-4 px-3 py-4 sm:px-4">
      <ReconnectBanner />
      <LiveAnnouncer audience="participant" />
      <header className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-bold sm:text-2xl">{seat.title}</h1>
          <p className="text-sm text-stone-700 dark:text-stone-300">{t("join.youAre", { name: self.displayName })}</p>
        </div>
        <Countdown timer={state.timer} />
      </header>
      <PhaseInfo state={state} audience="participant" />
      <BreakoutRoomInfo state={state} />
      <MediaMount seatToken={seat.token} />
      <ZoomParticipantLink sessionId={seat.sessionId} token={seat.token} userName={self.displayName} />
      <Spotlight state={state} />
      <div className={box}>
        <MyCards state={state} />
      </div>
      <TableSpread state={state} />
      <div className={box}>
        <HandAndReactions state={state} />
      </div>
      {isDo ? (
        <div className={box}>
          <CommitmentForm state={state} />
        </div>
      ) : null}
      <div className={box}>
        <ReflectionForm state={state} />
      </div>
      <ParticipantSignalsPanel sessionId={seat.sessionId} token={seat.token} />
      <ParticipantCoach seat={seat} state={state} me={me} />
      {state.commitments.some((c) => c.participantId === me) && !isDo ? (
        <div className={box}>
          <CommitmentList state={state} onlyFor={me} />
        </div>
      ) : null}
      <div className={box}>
        <SharedReflections state={state} />
      </div>
      <div className={box}>
        <ChatPanel state={state} />
      </div>
    </div>
    </SeatCardsProvider>
  );
}
