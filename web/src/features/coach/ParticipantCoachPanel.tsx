import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../domain/session/types";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Panel } from "../../components/Page";
import { browserStore } from "../../lib/storage";
import { openCoachInbox } from "../media/toCoach";
import { coachApi, coachKeys, sendStreamed, seatTransport } from "./api";
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
  const queryClient = useQueryClient();
  // Words the person chose to bring over from their own live captions; sent only when they say so.
  const [captionDraft, setCaptionDraft] = useState<string | null>(null);
  const [heard, setHeard] = useState("");
  const leaving = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => controller.abort();
  }, []);
  useEffect(
    () =>
      openCoachInbox({ sessionId: seat.sessionId, participantId: seat.participantId }, (text) => {
        setCaptionDraft((draft) => (draft?.trim() ? `${draft.trimEnd()}\n${text}` : text));
        setOpen(true);
      }),
    [seat.sessionId, seat.participantId],
  );
  const sendDraft = useMutation({
    mutationFn: async (text: string) => {
      let id = conversationId;
      if (!id) {
        id = (await client.start({ sessionId: seat.sessionId, cardIds })).id;
        browserStore().setItem(storeKey(seat.participantId), id);
        setConversationId(id);
      }
      setHeard(t("chat.answering"));
      const result = await sendStreamed(transport, id, text, { signal: leaving.current.signal, onDelta: () => undefined });
      return { id, reply: result.message.text };
    },
    onSuccess: async ({ id, reply }) => {
      setCaptionDraft(null);
      setHeard(t("chat.coachSaid", { text: reply }));
      await queryClient.invalidateQueries({ queryKey: coachKeys.conversation(transport.scope, id) });
    },
    onError: () => setHeard(""),
  });
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
      <div className="sr-only" aria-live="polite">
        {heard}
      </div>
      <div id={`${headingId}-body`} className="space-y-3">
        {open && captionDraft !== null ? (
          <CaptionDraft
            text={captionDraft}
            onChange={setCaptionDraft}
            busy={sendDraft.isPending}
            error={sendDraft.error ? errorText(sendDraft.error) : null}
            onSend={() => sendDraft.mutate(captionDraft.trim())}
            onDiscard={() => {
              setCaptionDraft(null);
              sendDraft.reset();
            }}
          />
        ) : null}
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

/** The words brought over from the person's own captions, to read, change, and send or drop. */
function CaptionDraft({ text, onChange, busy, error, onSend, onDiscard }: { text: string; onChange: (text: string) => void; busy: boolean; error: string | null; onSend: () => void; onDiscard: () => void }) {
  const { t } = useTranslation("coach");
  const id = useId();
  return (
    <div role="group" aria-labelledby={`${id}-title`} className="space-y-2 rounded-lg border border-brand-300 bg-brand-50 p-3 dark:border-brand-700 dark:bg-brand-900" data-testid="coach-caption-draft">
      <h3 id={`${id}-title`} className="text-base font-semibold">
        {t("fromCaptions.title")}
      </h3>
      <p id={`${id}-explain`} className="text-sm text-stone-700 dark:text-stone-300">
        {t("fromCaptions.explain")}
      </p>
      <label htmlFor={`${id}-text`} className="block text-sm font-medium">
        {t("fromCaptions.label")}
      </label>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={3}
        maxLength={4000}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-explain`}
        className="block w-full rounded-lg border border-stone-400 bg-white px-3 py-2 text-base dark:border-stone-500 dark:bg-stone-900"
      />
      <div className="flex flex-wrap gap-2">
        <Button busy={busy} disabled={!text.trim()} onClick={onSend}>
          {t("fromCaptions.send")}
        </Button>
        <Button variant="ghost" onClick={onDiscard} disabled={busy}>
          {t("fromCaptions.discard")}
        </Button>
      </div>
      <LiveMessage tone="error">{error}</LiveMessage>
    </div>
  );
}
