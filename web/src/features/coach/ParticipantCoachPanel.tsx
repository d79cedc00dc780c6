import { useMutation } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../domain/session/types";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Panel } from "../../components/Page";
import { browserStore } from "../../lib/storage";
import { coachApi, seatTransport } from "./api";
import { ConversationView } from "./Conversation";
import { SummaryEditor } from "./SummaryEditor";
import { useErrorText } from "./useErrorText";

export interface CoachSeat {
  sessionId: string;
  participantId: string;
  token: string;
}

const storeKey = (participantId: string) => `pyou.coach.seat.${participantId}`;

/** The cards in my hand that I can see: the coach talks about those, never about anyone else's. */
export function myVisibleCards(state: SessionState, me: string): string[] {
  return Object.values(state.cards)
    .filter((c) => c.location.kind === "hand" && c.location.participantId === me && c.faceUp && !c.hidden && !c.cardId.startsWith("hidden"))
    .map((c) => c.cardId);
}

/**
 * A participant's private coach inside a live session: only they see it. The conversation is
 * tied to the session and to the cards they hold when they start it; a reload reopens it.
 */
export function ParticipantCoachPanel({ seat, state, me }: { seat: CoachSeat; state: SessionState; me: string }) {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const headingId = useId();
  const transport = useMemo(() => seatTransport(seat.token), [seat.token]);
  const client = useMemo(() => coachApi(transport), [transport]);
  const [open, setOpen] = useState(false);
  const [summaryOpen, setSummaryOpen] = useState(false);
  const [conversationId, setConversationId] = useState<string | null>(() => browserStore().getItem(storeKey(seat.participantId)));
  const cardIds = myVisibleCards(state, me);
  const start = useMutation({
    mutationFn: () => client.start({ sessionId: seat.sessionId, cardIds }),
    onSuccess: ({ id }) => {
      browserStore().setItem(storeKey(seat.participantId), id);
      setConversationId(id);
    },
  });
  const startOver = () => {
    browserStore().removeItem(storeKey(seat.participantId));
    setConversationId(null);
    setSummaryOpen(false);
  };

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {t("panel.title")}
        </h2>
        <Button variant="secondary" aria-expanded={open} aria-controls={`${headingId}-body`} onClick={() => setOpen((o) => !o)}>
          {open ? t("panel.close") : t("panel.open")}
        </Button>
      </div>
      <p className="text-sm text-stone-700 dark:text-stone-300">{t("panel.private")}</p>
      <div id={`${headingId}-body`}>
        {open ? (
          conversationId ? (
            <div className="space-y-3">
              <ConversationView key={conversationId} transport={transport} conversationId={conversationId} speech={false} />
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" aria-expanded={summaryOpen} onClick={() => setSummaryOpen((o) => !o)}>
                  {summaryOpen ? t("conversation.hideSummary") : t("conversation.finish")}
                </Button>
                <Button variant="ghost" onClick={startOver}>
                  {t("panel.startOver")}
                </Button>
              </div>
              {summaryOpen ? (
                <Panel title={t("summary.title")} headingLevel={3}>
                  <SummaryEditor key={conversationId} transport={transport} conversationId={conversationId} guest />
                </Panel>
              ) : null}
            </div>
          ) : (
            <div className="space-y-2">
              <p className="text-sm">{cardIds.length > 0 ? t("panel.aboutCards", { n: cardIds.length }) : t("panel.noCards")}</p>
              <Button busy={start.isPending} onClick={() => start.mutate()}>
                {t("panel.start")}
              </Button>
              <LiveMessage tone="error">{start.error ? errorText(start.error) : null}</LiveMessage>
            </div>
          )
        ) : null}
      </div>
    </section>
  );
}
