import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Page, PageLoading, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { libraryApi } from "./api";
import { BulkUploadPanel } from "./BulkUploadPanel";
import { CardGrid } from "./CardGrid";
import { CardForm, inputOf } from "./CardForm";
import { DeckCards } from "./DeckCards";
import { DeckSettings } from "./DeckSettings";
import { useDeck, useDeckCards, useInvalidateLibrary, useLibraryAccess } from "./hooks";
import { UploadPanel } from "./UploadPanel";

export function DeckPage() {
  const { t } = useTranslation();
  const { deckId = "" } = useParams();
  const { canEdit } = useLibraryAccess();
  const deck = useDeck(deckId);
  const cards = useDeckCards(deckId);

  if (deck.isPending) return <PageLoading />;
  if (deck.error) {
    return (
      <Page title={t("library.deck.notFound")}>
        <LiveMessage tone="error">{errorMessage(t, deck.error)}</LiveMessage>
        <Link to="/library" className="underline">
          {t("library.backToLibrary")}
        </Link>
      </Page>
    );
  }
  const d = deck.data;
  const editable = canEdit && !d.readOnly && !d.archived;
  const lead = [t(`library.kinds.${d.kind}`), d.readOnly ? t("library.decks.studioDefault") : t("library.decks.yourOrg"), d.archived ? t("library.archived") : ""].filter(Boolean).join(" · ");

  return (
    <Page title={d.name} lead={lead} width="lg">
      <Link to="/library" className="inline-flex min-h-11 items-center underline">
        {t("library.backToLibrary")}
      </Link>
      {d.description ? <p>{d.description}</p> : null}
      {d.readOnly ? canEdit ? <CopyDeck deckId={d.id} /> : <p>{t("library.readOnlyDefault")}</p> : !canEdit ? <p>{t("library.readOnlyMember")}</p> : null}
      <section aria-labelledby="deck-cards-heading" className="space-y-3">
        <h2 id="deck-cards-heading" className="text-lg font-semibold">
          {t("library.deck.cards", { n: cards.data?.length ?? d.cardCount })}
        </h2>
        {cards.isPending ? (
          <p role="status">{t("app.loading")}</p>
        ) : cards.error ? (
          <LiveMessage tone="error">{errorMessage(t, cards.error)}</LiveMessage>
        ) : (
          <DeckCards deckId={d.id} cards={cards.data} editable={editable} />
        )}
      </section>
      {editable ? (
        <>
          <UploadPanel deckId={d.id} />
          {d.kind !== "photo" ? <AddCardPanel deckId={d.id} /> : null}
          <BulkUploadPanel deckId={d.id} />
        </>
      ) : null}
      {canEdit && !d.readOnly ? <ArchivedCards deckId={d.id} /> : null}
      {canEdit && !d.readOnly ? <DeckSettings key={`${d.id}:${d.archived}`} deck={d} /> : null}
    </Page>
  );
}

/** Archived cards stay out of the grid; editors can open them here to restore them. */
function ArchivedCards({ deckId }: { deckId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const all = useDeckCards(open ? deckId : undefined, true);
  const archived = (all.data ?? []).filter((c) => c.archived);
  return (
    <section aria-labelledby="archived-cards-heading" className="space-y-3">
      <h2 id="archived-cards-heading" className="text-lg font-semibold">
        {t("library.deck.archivedCards")}
      </h2>
      {!open ? (
        <Button variant="secondary" onClick={() => setOpen(true)}>
          {t("library.deck.showArchivedCards")}
        </Button>
      ) : all.isPending ? (
        <p role="status">{t("app.loading")}</p>
      ) : all.error ? (
        <LiveMessage tone="error">{errorMessage(t, all.error)}</LiveMessage>
      ) : archived.length === 0 ? (
        <p>{t("library.deck.noArchivedCards")}</p>
      ) : (
        <CardGrid cards={archived} label={t("library.deck.archivedCards")} />
      )}
    </section>
  );
}

function CopyDeck({ deckId }: { deckId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateLibrary();
  const copy = useMutation({
    mutationFn: () => libraryApi.copyDeck(deckId),
    onSuccess: async (deck) => {
      await invalidate();
      await navigate(`/library/decks/${deck.id}`, { state: { flash: t("library.deck.copied", { name: deck.name }) } });
    },
  });
  return (
    <div className="space-y-2">
      <p>{t("library.readOnlyDefault")}</p>
      <LiveMessage tone="error">{copy.error ? errorMessage(t, copy.error) : null}</LiveMessage>
      <Button variant="secondary" busy={copy.isPending} onClick={() => copy.mutate()}>
        {t("library.deck.copy")}
      </Button>
    </div>
  );
}

/** Word and question cards need no picture. */
function AddCardPanel({ deckId }: { deckId: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateLibrary();
  const [round, setRound] = useState(0);
  const create = useMutation({
    mutationFn: (input: ReturnType<typeof inputOf>) => libraryApi.createCard(deckId, input),
    onSuccess: async () => {
      setRound((r) => r + 1);
      await invalidate();
    },
  });
  return (
    <Panel title={t("library.addCard.title")}>
      <CardForm
        key={round}
        submitLabel={t("library.addCard.submit")}
        busy={create.isPending}
        error={create.error}
        success={round > 0 && !create.isPending ? t("library.addCard.added") : undefined}
        onSubmit={(draft) => create.mutate(inputOf(draft))}
      />
    </Panel>
  );
}
