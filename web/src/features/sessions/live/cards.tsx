import { useQueries } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CardState, SessionState } from "../../../../../domain/session/types";
import { api } from "../../../lib/api";
import { sessionKeys, sessionsApi, type SessionCard } from "../api";

export type CardLookup = (cardId: string) => SessionCard | undefined;

/**
 * Words and pictures of the cards in play, for people who may read the library (the
 * facilitator, the table view). Guests cannot, so their cards show the default art alone.
 */
export function useCardLookup(state: SessionState | null, enabled: boolean): CardLookup {
  const deckIds = useMemo(() => {
    const ids = new Set<string>(Object.keys(state?.decks ?? {}));
    for (const c of Object.values(state?.cards ?? {})) ids.add(c.deckId);
    return [...ids].sort();
  }, [state?.decks, state?.cards]);
  const orgId = api.getOrgId() ?? "none";
  const results = useQueries({
    queries: deckIds.map((deckId) => ({
      queryKey: sessionKeys.deckCards(orgId, deckId),
      queryFn: () => sessionsApi.deckCards(deckId),
      enabled,
      staleTime: 5 * 60_000,
    })),
  });
  // A few decks of at most a few hundred cards: rebuilding the index per render is cheap.
  const map = new Map<string, SessionCard>();
  for (const r of results) for (const c of r.data ?? []) map.set(c.id, c);
  return (id: string) => map.get(id);
}

const SIZES = { sm: "w-24", md: "w-32 sm:w-36", lg: "w-64 sm:w-80" } as const;

/** A card as this viewer may see it: its back while face down, otherwise its picture and word. */
export function CardView({ card, info, size = "md" }: { card: CardState; info?: SessionCard; size?: keyof typeof SIZES }) {
  const { t } = useTranslation();
  const [artFailed, setArtFailed] = useState(false);
  const known = !card.hidden && card.cardId !== "hidden";
  const frame = `${SIZES[size]} aspect-[2/3] overflow-hidden rounded-xl border-2 shadow-sm`;
  if (!card.faceUp) {
    return (
      <div className={`${frame} flex items-center justify-center border-brand-800 bg-[repeating-linear-gradient(45deg,var(--color-brand-700),var(--color-brand-700)_8px,var(--color-brand-800)_8px,var(--color-brand-800)_16px)]`}>
        <span className="rounded bg-white px-2 py-1 text-xs font-semibold text-brand-900">{t("live.card.back")}</span>
      </div>
    );
  }
  const imageUrl = info?.imageUrl ?? (known && !artFailed ? `/media/default/${card.cardId}.svg` : undefined);
  return (
    <div className={`${frame} flex flex-col border-stone-300 bg-white dark:border-stone-600 dark:bg-stone-800`}>
      {imageUrl && !artFailed ? (
        <img src={imageUrl} alt={info?.alt ?? ""} className="min-h-0 flex-1 object-cover" onError={() => setArtFailed(true)} />
      ) : (
        <div className="flex flex-1 items-center justify-center p-2 text-center text-sm text-stone-700 dark:text-stone-200">{info?.description ?? ""}</div>
      )}
      <span className="block truncate px-2 py-1 text-center text-sm font-semibold">{info?.word ?? t("live.card.numbered", { slot: card.slot ?? 0 })}</span>
    </div>
  );
}

/** A short name for a card, for buttons and announcements. */
export function cardName(t: (key: string, options?: Record<string, unknown>) => string, card: CardState, info?: SessionCard): string {
  if (!card.faceUp && !info) return t("live.card.faceDownNumbered", { slot: card.slot ?? 0 });
  return info?.word ?? t("live.card.numbered", { slot: card.slot ?? 0 });
}

/** Cards by where they are, in the order they were dealt. */
export function cardsIn(state: SessionState, where: { kind: "table" } | { kind: "hand"; participantId: string }): CardState[] {
  return Object.values(state.cards)
    .filter((c) => c.location.kind === where.kind && (where.kind === "table" || (c.location.kind === "hand" && c.location.participantId === where.participantId)))
    .sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
}

/** The key a card is addressed by in commands: its id (a hidden card cannot be addressed). */
export const cardIdOf = (card: CardState): string => card.cardId;
