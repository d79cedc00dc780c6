import { sql, type SQL } from "drizzle-orm";
import { customType, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgs, users } from "./schema-core";

/** Postgres full-text document; only ever written by the database (a generated column). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** orgId null marks the studio's own default content: read-only and visible to everyone. */
export const decks = pgTable(
  "decks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["photo", "word", "question", "mixed"] }).notNull(),
    description: text("description"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    archivedAt: ts("archived_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("decks_org_idx").on(t.orgId)],
);

export const cards = pgTable(
  "cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deckId: uuid("deck_id")
      .notNull()
      .references(() => decks.id, { onDelete: "cascade" }),
    orgId: uuid("org_id").references(() => orgs.id, { onDelete: "cascade" }),
    word: text("word").notNull(),
    description: text("description"),
    alt: text("alt").notNull().default(""),
    prompts: jsonb("prompts").$type<{ pause?: string; expand?: string; focus?: string; do?: string }>().notNull().default({}),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    language: text("language").notNull().default("en"),
    /** Storage key of an uploaded image (web-sized and thumbnail variants share it). */
    imageKey: text("image_key"),
    /** A fixed URL for images the studio serves itself (the default deck's generated art). */
    imageUrl: text("image_url"),
    position: integer("position").notNull().default(0),
    /** Word, description, tags and prompts in one text, for full-text search. */
    searchText: text("search_text").notNull().default(""),
    /**
     * search_text parsed once at write time, with the card's word weighted highest. Ranking a
     * search then reads stored vectors instead of re-parsing every matching card's text.
     */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('english', ${cards.word}), 'A') || setweight(to_tsvector('english', ${cards.searchText}), 'D')`,
    ),
    /** Unit-length sentence embedding; null until the background indexer has computed it. */
    embedding: real("embedding").array(),
    embeddingModel: text("embedding_model"),
    archivedAt: ts("archived_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("cards_deck_position_idx").on(t.deckId, t.position),
    index("cards_org_idx").on(t.orgId),
    index("cards_search_idx").using("gin", sql`to_tsvector('english', ${t.searchText})`),
    index("cards_search_vector_idx").using("gin", t.searchVector),
    index("cards_needs_embedding_idx").on(t.id).where(sql`${t.embedding} IS NULL`),
  ],
);

export const journeys = pgTable(
  "journeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id").references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    audience: text("audience", { enum: ["one-to-one", "group", "solo", "any"] }).notNull().default("any"),
    phases: jsonb("phases").$type<unknown[]>().notNull(),
    copiedFrom: uuid("copied_from"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    archivedAt: ts("archived_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("journeys_org_idx").on(t.orgId)],
);
