import { z } from "zod";
import { Card, CreateCardInput, Deck } from "../../domain/content";

// API shapes for the card library beyond the shared domain schemas: what a client needs to
// show state (archived, read-only) and the inputs of routes the contract leaves to us.

export const CardView = Card.extend({
  /** A small variant for grids; same as imageUrl for the default deck's vector art. */
  thumbnailUrl: z.string().optional(),
  position: z.number().int(),
  archived: z.boolean(),
  /** True for the studio's default content, which nobody may edit. */
  readOnly: z.boolean(),
});
export type CardView = z.infer<typeof CardView>;

export const DeckView = Deck.extend({ archived: z.boolean(), readOnly: z.boolean() });
export type DeckView = z.infer<typeof DeckView>;

export const CardCreateBody = CreateCardInput.extend({ language: z.string().trim().min(2).max(16).optional() });
export type CardCreateBody = z.infer<typeof CardCreateBody>;
export const CardUpdateBody = CardCreateBody.partial();
export type CardUpdateBody = z.infer<typeof CardUpdateBody>;

export const IncludeArchivedQuery = z.object({
  includeArchived: z.enum(["true", "false"]).optional().describe("Editors (facilitator or above) may list archived items too"),
});

export const ReorderInput = z.object({
  cardIds: z.array(z.uuid()).min(1).max(5000).describe("Every active card of the deck, in the new order"),
});

export const CopyInput = z.object({ name: z.string().trim().min(1).max(120).optional() });

export const BulkItem = z.object({
  file: z.string(),
  ok: z.boolean(),
  card: CardView.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export const BulkResult = z.object({ items: z.array(BulkItem), created: z.number().int(), failed: z.number().int() });
export type BulkItem = z.infer<typeof BulkItem>;
