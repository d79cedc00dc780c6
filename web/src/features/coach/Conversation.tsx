import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { PageLoading } from "../../components/Page";
import { coachApi, coachKeys, sendStreamed, type CoachCard, type CoachMessage, type CoachTransport, type Conversation } from "./api";
import { CardFace } from "./CardFace";
import { PhaseSteps } from "./PhaseSteps";
import { RateTurn } from "./RateTurn";
import { SafetyNotice } from "./SafetyNotice";
import { readSpeechSettings, saveSpeechSettings, useDictation, useSpeaker, type SpeechSettings } from "./speech";
import { SpeechControls } from "./SpeechControls";
import { useErrorText } from "./useErrorText";

interface Turn {
  said: string;
  reply: string;
  status: "streaming" | "failed";
  error?: unknown;
}

/**
 * A conversation with the coach: the phases, the cards in play, the turns so far (each coach
 * turn can be rated), and a composer whose reply streams in as it is written and can be stopped.
 */
export function ConversationView({ transport, conversationId, speech = true }: { transport: CoachTransport; conversationId: string; speech?: boolean }) {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const client = useMemo(() => coachApi(transport), [transport]);
  const queryClient = useQueryClient();
  const key = coachKeys.conversation(transport.scope, conversationId);
  const conversation = useQuery({ queryKey: key, queryFn: () => client.conversation(conversationId) });

  const [draft, setDraft] = useState("");
  const [turn, setTurn] = useState<Turn | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const controller = useRef<AbortController | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  const [speechSettings, setSpeechSettings] = useState<SpeechSettings>(readSpeechSettings);
  const speaker = useSpeaker();
  const language = conversation.data?.language ?? "en";
  const dictation = useDictation(language, (heard) => setDraft((d) => (d.trim() ? `${d.trimEnd()} ${heard}` : heard)));

  useEffect(() => () => controller.current?.abort(), []);

  const changeSpeech = (s: SpeechSettings) => {
    setSpeechSettings(s);
    saveSpeechSettings(s);
    if (!s.speak) speaker.silence();
  };

  const streaming = turn?.status === "streaming";
  // Send and Stop take each other's place; a keyboard user whose button vanished lands back in the box.
  const wasStreaming = useRef(false);
  useEffect(() => {
    if (wasStreaming.current !== streaming && document.activeElement === document.body) input.current?.focus();
    wasStreaming.current = streaming;
  }, [streaming]);

  const send = async (text: string) => {
    const abort = new AbortController();
    controller.current = abort;
    setNote(null);
    setDraft("");
    setTurn({ said: text, reply: "", status: "streaming" });
    setAnnouncement(t("chat.answering"));
    try {
      const result = await sendStreamed(transport, conversationId, text, { signal: abort.signal, onDelta: (piece) => setTurn((cur) => (cur ? { ...cur, reply: cur.reply + piece } : cur)) });
      setAnnouncement(t("chat.coachSaid", { text: result.message.text }));
      if (speech && speechSettings.speak) speaker.speak(result.message.text, language, speechSettings);
      // Shown at once from the stream's own answer; the refetch then brings the stored turns.
      const said: CoachMessage = { id: `local-${Date.now()}`, role: "user", text };
      const answer: CoachMessage = { ...result.message, safety: result.message.safety ?? result.safety };
      queryClient.setQueryData<Conversation>(key, (old) => (old ? { ...old, phase: answer.phase ?? old.phase, messages: [...old.messages, said, answer] } : old));
      setTurn(null);
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (err) {
      if (abort.signal.aborted) {
        // What the server kept (if anything) is the record; a message it never received goes back into the box.
        const fresh = await queryClient.fetchQuery({ queryKey: key, queryFn: () => client.conversation(conversationId) }).catch(() => null);
        const kept = fresh?.messages.some((m) => m.role === "user" && m.text === text) ?? false;
        if (!kept) setDraft(text);
        setTurn(null);
        setNote(t("chat.stopped"));
        setAnnouncement("");
      } else {
        setDraft(text);
        setTurn({ said: text, reply: "", status: "failed", error: err });
        setAnnouncement("");
      }
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  };

  const stop = () => {
    controller.current?.abort();
    input.current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (!text || streaming) return;
    if (dictation.listening) dictation.stop();
    void send(text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter starts a new line, as in most chat boxes.
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  };

  if (conversation.isPending) return <PageLoading />;
  if (!conversation.data) {
    return (
      <div className="space-y-2">
        <LiveMessage tone="error">{errorText(conversation.error)}</LiveMessage>
        <Button variant="secondary" onClick={() => void conversation.refetch()}>
          {t("common.retry")}
        </Button>
      </div>
    );
  }
  const conv = conversation.data;
  const messages = conv.messages;
  return (
    <div className="space-y-4">
      <PhaseSteps current={conv.phase} />
      <CardsInPlay transport={transport} conversation={conv} />
      <ol aria-label={t("chat.label")} className="space-y-3">
        {messages.length === 0 && !turn ? <li className="text-stone-700 dark:text-stone-300">{t("chat.empty")}</li> : null}
        {messages.map((m) => (
          <li key={m.id} className={m.role === "user" ? "ms-8" : "me-8"}>
            <Bubble who={m.role}>
              <p className="whitespace-pre-wrap">{m.text}</p>
              {m.safety ? <SafetyNotice safety={m.safety} /> : null}
            </Bubble>
            {m.role === "coach" ? <RateTurn client={client} messageId={m.id} conversationId={conv.id} sessionId={conv.sessionId} /> : null}
          </li>
        ))}
        {turn ? (
          <>
            <li className="ms-8">
              <Bubble who="user">
                <p className="whitespace-pre-wrap">{turn.said}</p>
              </Bubble>
            </li>
            {turn.status === "streaming" ? (
              <li className="me-8" aria-busy="true">
                <Bubble who="coach">
                  <p className="whitespace-pre-wrap" data-testid="streaming-reply">
                    {turn.reply || <span className="text-stone-600 dark:text-stone-400">{t("chat.thinking")}</span>}
                  </p>
                </Bubble>
              </li>
            ) : null}
          </>
        ) : null}
      </ol>
      <div className="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
      <LiveMessage tone="error">{turn?.status === "failed" ? errorText(turn.error) : null}</LiveMessage>
      <p role="status" className="text-sm text-stone-700 empty:hidden dark:text-stone-300">
        {note}
      </p>
      <form onSubmit={submit} className="space-y-2">
        <label htmlFor={inputId} className="block text-sm font-medium">
          {t("chat.yourWords")}
        </label>
        <textarea
          id={inputId}
          ref={input}
          value={draft}
          rows={3}
          maxLength={4000}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${inputId}-hint`}
          className="block w-full rounded-lg border border-stone-400 bg-white px-3 py-2 text-base dark:border-stone-500 dark:bg-stone-900"
        />
        <p id={`${inputId}-hint`} className="text-xs text-stone-600 dark:text-stone-400">
          {t("chat.hint")}
        </p>
        {dictation.listening && dictation.interim ? (
          <p className="text-sm italic text-stone-700 dark:text-stone-300">
            {t("speech.hearing")} {dictation.interim}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          {streaming ? (
            <Button variant="danger" onClick={stop}>
              <span aria-hidden="true">■</span>
              {t("chat.stop")}
            </Button>
          ) : (
            <Button type="submit" disabled={!draft.trim()}>
              {t("chat.send")}
            </Button>
          )}
          {speech && dictation.available ? (
            <Button variant="secondary" aria-pressed={dictation.listening} onClick={dictation.listening ? dictation.stop : dictation.start}>
              <span aria-hidden="true">🎤</span>
              {dictation.listening ? t("speech.stopDictating") : t("speech.dictate")}
            </Button>
          ) : null}
        </div>
        {speech && !dictation.available ? <p className="text-xs text-stone-600 dark:text-stone-400">{t("speech.noDictation")}</p> : null}
        {dictation.error ? (
          <p role="alert" className="text-xs text-red-700 dark:text-red-400">
            {t(dictation.error === "not-allowed" ? "speech.micBlocked" : "speech.dictationFailed")}
          </p>
        ) : null}
      </form>
      {speech ? (
        <details className="rounded-lg border border-stone-300 p-3 dark:border-stone-700">
          <summary className="min-h-11 cursor-pointer content-center text-sm font-semibold">{t("speech.settings")}</summary>
          <div className="pt-3">
            <SpeechControls settings={speechSettings} onChange={changeSpeech} voices={speaker.voices} available={speaker.available} language={language} />
          </div>
        </details>
      ) : null}
    </div>
  );
}

function Bubble({ who, children }: { who: "user" | "coach"; children: ReactNode }) {
  const { t } = useTranslation("coach");
  return (
    <div
      className={`rounded-xl border px-4 py-3 ${who === "user" ? "border-brand-300 bg-brand-50 dark:border-brand-700 dark:bg-brand-900" : "border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900"}`}
    >
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-700 dark:text-stone-300">{who === "user" ? t("chat.you") : t("chat.coach")}</p>
      {children}
    </div>
  );
}

/** The cards the conversation is about; guests read them from their session. */
function CardsInPlay({ transport, conversation }: { transport: CoachTransport; conversation: Conversation }) {
  const { t } = useTranslation("coach");
  const client = useMemo(() => coachApi(transport), [transport]);
  const ids = conversation.cardIds;
  const cards = useQuery({
    queryKey: coachKeys.cards(transport.scope, ids),
    queryFn: async (): Promise<CoachCard[]> => {
      if (transport.scope.startsWith("seat:") && conversation.sessionId) {
        const all = await client.sessionCards(conversation.sessionId);
        return ids.map((id) => all.find((c) => c.id === id)).filter((c): c is CoachCard => c !== undefined);
      }
      return Promise.all(ids.map((id) => client.card(id)));
    },
    enabled: ids.length > 0,
    staleTime: Infinity,
  });
  if (ids.length === 0 || !cards.data?.length) return null;
  return (
    <section aria-label={t("chat.cardsInPlay")}>
      <ul className="flex flex-wrap gap-3">
        {cards.data.map((c) => (
          <li key={c.id}>
            <CardFace card={c} size="sm" />
          </li>
        ))}
      </ul>
    </section>
  );
}
