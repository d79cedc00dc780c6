import type { Role } from "../../domain/api/common";
import type { CreateDeckInput, UpdateDeckInput } from "../../domain/content";
import type { AppContext } from "../context";
import { conflict, forbidden, invalid, notFound, unprocessable } from "../errors";
import { fileKey, mediaFor } from "../media/index";
import type { PreparedImage } from "../media/images";
import { hasRole, type Actor } from "../policies";
import { indexerFor } from "../search/indexer";
import { searchTextOf } from "../search/text";
import { presentCard, presentDeck } from "./present";
import { cardRepository, type CardRow, type DeckWithCount } from "./repository";
import type { CardCreateBody, CardUpdateBody } from "./schemas";

export type OrgActor = Actor & { orgId: string; role: Role };

export const READ_ONLY_DECK = "The studio's default decks are read-only; copy the deck into your organisation to change it.";

/** Another organisation's content answers exactly like content that does not exist. */
export function assertVisible<T extends { orgId: string | null }>(row: T | undefined, actor: OrgActor, what: string): T {
  if (!row || (row.orgId !== null && row.orgId !== actor.orgId)) throw notFound(what);
  return row;
}

export function assertEditor(actor: OrgActor, what = "archived items"): void {
  if (!hasRole(actor.role, "facilitator")) throw forbidden(`Only facilitators and above can see ${what}.`);
}

