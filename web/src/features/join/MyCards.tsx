import { useTranslation } from "react-i18next";
import type { CardState, SessionState } from "../../../../domain/session/types";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { CardView, cardName, cardsIn } from "../sessions/live/cards";
import { useCommand } from "../sessions/live/hooks";
import { useLive } from "../sessions/live/LiveProvider";
import { useSeatCard } from "./seatCards";

function MyCard({ card, index }: { card: CardState; index: number }) {
  const { t } = useTranslation();
  const { run, error, busy } = useCommand();
  const info = useSeatCard(card.cardId);
  const name = card.faceUp ? (info?.word ?? cardName(t, card)) : t("join.cards.yourCard", { index: index + 1 });
  return (
    <li className="flex flex-col items-center gap-2">
      <button
        type="button"
        onClick={() => void run("card.flip", { cardId: card.cardId })}
        disabled={busy}
        aria-label={card.faceUp ? t("join.cards.turnDownOf", { name }) : t("join.cards.flipOf", { name })}
        className="rounded-xl"
      >
        <CardView card={card} info={info} />
      </button>
      <div className="flex flex-wrap justify-center gap-1">
        <Button variant="secondary" busy={busy} onClick={() => void run("card.swap", { cardId: card.cardId })} aria-label={t("join.cards.swapOf", { name })}>
          {t("join.cards.swap")}
        </Button>
        <Button variant="ghost" busy={busy} onClick={() => void run("card.place", { cardId: card.cardId })} aria-label={t("join.cards.placeOf", { name })}>
          {t("join.cards.place")}
        </Button>
      </div>
      <LiveMessage tone="error">{error}</LiveMessage>
    </li>
  );
}

/** The cards in my hand: a face-down card shows its back until I turn it over. */
export function MyCards({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { me } = useLive();
  const hand = me ? cardsIn(state, { kind: "hand", participantId: me }) : [];
  return (
    <section aria-labelledby="my-cards-h" className="space-y-2">
      <h2 id="my-cards-h" className="text-lg font-semibold">
        {t("join.cards.title")}
      </h2>
      {hand.length === 0 ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("join.cards.none")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-700 dark:text-stone-300">{t("join.cards.hint")}</p>
          <ul className="flex flex-wrap justify-center gap-4 sm:justify-start">
            {hand.map((c, i) => (
              <MyCard key={c.slot} card={c} index={i} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function TableCard({ card, me, state }: { card: CardState; me: string; state: SessionState }) {
  const { t } = useTranslation();
  const { run, error, busy } = useCommand();
  const info = useSeatCard(card.cardId);
  const name = info?.word ?? cardName(t, card);
  const takenBy = card.chosenBy && card.chosenBy !== me ? state.participants[card.chosenBy]?.displayName : undefined;
  return (
    <li className="flex flex-col items-center gap-1">
      <CardView card={card} size="sm" info={info} />
      {takenBy ? (
        <span className="text-xs">{t("join.table.chosenBy", { name: takenBy })}</span>
      ) : card.faceUp ? (
        <Button variant="secondary" busy={busy} onClick={() => void run("card.choose", { cardId: card.cardId })} aria-label={t("join.table.chooseOf", { name })}>
          {t("join.table.choose")}
        </Button>
      ) : null}
      <LiveMessage tone="error">{error}</LiveMessage>
    </li>
  );
}

/** The shared spread: face-up cards anyone may choose into their hand. */
export function TableSpread({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { me } = useLive();
  const table = cardsIn(state, { kind: "table" });
  if (!me || table.length === 0) return null;
  return (
    <section aria-labelledby="table-spread-h" className="space-y-2 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="table-spread-h" className="text-lg font-semibold">
        {t("join.table.title", { count: table.length })}
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">{t("join.table.hint")}</p>
      <ul className="flex flex-wrap justify-center gap-3 sm:justify-start">
        {table.map((c) => (
          <TableCard key={c.slot} card={c} me={me} state={state} />
        ))}
      </ul>
    </section>
  );
}
