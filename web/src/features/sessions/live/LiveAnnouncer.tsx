import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionEventMessage } from "../../../../../domain/realtime";
import type { SessionState } from "../../../../../domain/session/types";
import { useLive } from "./LiveProvider";

export type Audience = "facilitator" | "participant" | "table";

const nameIn = (state: SessionState, id: string) => state.participants[id]?.displayName ?? "";

/** What a new event means to this person, in a sentence; null when it is not news to them. */
export function describeEvent(t: TFunction, m: SessionEventMessage, after: SessionState, me: string | undefined, audience: Audience): string | null {
  const facilitator = audience === "facilitator";
  switch (m.type) {
    case "phase.changed":
      return t("live.news.phase", { name: m.payload.name });
    case "cards.dealt": {
      if (m.payload.to === "table") return t("live.news.spread", { count: m.payload.cards.length });
      const mine = m.payload.cards.filter((c) => c.participantId === me).length;
      if (mine > 0) return t("live.news.dealtToYou", { count: mine });
      return facilitator ? t("live.news.dealt", { count: m.payload.cards.length }) : null;
    }
    case "card.spotlighted":
      return t("live.news.spotlight");
    case "cards.collected":
      return t("live.news.collected");
    case "breakouts.opened": {
      const room = m.payload.rooms.find((r) => me !== undefined && r.participantIds.includes(me));
      if (room) return t("live.news.inRoom", { room: room.index + 1 });
      return t("live.news.roomsOpened", { count: m.payload.rooms.length });
    }
    case "breakouts.moved":
      return m.payload.participantId === me ? t("live.news.inRoom", { room: m.payload.roomIndex + 1 }) : null;
    case "breakouts.broadcast":
      return t("live.news.broadcast", { text: m.payload.text });
    case "breakouts.closed":
      return t("live.news.roomsClosed");
    case "breakouts.facilitatorCalled":
      return facilitator ? t("live.news.called", { name: nameIn(after, m.payload.participantId), room: m.payload.roomIndex + 1 }) : null;
    case "participant.joined":
      if (!facilitator) return null;
      return m.payload.admitted ? t("live.news.joined", { name: m.payload.displayName }) : t("live.news.waiting", { name: m.payload.displayName });
    case "participant.admitted":
      return m.payload.participantId === me ? t("live.news.admitted") : null;
    case "hand.raised":
      return facilitator ? t("live.news.hand", { name: nameIn(after, m.payload.participantId) }) : null;
    case "reflection.added":
      return m.payload.visibility === "shared" && m.payload.participantId !== me ? t("live.news.reflection", { name: nameIn(after, m.payload.participantId) }) : null;
    case "chat.sent":
      return m.payload.participantId !== me && audience !== "table" ? t("live.news.chat", { name: nameIn(after, m.payload.participantId) }) : null;
    case "commitment.added":
      return facilitator && m.payload.participantId !== me ? t("live.news.commitment", { name: nameIn(after, m.payload.participantId) }) : null;
    case "session.ended":
      return t("live.news.ended");
    default:
      return null;
  }
}

/** A polite live region that says what just happened in the session. */
export function LiveAnnouncer({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const { client, me } = useLive();
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!client) return;
    return client.onEvent((m, _before, after) => {
      const text = describeEvent(t, m, after, me, audience);
      if (text) setMessage(text);
    });
  }, [client, me, audience, t]);
  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="live-news">
      {message}
    </div>
  );
}
