import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { Page, Panel } from "../../components/Page";
import { formatDate } from "../../lib/format";
import { coachApi, coachKeys, userTransport } from "./api";
import { CardDraw, type HandCard } from "./CardDraw";
import { DueReminders } from "./Reminders";
import { useErrorText } from "./useErrorText";

const client = coachApi(userTransport);

/** Solo coaching: start a conversation (topic or journey, then cards), reopen an earlier one. */
export function CoachHomePage() {
  const { t } = useTranslation("coach");
  return (
    <Page title={t("home.title")} lead={t("home.lead")}>
      <DueReminders />
      <Panel title={t("start.title")}>
        <StartConversation />
      </Panel>
      <PastConversations />
      <nav aria-label={t("home.more")} className="flex flex-wrap gap-2">
        <Link className={buttonClass("secondary")} to="/coach/commitments">
          {t("home.commitments")}
        </Link>
        <Link className={buttonClass("secondary")} to="/coach/memories">
          {t("home.memories")}
        </Link>
      </nav>
    </Page>
  );
}

function StartConversation() {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const navigate = useNavigate();
  const scope = userTransport.scope;
  const [topic, setTopic] = useState("");
  const [journeyId, setJourneyId] = useState("");
  const [hand, setHand] = useState<HandCard[]>([]);
  const journeys = useQuery({ queryKey: coachKeys.journeys(scope), queryFn: client.journeys });
  const solo = [...(journeys.data ?? [])].sort((a, b) => Number(b.audience === "solo") - Number(a.audience === "solo"));

  const start = useMutation({
    mutationFn: async () => {
      const { id } = await client.start({ topic: topic.trim() || undefined, journeyId: journeyId || undefined, cardIds: hand.map((h) => h.card.id) });
      // The cards that stayed in the hand until the conversation began were kept.
      await Promise.allSettled(hand.map((h) => client.feedback({ targetType: "card", targetId: h.card.id, signal: "kept", context: { conversationId: id } })));
      return id;
    },
    onSuccess: (id) => void navigate(`/coach/${id}`),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate();
  };

  return (
    <form onSubmit={submit} className="space-y-5">
      <TextField label={t("start.topic")} hint={t("start.topicHint")} maxLength={300} value={topic} onChange={(e) => setTopic(e.target.value)} />
      <SelectField
        label={t("start.journey")}
        value={journeyId}
        onChange={(e) => setJourneyId(e.target.value)}
        options={[{ value: "", label: t("start.classic") }, ...solo.map((j) => ({ value: j.id, label: j.name }))]}
      />
      <CardDraw topic={topic} hand={hand} onHandChange={setHand} />
      <LiveMessage tone="error">{start.error ? errorText(start.error) : null}</LiveMessage>
      <Button type="submit" busy={start.isPending}>
        {t("start.begin")}
      </Button>
    </form>
  );
}

function PastConversations() {
  const { t, i18n } = useTranslation("coach");
  const errorText = useErrorText();
  const list = useQuery({ queryKey: coachKeys.conversations(userTransport.scope), queryFn: client.conversations });
  return (
    <Panel title={t("past.title")}>
      {list.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : list.error ? (
        <LiveMessage tone="error">{errorText(list.error)}</LiveMessage>
      ) : list.data.length === 0 ? (
        <p>{t("past.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 dark:divide-stone-700">
          {list.data.map((c) => (
            <li key={c.id} className="py-2">
              <Link to={`/coach/${c.id}`} className="flex min-h-11 flex-col justify-center rounded-lg px-2 hover:bg-stone-100 dark:hover:bg-stone-800">
                <span className="font-medium">{c.topic ?? t("conversation.untitled")}</span>
                <span className="text-sm text-stone-700 dark:text-stone-300">
                  {formatDate(c.updatedAt, i18n.language)} · {t(`phase.name.${c.phase}`)}
                  {c.sessionId ? ` · ${t("past.inSession")}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
