import { useQueries } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { Page, PageLoading } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { libraryApi, libraryKeys, SEARCH_MODES, type LibraryCard, type PhaseKey, type SearchMode } from "./api";
import { CardGrid } from "./CardGrid";
import { DecksPanel } from "./DecksPanel";
import { useCardSearch, useDecks, useLibraryAccess } from "./hooks";
import { SearchControls, type LibraryFilters } from "./SearchControls";
import { useDebounced } from "./useDebounced";

const isMode = (value: string | null): value is SearchMode => SEARCH_MODES.includes(value as SearchMode);

function filtersFrom(params: URLSearchParams): LibraryFilters {
  const mode = params.get("mode");
  return {
    q: params.get("q") ?? "",
    mode: isMode(mode) ? mode : "hybrid",
    deck: params.get("deck") ?? "",
    tag: params.get("tag") ?? "",
    phase: params.get("phase") ?? "",
  };
}

function searchOf(filters: LibraryFilters): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value && !(key === "mode" && value === "hybrid")) out.set(key, value);
  return out.toString();
}

/**
 * Filters live in the address so a search can be shared, reloaded and reached with Back.
 * The controls read a local copy: an address update lands a moment later, and a controlled
 * input bound to it directly would drop keystrokes.
 */
function useFilters(): [LibraryFilters, (patch: Partial<LibraryFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFrom(params));
  const written = useRef(params.toString());

  // Back, Forward or a link (e.g. a tag on a card page) changed the address: follow it.
  const current = params.toString();
  useEffect(() => {
    if (current !== written.current) {
      written.current = current;
      setFilters(filtersFrom(new URLSearchParams(current)));
    }
  }, [current]);

  const update = (patch: Partial<LibraryFilters>) => {
    const next = { ...filters, ...patch };
    // A tag chosen from one result list may not exist in the next deck's cards.
    if (patch.deck !== undefined && patch.deck !== filters.deck) next.tag = "";
    setFilters(next);
    written.current = searchOf(next);
    setParams(new URLSearchParams(written.current), { replace: true, preventScrollReset: true });
  };
  return [filters, update];
}

export function LibraryPage() {
  const { t } = useTranslation();
  const { orgId } = useLibraryAccess();
  const [filters, setFilters] = useFilters();
  const { canEdit } = useLibraryAccess();
  const [showArchived, setShowArchived] = useState(false);
  const decks = useDecks(canEdit && showArchived);
  const query = useDebounced(filters.q.trim(), 250);
  const search = useCardSearch(query, filters.mode, filters.deck);
  const searching = query.length > 0;

  // Browsing without a query shows every card of the chosen deck, or of all decks.
  const browseDecks = searching ? [] : (decks.data ?? []).filter((d) => !d.archived && (!filters.deck || d.id === filters.deck));
  const browse = useQueries({
    queries: browseDecks.map((deck) => ({
      queryKey: libraryKeys.cards(orgId, deck.id, false),
      queryFn: () => libraryApi.cards(deck.id),
      staleTime: 30_000,
    })),
  });

  const deckNames = useMemo(() => new Map((decks.data ?? []).map((d) => [d.id, d.name])), [decks.data]);
  const found: LibraryCard[] = searching ? (search.data ?? []).map((hit) => hit.card) : browse.flatMap((q) => q.data ?? []);
  const tags = useMemo(() => [...new Set(found.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b)), [found]);
  const phase = filters.phase as PhaseKey | "";
  const shown = found.filter((c) => (!filters.tag || c.tags.includes(filters.tag)) && (!phase || Boolean(c.prompts[phase])));

  const loading = searching ? search.isPending || (search.isFetching && search.isPlaceholderData) : browse.some((q) => q.isPending);
  const error = searching ? search.error : browse.find((q) => q.error)?.error;

  if (decks.isPending) return <PageLoading />;

  return (
    <Page title={t("library.title")} lead={t("library.lead")} width="lg">
      <nav aria-label={t("library.sections")} className="flex flex-wrap gap-2">
        <Link to="/library" aria-current="page" className={buttonClass("primary")}>
          {t("library.cardsAndDecks")}
        </Link>
        <Link to="/library/journeys" className={buttonClass("secondary")}>
          {t("library.journeys.title")}
        </Link>
      </nav>
      {decks.error ? (
        <div className="space-y-2">
          <LiveMessage tone="error">{errorMessage(t, decks.error)}</LiveMessage>
          <Button variant="secondary" onClick={() => void decks.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : (
        <DecksPanel decks={decks.data ?? []} showArchived={showArchived} onShowArchived={setShowArchived} />
      )}
      <section aria-labelledby="library-cards-heading" className="space-y-4">
        <h2 id="library-cards-heading" className="text-lg font-semibold">
          {t("library.cards.title")}
        </h2>
        <SearchControls filters={filters} decks={decks.data ?? []} tags={tags} onChange={setFilters} />
        <LiveMessage tone="error">{error ? errorMessage(t, error) : null}</LiveMessage>
        <LiveMessage tone="info">
          {loading ? t("library.search.searching") : searching ? t("library.search.found", { n: shown.length, query }) : t("library.search.showing", { n: shown.length })}
        </LiveMessage>
        {!loading && shown.length === 0 ? (
          <p className="text-stone-700 dark:text-stone-300">{searching ? t("library.search.noneFound") : t("library.cards.none")}</p>
        ) : (
          <CardGrid
            cards={shown}
            label={searching ? t("library.search.results") : t("library.cards.title")}
            detailOf={(card) => (phase ? card.prompts[phase] : deckNames.get(card.deckId))}
          />
        )}
      </section>
    </Page>
  );
}
