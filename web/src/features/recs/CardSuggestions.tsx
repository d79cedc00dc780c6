import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../domain/session/types";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { useCommand } from "../sessions/live/hooks";
import { recsApi, recsKeys, type CardSuggestions as Suggestions } from "./api";

type Item = Suggestions["items"][number];

/**
 * Cards the recommender suggests for the group or one participant in this phase, each with its
 * reason, to deal straight away or to rate. Only the facilitator's console shows this.
 */
export function CardSuggestions({ state }: { state: SessionState }) {
  const { t } = useTranslation("recs");
  const { activeOrg } = useSignedIn();
  const orgId = activeOrg?.org.id ?? "none";
  const queryClient = useQueryClient();
  const toggle = useCommand();
  const deal = useCommand();
  const [topicDraft, setTopicDraft] = useState("");
  const [topic, setTopic] = useState("");
  const [participantId, setParticipantId] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const switchId = useId();

  const participants = Object.values(state.participants).filter((p) => !p.removed && p.admitted && p.role === "participant");
  const chosen = participants.find((p) => p.id === participantId);
  const phaseName = state.journey.phases[state.phase.index]?.name ?? "";
  const enabled = state.suggestionsEnabled && state.status !== "ended";
  const query = { sessionId: state.sessionId, topic: topic || undefined, participantId: chosen?.id, limit: 5 };
  // The phase is part of the key: moving on brings suggestions for the new moment.
  const suggestions = useQuery({
    queryKey: [...recsKeys.cards(orgId, query), state.phase.index],
    queryFn: () => recsApi.cards(query),
    enabled,
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });

  const feedback = useMutation({
    mutationFn: ({ item, signal }: { item: Item; signal: "resonant" | "not-resonant" }) =>
      recsApi.feedback(item.recommendationId, signal, (suggestions.data?.items ?? []).map((i) => i.recommendationId), state.sessionId),
    onSuccess: async () => {
      setAnnouncement(t("cards.thanks"));
      await queryClient.invalidateQueries({ queryKey: ["org", orgId, "recs", "cards"] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAnnouncement("");
    if (topicDraft.trim() === topic) void suggestions.refetch();
    else setTopic(topicDraft.trim());
  };

  const dealCard = async (item: Item) => {
    const result = await deal.run("cards.deal", {
      deckId: item.card.deckId,
      mode: "face-up",
      count: 1,
      to: chosen ? "each" : "table",
      cardIds: [item.card.id],
      ...(chosen ? { participantId: chosen.id } : {}),
    });
    if (result.ok) {
      setAnnouncement(t("cards.dealt", { card: item.card.word }));
      // Dealt cards are in play now; the next list leaves them out.
      await queryClient.invalidateQueries({ queryKey: ["org", orgId, "recs", "cards"] });
    }
  };

  const items = suggestions.data?.items ?? [];
  const who = chosen?.displayName ?? t("cards.forGroup");

  return (
    <section aria-labelledby="suggest-h" className="space-y-3 border-t border-stone-200 pt-4 dark:border-stone-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="suggest-h" className="font-semibold">
          {t("cards.title")}
        </h3>
        <label htmlFor={switchId} className="flex min-h-11 items-center gap-2 text-sm">
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            className="h-5 w-5"
            checked={state.suggestionsEnabled}
            disabled={toggle.busy || state.status === "ended"}
            aria-describedby={`${switchId}-hint`}
            onChange={(e) => void toggle.run("suggestions.toggle", { enabled: e.target.checked })}
          />
          {t("cards.enabled")}
        </label>
      </div>
      <p id={`${switchId}-hint`} className="text-sm text-stone-700 dark:text-stone-300">
        {t("cards.enabledHint")}
      </p>
      <LiveMessage tone="error">{toggle.error}</LiveMessage>
      {!state.suggestionsEnabled ? (
        <p className="text-sm">{t("cards.off")}</p>
      ) : (
        <>
          <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
            <TextField label={t("cards.topic")} hint={t("cards.topicHint")} value={topicDraft} maxLength={500} onChange={(e) => setTopicDraft(e.target.value)} />
            <SelectField
              label={t("cards.for")}
              value={participantId}
              onChange={(e) => setParticipantId(e.target.value)}
              options={[{ value: "", label: t("cards.forGroup") }, ...participants.map((p) => ({ value: p.id, label: p.displayName }))]}
            />
            <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
              <Button type="submit" variant="secondary" busy={suggestions.isFetching} disabled={!enabled}>
                {t("cards.suggest")}
              </Button>
              <span className="text-sm text-stone-700 dark:text-stone-300">{t("cards.phase", { phase: phaseName })}</span>
            </div>
          </form>
          <LiveMessage tone="info">
            {suggestions.isFetching ? t("cards.loading") : announcement || (suggestions.data ? (items.length ? t("cards.updated", { count: items.length, who }) : t("cards.empty")) : "")}
          </LiveMessage>
          <LiveMessage tone="error">{suggestions.error ? t("cards.failed") : feedback.error ? t("cards.feedbackFailed") : deal.error}</LiveMessage>
          {items.length ? (
            <ol aria-label={t("cards.title")} className="space-y-3" data-testid="card-suggestions">
              {items.map((item) => (
                <SuggestionRow
                  key={item.recommendationId}
                  item={item}
                  who={chosen?.displayName}
                  busy={deal.busy || feedback.isPending}
                  disabled={!enabled}
                  onDeal={() => void dealCard(item)}
                  onFeedback={(signal) => {
                    setAnnouncement("");
                    feedback.mutate({ item, signal });
                  }}
                />
              ))}
            </ol>
          ) : null}
          {suggestions.data ? <p className="text-xs text-stone-700 dark:text-stone-300">{t("cards.model", { name: suggestions.data.model.name, version: suggestions.data.model.version })}</p> : null}
        </>
      )}
    </section>
  );
}

function SuggestionRow({ item, who, busy, disabled, onDeal, onFeedback }: { item: Item; who?: string; busy: boolean; disabled: boolean; onDeal: () => void; onFeedback: (signal: "resonant" | "not-resonant") => void }) {
  const { t } = useTranslation("recs");
  const card = item.card.word;
  const image = item.card.thumbnailUrl ?? item.card.imageUrl;
  return (
    <li className="flex flex-wrap items-start gap-3 rounded-lg border border-stone-200 p-3 dark:border-stone-700" data-card-id={item.card.id}>
      {image ? <img src={image} alt={item.card.alt} className="h-20 w-14 shrink-0 rounded object-cover" /> : null}
      <div className="min-w-0 flex-1 space-y-2">
        <p className="font-semibold">{card}</p>
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("cards.reason", { reason: item.reason })}</p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" busy={busy} disabled={disabled} onClick={onDeal} aria-label={who ? t("cards.dealToLabel", { card, name: who }) : t("cards.toTableLabel", { card })}>
            {who ? t("cards.dealTo", { name: who }) : t("cards.toTable")}
          </Button>
          <Button variant="ghost" busy={busy} disabled={disabled} onClick={() => onFeedback("resonant")} aria-label={t("cards.resonantLabel", { card })}>
            {t("cards.resonant")}
          </Button>
          <Button variant="ghost" busy={busy} disabled={disabled} onClick={() => onFeedback("not-resonant")} aria-label={t("cards.notResonantLabel", { card })}>
            {t("cards.notResonant")}
          </Button>
        </div>
      </div>
    </li>
  );
}
