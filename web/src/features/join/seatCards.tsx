import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { SessionState } from "../../../../domain/session/types";
import type { CardLookup } from "../sessions/live/cards";
import type { SessionCard } from "../sessions/api";

const SeatCardsContext = createContext<CardLookup>(() => undefined);

/**
 * Guests cannot read the library, so the words and pictures of the cards they may see come
 * from the session itself, fetched with their seat's token whenever the visible cards change.
 */
export function SeatCardsProvider({ sessionId, token, state, children }: { sessionId: string; token: string; state: SessionState; children: ReactNode }) {
  const ids = useMemo(
    () =>
      Object.values(state.cards)
        .map((c) => c.cardId)
        .filter((id) => !id.startsWith("hidden"))
        .sort()
        .join(","),
    [state.cards],
  );
  const query = useQuery({
    queryKey: ["seat", sessionId, "cards", ids],
    queryFn: async () => {
      const res = await fetch(`/api/sessions/${sessionId}/cards`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`cards: ${res.status}`);
      return ((await res.json()) as { items: SessionCard[] }).items;
    },
    enabled: ids.length > 0,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
  const lookup = useMemo<CardLookup>(() => {
    const map = new Map((query.data ?? []).map((c) => [c.id, c]));
    return (id) => map.get(id);
  }, [query.data]);
  return <SeatCardsContext.Provider value={lookup}>{children}</SeatCardsContext.Provider>;
}

export const useSeatCard = (cardId: string) => useContext(SeatCardsContext)(cardId);