export function cardService(ctx: AppContext) {
  const repo = cardRepository(ctx.database.db);
  const media = mediaFor(ctx);
  const indexer = indexerFor(ctx);

  async function visibleDeck(actor: OrgActor, id: string): Promise<DeckWithCount> {
    return assertVisible(await repo.findDeck(id), actor, "The deck");
  }
  async function editableDeck(actor: OrgActor, id: string): Promise<DeckWithCount> {
    const deck = await visibleDeck(actor, id);
    if (deck.orgId === null) throw forbidden(READ_ONLY_DECK);
    return deck;
  }
  async function editableCard(actor: OrgActor, id: string): Promise<CardRow> {
    const card = assertVisible(await repo.findCard(id), actor, "The card");
    if (card.orgId === null) throw forbidden(READ_ONLY_DECK);
    return card;
  }
  async function deckView(id: string) {
    return presentDeck((await repo.findDeck(id))!);
  }

  /** Stores the image before the row exists, and removes it again if the row cannot be written. */
  async function insertCard(actor: OrgActor, deck: DeckWithCount, input: CardCreateBody, image: PreparedImage | null): Promise<CardRow> {
    if (deck.archivedAt) throw conflict("This deck is archived. Restore it before adding cards.");
    if (deck.kind === "photo" && !image) {
      throw invalid("A photo card needs an image: send the card as multipart/form-data with an `image` file (PNG, JPEG or WebP).", {
        in: "body",
        fieldErrors: { image: ["Required for photo cards"] },
      });
    }
    const imageKey = image ? await media.storeCardImage(actor.orgId, image) : null;
    const text = { word: input.word, description: input.description ?? null, alt: input.alt ?? "", prompts: input.prompts ?? {}, tags: input.tags ?? [] };
    try {
      const row = await repo.insertCard({ ...text, deckId: deck.id, orgId: actor.orgId, language: input.language ?? "en", imageKey, searchText: searchTextOf(text) });
      indexer.kick();
      return row;
    } catch (err) {
      if (imageKey) await media.deleteCardImage(imageKey).catch(() => undefined);
      throw err;
    }
  }

  return {
    visibleDeck,
    insertCard,
    editableDeck,

    async listDecks(actor: OrgActor, includeArchived: boolean) {
      if (includeArchived) assertEditor(actor, "archived decks");
      return (await repo.listDecks(actor.orgId, includeArchived)).map(presentDeck);
    },

    async getDeck(actor: OrgActor, id: string) {
      return presentDeck(await visibleDeck(actor, id));
    },

    async createDeck(actor: OrgActor, input: CreateDeckInput) {
      const row = await repo.insertDeck({ orgId: actor.orgId, name: input.name, kind: input.kind, description: input.description || null, createdBy: actor.userId });
      return presentDeck({ ...row, cardCount: 0 });
    },

    async updateDeck(actor: OrgActor, id: string, patch: UpdateDeckInput) {
      const deck = await editableDeck(actor, id);
      if (patch.kind === "photo" && deck.kind !== "photo") {
        const withoutImage = (await repo.listCards(id, false)).filter((c) => !c.imageKey && !c.imageUrl);
        if (withoutImage.length) throw unprocessable(`${withoutImage.length} card(s) in this deck have no image; a photo deck needs an image on every card.`);
      }
      await repo.updateDeck(id, { name: patch.name, kind: patch.kind, description: patch.description === undefined ? undefined : patch.description || null });
      return deckView(id);
    },

    async setDeckArchived(actor: OrgActor, id: string, archived: boolean) {
      await editableDeck(actor, id);
      await repo.updateDeck(id, { archivedAt: archived ? new Date() : null });
      return deckView(id);
    },

    /** Copies a deck (a default one or the organisation's own) with its active cards and images. */
    async copyDeck(actor: OrgActor, id: string, name?: string) {
      const source = await visibleDeck(actor, id);
      const deck = await repo.insertDeck({ orgId: actor.orgId, name: name ?? `${source.name} (copy)`.slice(0, 120), kind: source.kind, description: source.description, createdBy: actor.userId });
      const sourceCards = await repo.listCards(id, false);
      const copies = [];
      for (const [i, c] of sourceCards.entries()) {
        let imageKey: string | null = null;
        if (c.imageKey) {
          // Each card owns its files, so replacing one copy's image never breaks the other.
          const [web, thumb] = await Promise.all([media.storage.get(fileKey(c.imageKey, "web")), media.storage.get(fileKey(c.imageKey, "thumb"))]);
          if (web && thumb) imageKey = await media.storeCardImage(actor.orgId, { web, thumb, width: 0, height: 0 });
        }
        copies.push({
          deckId: deck.id, orgId: actor.orgId, word: c.word, description: c.description, alt: c.alt, prompts: c.prompts, tags: c.tags, language: c.language,
          imageKey, imageUrl: c.imageUrl, position: i, searchText: c.searchText, embedding: c.embedding, embeddingModel: c.embeddingModel,
        });
      }
      await repo.insertCards(copies);
      indexer.kick();
      return deckView(deck.id);
    },

    async listCards(actor: OrgActor, deckId: string, includeArchived: boolean) {
      if (includeArchived) assertEditor(actor, "archived cards");
      await visibleDeck(actor, deckId);
      return (await repo.listCards(deckId, includeArchived)).map((c) => presentCard(c, media));
    },

    async createCard(actor: OrgActor, deckId: string, input: CardCreateBody, image: PreparedImage | null) {
      const deck = await editableDeck(actor, deckId);
      return presentCard(await insertCard(actor, deck, input, image), media);
    },

    async getCard(actor: OrgActor, id: string) {
      return presentCard(assertVisible(await repo.findCard(id), actor, "The card"), media);
    },

    async updateCard(actor: OrgActor, id: string, patch: CardUpdateBody) {
      const card = await editableCard(actor, id);
      const next = {
        word: patch.word ?? card.word,
        description: patch.description === undefined ? card.description : patch.description || null,
        alt: patch.alt ?? card.alt,
        prompts: patch.prompts ?? card.prompts,
        tags: patch.tags ?? card.tags,
      };
      const searchText = searchTextOf(next);
      const row = await repo.updateCard(id, { ...next, language: patch.language ?? card.language, searchText }, searchText !== card.searchText);
      if (searchText !== card.searchText) indexer.kick();
      return presentCard(row!, media);
    },

    async replaceImage(actor: OrgActor, id: string, image: PreparedImage) {
      const card = await editableCard(actor, id);
      const imageKey = await media.storeCardImage(actor.orgId, image);
      const row = await repo.updateCard(id, { imageKey, imageUrl: null }, false);
      if (card.imageKey) await media.deleteCardImage(card.imageKey).catch((err: unknown) => ctx.log.warn({ err }, "old card image could not be removed"));
      return presentCard(row!, media);
    },

    async setCardArchived(actor: OrgActor, id: string, archived: boolean) {
      await editableCard(actor, id);
      return presentCard((await repo.setCardArchived(id, archived ? new Date() : null))!, media);
    },

    async reorder(actor: OrgActor, deckId: string, cardIds: string[]) {
      await editableDeck(actor, deckId);
      const active = await repo.listCards(deckId, false);
      const given = new Set(cardIds);
      if (given.size !== cardIds.length) throw invalid("cardIds lists a card more than once.");
      const missing = active.filter((c) => !given.has(c.id));
      const foreign = cardIds.filter((cid) => !active.some((c) => c.id === cid));
      if (missing.length || foreign.length) {
        throw unprocessable("cardIds must list every active card of this deck exactly once.", { missing: missing.map((c) => c.id), unknown: foreign });
      }
      await repo.reorder(deckId, cardIds);
      return (await repo.listCards(deckId, false)).map((c) => presentCard(c, media));
    },
  };
}
export type CardService = ReturnType<typeof cardService>;
