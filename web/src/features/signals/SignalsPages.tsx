import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { SignalsSummary } from "../../../../domain/signals";
import { LiveProvider, useLive } from "../sessions/live/LiveProvider";
import { userToken } from "../sessions/token";
import { seats } from "../join/seat";
import { usePageTitle } from "../../lib/usePageTitle";
import { signalsApi } from "./api";
import { EngagementStrip } from "./EngagementStrip";
import { MySignals } from "./MySignals";
import { SignalsConsent } from "./SignalsConsent";
import { useSignalsShare } from "./useSignals";

/** `/join/:code/signals`: a guest's own consent and signals, beside their session tab. */
export function ParticipantSignalsPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const seat = seats.load(code);
  usePageTitle(t("signals.page.participantTitle"));
  if (!seat) {
    return (
      <div className="mx-auto max-w-md space-y-3 px-4 py-10">
        <h1 className="text-2xl font-bold">{t("signals.page.participantTitle")}</h1>
        <p>{t("signals.page.noSeat")}</p>
        <Link className="underline" to={`/join/${code}`}>
          {t("signals.page.joinFirst")}
        </Link>
      </div>
    );
  }
  return <ParticipantSignals sessionId={seat.sessionId} token={seat.token} title={seat.title} />;
}

/** Consent and my own signals, inline in the participant's live view. */
export function ParticipantSignalsPanel({ sessionId, token }: { sessionId: string; token: string }) {
  const share = useSignalsShare({ sessionId, seatToken: token });
  return (
    <div className="space-y-4">
      <SignalsConsent share={share} />
      <MySignals mine={share.mine} />
    </div>
  );
}

function ParticipantSignals({ sessionId, token, title }: { sessionId: string; token: string; title: string }) {
  const { t } = useTranslation();
  const share = useSignalsShare({ sessionId, seatToken: token });
  return (
    <div className="mx-auto w-full max-w-2xl space-y-4 px-3 py-6">
      <h1 className="text-2xl font-bold">{t("signals.page.participantHeading", { title })}</h1>
      <SignalsConsent share={share} />
      <MySignals mine={share.mine} />
    </div>
  );
}

/** `/sessions/:sessionId/signals`: the engagement strip on its own page, and the summary afterwards. */
export function FacilitatorSignalsPage() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  usePageTitle(t("signals.page.facilitatorTitle"));
  return (
    <LiveProvider sessionId={sessionId} getToken={() => userToken()} refreshToken={() => userToken({ fresh: true })}>
      <div className="mx-auto w-full max-w-5xl space-y-4 px-3 py-6">
        <h1 className="text-2xl font-bold">{t("signals.page.facilitatorTitle")}</h1>
        <LiveStrip sessionId={sessionId} />
        <SignalsAfterwards sessionId={sessionId} />
      </div>
    </LiveProvider>
  );
}

export function LiveStrip({ sessionId }: { sessionId: string }) {
  const { snapshot } = useLive();
  const people = Object.values(snapshot.state?.participants ?? {})
    .filter((p) => p.role === "participant" && !p.removed)
    .map((p) => ({ id: p.id, displayName: p.displayName, presence: snapshot.presence[p.id] ?? null }));
  return <EngagementStrip sessionId={sessionId} people={people} />;
}

/** Aggregated afterwards: the group per minute and talk shares, read from the stored minute summaries. */
export function SignalsAfterwards({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<SignalsSummary | null>(null);
  useEffect(() => {
    signalsApi.summary(sessionId).then(setSummary, () => setSummary(null));
  }, [sessionId]);
  if (!summary || (!summary.timeline.length && !summary.participants.length)) return null;
  return (
    <section aria-labelledby="signals-after-heading" className="space-y-2">
      <h2 id="signals-after-heading" className="text-lg font-semibold">
        {t("signals.after.title")}
      </h2>
      <table className="text-sm">
        <caption className="sr-only">{t("signals.after.talk")}</caption>
        <thead>
          <tr>
            <th className="pe-4 text-start">{t("signals.after.person")}</th>
            <th className="pe-4 text-start">{t("signals.after.talk")}</th>
          </tr>
        </thead>
        <tbody>
          {summary.participants.map((p) => (
            <tr key={p.participantId}>
              <td className="pe-4">{p.displayName}</td>
              <td className="pe-4">{p.talkShare !== undefined ? `${Math.round(p.talkShare * 100)}%` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
