import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSignedIn } from "../../app/session";
import { libraryApi, libraryKeys, type LibraryCard, type SearchMode } from "./api";

/** The active organisation and whether its people may change the library (facilitator or above). */
export function useLibraryAccess(): { orgId: string; canEdit: boolean } {
  const { activeOrg } = useSignedIn();
  const role = activeOrg?.role;
  return { orgId: activeOrg?.org.id ?? "none", canEdit: role === "owner" || role === "admin" || role === "facilitator" };
}

export function useDecks(includeArchived = false) {
  const { orgId } = useLibraryAccess();
  return useQuery({ queryKey: libraryKeys.decks(orgId, includeArchived), queryFn: () => libraryApi.decks(includeArchived), staleTime: 30_000 });
}

export function useDeck(id: string) {
  const { orgId } = useLibraryAccess();
  return useQuery({ queryKey: libraryKeys.deck(orgId, id), queryFn: () => libraryApi.deck(id), enabled: id.length > 0 });
}

export function useDeckCards(deckId: string | undefined, includeArchived = false) {
  const { orgId } = useLibraryAccess();
  return useQuery({
    queryKey: libraryKeys.cards(orgId, deckId ?? "", includeArchived),
    queryFn: () => libraryApi.cards(deckId ?? "", includeArchived),
    enabled: Boolean(deckId),
    staleTime: 30_000,
  });
}

export function useCard(id: string) {
  const { orgId } = useLibraryAccess();
  return useQuery({ queryKey: libraryKeys.card(orgId, id), queryFn: () => libraryApi.card(id) });
}

export function useCardSearch(q: string, mode: SearchMode, deckId: string) {
  const { orgId } = useLibraryAccess();
  const query = q.trim();
  return useQuery({
    queryKey: libraryKeys.search(orgId, query, mode, deckId),
    queryFn: ({ signal }) => libraryApi.search({ q: query, mode, deckId: deckId || undefined }, signal),
    enabled: query.length > 0,
    // Keeps the previous results on screen while the next keystroke's answer arrives.
    placeholderData: (previous) => previous,
    staleTime: 10_000,
  });
}

export function useJourneys(includeArchived = false) {
  const { orgId } = useLibraryAccess();
  return useQuery({ queryKey: libraryKeys.journeys(orgId, includeArchived), queryFn: () => libraryApi.journeys(includeArchived) });
}

export function useJourney(id: string) {
  const { orgId } = useLibraryAccess();
  return useQuery({ queryKey: libraryKeys.journey(orgId, id), queryFn: () => libraryApi.journey(id), enabled: id.length > 0 });
}

/** After any change, everything the library shows for this organisation is refetched. */
export function useInvalidateLibrary(): () => Promise<void> {
  const queryClient = useQueryClient();
  const { orgId } = useLibraryAccess();
  return () => queryClient.invalidateQueries({ queryKey: libraryKeys.all(orgId) });
}

/** Puts a changed card into the caches that show it, so the screen updates before the refetch. */
export function useRememberCard(): (card: LibraryCard) => void {
  const queryClient = useQueryClient();
  const { orgId } = useLibraryAccess();
  return (card) => queryClient.setQueryData(libraryKeys.card(orgId, card.id), card);
}
