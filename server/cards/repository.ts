import { and, asc, eq, inArray, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { cards, decks } from "../db/schema";

export type DeckRow = typeof decks.$inferSelect;
export type CardRow = typeof cards.$inferSelect;
export type NewCard = typeof cards.$inferInsert;
export type DeckWithCount = DeckRow & { cardCount: number };
export type CardPatch = Partial<Pick<CardRow, "word" | "description" | "alt" | "prompts" | "tags" | "language" | "imageKey" | "imageUrl" | "searchText">>;

/** The studio's defaults (org null) plus one organisation's own. */
const visibleTo = (orgId: string, column: typeof decks.orgId | typeof cards.orgId) => or(isNull(column), eq(column, orgId));

// Spelled out: Drizzle leaves columns unqualified in a single-table select, which would bind "id" to the inner table.
const activeCardCount = sql<number>`(SELECT count(*)::int FROM cards cc WHERE cc.deck_id = "decks"."id" AND cc.archived_at IS NULL)`;

export function cardRepository(db: Db) {
  return {
    async listDecks(orgId: string, includeArchived: boolean): Promise<DeckWithCount[]> {
      const where: SQL[] = [visibleTo(orgId, decks.orgId)!];
      if (!includeArchived) where.push(isNull(decks.archivedAt));
      const rows = await db
        .select({ deck: decks, cardCount: activeCardCount })
        .from(decks)
        .where(and(...where))
        // Defaults first (nulls first), then the organisation's decks by name.
        .orderBy(sql`${decks.orgId} IS NOT NULL`, asc(decks.name), asc(decks.id));
      return rows.map((r) => ({ ...r.deck, cardCount: Number(r.cardCount) }));
    },
    async findDeck(id: string): Promise<DeckWithCount | undefined> {
      const rows = await db.select({ deck: decks, cardCount: activeCardCount }).from(decks).where(eq(decks.id, id)).limit(1);
      return rows[0] && { ...rows[0].deck, cardCount: Number(rows[0].cardCount) };
    },
    async insertDeck(values: typeof decks.$inferInsert): Promise<DeckRow> {
      const [row] = await db.insert(decks).values(values).returning();
      return row;
    },
    async updateDeck(id: string, patch: Partial<Pick<DeckRow, "name" | "kind" | "description" | "archivedAt">>): Promise<void> {
      await db.update(decks).set({ ...patch, updatedAt: new Date() }).where(eq(decks.id, id));
    },

    async listCards(deckId: string, includeArchived: boolean): Promise<CardRow[]> {
      const where = includeArchived ? eq(cards.deckId, deckId) : and(eq(cards.deckId, deckId), isNull(cards.archivedAt));
      return db.select().from(cards).where(where).orderBy(asc(cards.position), asc(cards.createdAt), asc(cards.id));
    },
    async findCard(id: string): Promise<CardRow | undefined> {
      const rows = await db.select().from(cards).where(eq(cards.id, id)).limit(1);
      return rows[0];
    },
    async findCards(ids: string[]): Promise<CardRow[]> {
      if (ids.length === 0) return [];
      return db.select().from(cards).where(inArray(cards.id, ids));
    },
    /** Appends at the end of the deck; the position is computed in the same statement. */
    async insertCard(values: Omit<NewCard, "position">): Promise<CardRow> {
      const [row] = await db
        .insert(cards)
        .values({ ...values, position: sql`(SELECT coalesce(max(${cards.position}) + 1, 0) FROM ${cards} WHERE ${cards.deckId} = ${values.deckId})` })
        .returning();
      return row;
    },
    async insertCards(values: NewCard[]): Promise<CardRow[]> {
      if (values.length === 0) return [];
      return db.insert(cards).values(values).returning();
    },
    /** A changed text clears the embedding, which tells the background indexer to redo it. */
    async updateCard(id: string, patch: CardPatch, textChanged: boolean): Promise<CardRow | undefined> {
      const [row] = await db
        .update(cards)
        .set({ ...patch, updatedAt: new Date(), ...(textChanged ? { embedding: null, embeddingModel: null } : {}) })
        .where(eq(cards.id, id))
        .returning();
      return row;
    },
    async setCardArchived(id: string, at: Date | null): Promise<CardRow | undefined> {
      const [row] = await db.update(cards).set({ archivedAt: at, updatedAt: new Date() }).where(eq(cards.id, id)).returning();
      return row;
    },
    /** Positions follow the given order; cards not listed (archived ones) keep their relative order after them. */
    async reorder(deckId: string, orderedIds: string[]): Promise<void> {
      await db.transaction(async (tx) => {
        const all = await tx.select({ id: cards.id }).from(cards).where(eq(cards.deckId, deckId)).orderBy(asc(cards.position), asc(cards.createdAt), asc(cards.id));
        const listed = new Set(orderedIds);
        const final = [...orderedIds, ...all.map((c) => c.id).filter((id) => !listed.has(id))];
        if (final.length === 0) return;
        // One statement rather than one update per card: a 150-card deck reorders in a single round trip.
        // updated_at is left alone: the order is not the card's content and must not re-trigger its embedding.
        await tx.execute(sql`UPDATE ${cards} SET position = o.ord - 1
          FROM unnest(${`{${final.join(",")}}`}::uuid[]) WITH ORDINALITY AS o(id, ord)
          WHERE ${cards.id} = o.id AND ${cards.deckId} = ${deckId} AND ${cards.position} IS DISTINCT FROM (o.ord - 1)::int`);
      });
    },
  };
}
/**
 * Brings the studio's default decks and cards in line with the content shipped in code. Rows
 * that already match are not touched (boot stays cheap); a card whose text changed loses its
 * embedding so the indexer redoes it; defaults no longer shipped are archived, not deleted,
 * because past sessions may still point at them.
 */
export async function upsertDefaultCards(db: Db, deckRows: (typeof decks.$inferInsert)[], cardRows: NewCard[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(decks)
      .values(deckRows)
      .onConflictDoUpdate({
        target: decks.id,
        set: { orgId: null, name: sql`excluded.name`, kind: sql`excluded.kind`, description: sql`excluded.description`, archivedAt: null, updatedAt: sql`now()` },
        setWhere: sql`(${decks.orgId}, ${decks.name}, ${decks.kind}, ${decks.description}, ${decks.archivedAt}) IS DISTINCT FROM (NULL::uuid, excluded.name, excluded.kind, excluded.description, NULL::timestamptz)`,
      });
    await tx
      .insert(cards)
      .values(cardRows)
      .onConflictDoUpdate({
        target: cards.id,
        set: {
          deckId: sql`excluded.deck_id`, orgId: null, word: sql`excluded.word`, description: sql`excluded.description`, alt: sql`excluded.alt`,
          prompts: sql`excluded.prompts`, tags: sql`excluded.tags`, language: sql`excluded.language`, imageUrl: sql`excluded.image_url`,
          position: sql`excluded.position`, searchText: sql`excluded.search_text`, archivedAt: null, updatedAt: sql`now()`,
          embedding: sql`CASE WHEN ${cards.searchText} = excluded.search_text THEN ${cards.embedding} END`,
          embeddingModel: sql`CASE WHEN ${cards.searchText} = excluded.search_text THEN ${cards.embeddingModel} END`,
        },
        setWhere: sql`(${cards.deckId}, ${cards.orgId}, ${cards.word}, ${cards.description}, ${cards.alt}, ${cards.prompts}, ${cards.tags}, ${cards.language}, ${cards.imageUrl}, ${cards.position}, ${cards.searchText}, ${cards.archivedAt})
          IS DISTINCT FROM (excluded.deck_id, NULL::uuid, excluded.word, excluded.description, excluded.alt, excluded.prompts, excluded.tags, excluded.language, excluded.image_url, excluded.position, excluded.search_text, NULL::timestamptz)`,
      });
    const shipped = cardRows.map((c) => c.id!);
    await tx.update(cards).set({ archivedAt: new Date() }).where(and(isNull(cards.orgId), isNull(cards.archivedAt), notInArray(cards.id, shipped)));
    await tx.update(decks).set({ archivedAt: new Date() }).where(and(isNull(decks.orgId), isNull(decks.archivedAt), notInArray(decks.id, deckRows.map((d) => d.id!))));
  });
}

export type CardRepository = ReturnType<typeof cardRepository>;
