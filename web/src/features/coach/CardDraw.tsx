import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { SelectField } from "../../components/Field";
import { coachApi, coachKeys, userTransport, type CoachCard } from "./api";
import { CardBack, CardFace } from "./CardFace";
import { useErrorText } from "./useErrorText";

export interface HandCard {
  card: CoachCard;
  faceUp: boolean;
}

export type DrawMode = "face-down" | "face-up" | "suggest";
export const MAX_HAND = 3;
const SPREAD = 6;
const client = coachApi(userTransport);

function pickRandom<T>(from: readonly T[], count: number): T[] {
  const pool = [...from];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(Math.random() * pool.length), 1)[0]);
  return out;
}

/**
 * Drawing cards for a solo conversation: face-down (a surprise, turned over by hand), face-up
 * (a spread to choose from), or suggested for the topic with the reason for each. Choosing and
 * swapping are told to the studio, so suggestions learn what resonates.
 */
export function CardDraw({ topic, hand, onHandChange }: { topic: string; hand: HandCard[]; onHandChange: (hand: HandCard[]) => void }) {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const scope = userTransport.scope;
  const [mode, setMode] = useState<DrawMode>("face-down");
  const decks = useQuery({ queryKey: coachKeys.decks(scope), queryFn: client.decks });
  const usable = useMemo(() => (decks.data ?? []).filter((d) => d.cardCount > 0), [decks.data]);
  const [deckId, setDeckId] = useState("");
  useEffect(() => {
    if (!deckId && usable.length > 0) setDeckId((usable.find((d) => d.kind === "photo") ?? usable[0]).id);
  }, [usable, deckId]);
  const cards = useQuery({ queryKey: coachKeys.deckCards(scope, deckId), queryFn: () => client.deckCards(deckId), enabled: deckId !== "" });
  const [spreadSeed, setSpreadSeed] = useState(0);
  const inHand = new Set(hand.map((h) => h.card.id));
  // A new seed asks for a new spread of the same deck.
  const spread = useMemo(() => (spreadSeed >= 0 ? pickRandom(cards.data ?? [], SPREAD) : []), [cards.data, spreadSeed]);
  const [announce, setAnnounce] = useState("");

  const suggestions = useMutation({ mutationFn: () => client.recommendations(topic.trim(), 3) });
  const feedback = useMutation({ mutationFn: client.feedback });

  const full = hand.length >= MAX_HAND;
  const remaining = (cards.data ?? []).filter((c) => !inHand.has(c.id));

  const drawFaceDown = () => {
    const [card] = pickRandom(remaining, 1);
    if (!card) return;
    onHandChange([...hand, { card, faceUp: false }]);
    setAnnounce(t("draw.drawn", { n: hand.length + 1 }));
  };
  const turnOver = (i: number) => {
    onHandChange(hand.map((h, j) => (j === i ? { ...h, faceUp: true } : h)));
    setAnnounce(t("draw.revealed", { word: hand[i].card.word }));
  };
  const swap = (i: number) => {
    const old = hand[i].card;
    const [card] = pickRandom(remaining, 1);
    feedback.mutate({ targetType: "card", targetId: old.id, signal: "swapped" });
    if (!card) return onHandChange(hand.filter((_, j) => j !== i));
    onHandChange(hand.map((h, j) => (j === i ? { card, faceUp: false } : h)));
    setAnnounce(t("draw.swapped", { word: old.word }));
  };
  const putBack = (i: number) => onHandChange(hand.filter((_, j) => j !== i));
  const choose = (card: CoachCard, recommendationId?: string) => {
    if (full || inHand.has(card.id)) return;
    onHandChange([...hand, { card, faceUp: true }]);
    setAnnounce(t("draw.chosen", { word: card.word }));
    if (recommendationId) {
      const shown = suggestions.data?.items.map((s) => s.recommendationId) ?? [];
      feedback.mutate({ targetType: "recommendation", targetId: recommendationId, signal: "chosen", context: { recommendationIds: shown } });
    } else {
      feedback.mutate({ targetType: "card", targetId: card.id, signal: "chosen" });
    }
  };

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("draw.how")}</legend>
        {(["face-down", "face-up", "suggest"] as const).map((m) => (
          <label key={m} className="flex min-h-11 items-start gap-2">
            <input type="radio" name="draw-mode" className="mt-1 size-5 shrink-0" checked={mode === m} onChange={() => setMode(m)} />
            <span>
              <span className="font-medium">{t(`draw.mode.${m}`)}</span>
              <span className="block text-sm text-stone-700 dark:text-stone-300">{t(`draw.modeHint.${m}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {mode !== "suggest" ? (
        decks.error ? (
          <LiveMessage tone="error">{errorText(decks.error)}</LiveMessage>
        ) : (
          <SelectField label={t("draw.deck")} value={deckId} onChange={(e) => setDeckId(e.target.value)} options={usable.map((d) => ({ value: d.id, label: `${d.name} (${d.cardCount})` }))} />
        )
      ) : null}

      {mode === "face-down" ? (
        <Button variant="secondary" onClick={drawFaceDown} disabled={full || remaining.length === 0 || cards.isPending}>
          {t("draw.drawFaceDown")}
        </Button>
      ) : null}

      {mode === "face-up" ? (
        <div className="space-y-2">
          <p className="text-sm text-stone-700 dark:text-stone-300">{t("draw.spreadHint")}</p>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" aria-label={t("draw.spread")}>
            {spread.map((c) => (
              <li key={c.id} className="space-y-1">
                <CardFace card={c} />
                <Button variant="secondary" className="w-full" disabled={full || inHand.has(c.id)} onClick={() => choose(c)} aria-label={t("draw.chooseCard", { word: c.word })}>
                  {inHand.has(c.id) ? t("draw.inHand") : t("draw.choose")}
                </Button>
              </li>
            ))}
          </ul>
          <Button variant="ghost" onClick={() => setSpreadSeed((s) => s + 1)}>
            {t("draw.newSpread")}
          </Button>
        </div>
      ) : null}

      {mode === "suggest" ? (
        <div className="space-y-2">
          {!topic.trim() ? <p className="text-sm text-stone-700 dark:text-stone-300">{t("draw.needTopic")}</p> : null}
          <Button variant="secondary" disabled={!topic.trim()} busy={suggestions.isPending} onClick={() => suggestions.mutate()}>
            {t("draw.suggest")}
          </Button>
          <LiveMessage tone="error">{suggestions.error ? errorText(suggestions.error) : null}</LiveMessage>
          {suggestions.data ? (
            suggestions.data.items.length === 0 ? (
              <p>{suggestions.data.note ?? t("draw.noSuggestions")}</p>
            ) : (
              <ul className="space-y-3" aria-label={t("draw.suggestions")}>
                {suggestions.data.items.map((s) => (
                  <li key={s.recommendationId} className="flex gap-3 rounded-lg border border-stone-300 p-2 dark:border-stone-700">
                    <CardFace card={s.card} size="sm" />
                    <div className="flex-1 space-y-2">
                      <p className="text-sm">
                        <span className="font-semibold">{t("draw.why")}</span> {s.reason}
                      </p>
                      <Button variant="secondary" disabled={full || inHand.has(s.card.id)} onClick={() => choose(s.card, s.recommendationId)} aria-label={t("draw.chooseCard", { word: s.card.word })}>
                        {inHand.has(s.card.id) ? t("draw.inHand") : t("draw.choose")}
                      </Button>
                    </div>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>
      ) : null}

      <section aria-label={t("draw.hand")} className="space-y-2">
        <h3 className="font-semibold">{t("draw.handTitle", { n: hand.length, max: MAX_HAND })}</h3>
        {hand.length === 0 ? <p className="text-sm text-stone-700 dark:text-stone-300">{t("draw.handEmpty")}</p> : null}
        <ul className="flex flex-wrap gap-4">
          {hand.map((h, i) => (
            <li key={`${h.card.id}-${i}`} className="space-y-2">
              {h.faceUp ? <CardFace card={h.card} /> : <CardBack index={i} onTurn={() => turnOver(i)} />}
              <div className="flex flex-col gap-1">
                <Button variant="ghost" onClick={() => swap(i)} aria-label={t("draw.swapCard", { n: i + 1 })}>
                  {t("draw.swap")}
                </Button>
                <Button variant="ghost" onClick={() => putBack(i)} aria-label={t("draw.putBackCard", { n: i + 1 })}>
                  {t("draw.putBack")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("draw.noWrongCard")}</p>
      </section>
      <div className="sr-only" role="status" aria-live="polite">
        {announce}
      </div>
    </div>
  );
}
