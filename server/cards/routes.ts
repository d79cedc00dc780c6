import fastifyMultipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "../../domain/api/common";
import { CreateDeckInput, UpdateDeckInput } from "../../domain/content";
import type { AppContext } from "../context";
import { invalid } from "../errors";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, type ZApp } from "../http/types";
import { MAX_IMAGE_BYTES, prepareImage, type PreparedImage } from "../media/images";
import { mediaFor } from "../media/index";
import { importBulk, MAX_ZIP_BYTES } from "./bulk";
import { cardFieldsToBody, readMultipart } from "./multipart";
import { BulkResult, CardCreateBody, CardUpdateBody, CardView, CopyInput, DeckView, IncludeArchivedQuery, ReorderInput } from "./schemas";
import { cardService } from "./service";

const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400], 422: errorResponses[400] };
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The image sent with a multipart card, read before validation so the fields can be validated as JSON would be. */
const pendingImages = new WeakMap<FastifyRequest, { filename: string; data: Buffer }>();

export async function cardRoutes(root: ZApp, ctx: AppContext) {
  const cards = cardService(ctx);
  const media = mediaFor(ctx);
  const tags = ["cards"];

  async function imageFrom(req: FastifyRequest, userId: string): Promise<PreparedImage> {
    await ctx.limits.consume("uploadsPerCaller", userId);
    const form = await readMultipart(req, { maxFileBytes: MAX_IMAGE_BYTES, maxFiles: 1, what: "image" });
    const file = form.files.find((f) => f.field === "image") ?? form.files[0];
    if (!file) throw invalid("Attach the picture as a file field named `image`.");
    return prepareImage(file.data, file.filename);
  }

  // Multipart is accepted only by the routes in this scope, with limits sized for card images.
  await root.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_IMAGE_BYTES, files: 1 } });
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.get(
      "/api/decks",
      { config: { access: "content.read" }, schema: { tags, summary: "Decks you can use: the studio's defaults and your organisation's", querystring: IncludeArchivedQuery, response: { 200: items(DeckView), ...errorResponses } } },
      async (req) => ({ items: await cards.listDecks(requireOrgActor(req), req.query.includeArchived === "true") }),
    );
    app.post(
      "/api/decks",
      { config: { access: "content.write" }, schema: { tags, summary: "Create a deck for your organisation", body: CreateDeckInput, response: { 201: DeckView, ...errorResponses } } },
      async (req, reply) => reply.code(201).send(await cards.createDeck(requireOrgActor(req), req.body)),
    );
    app.get(
      "/api/decks/:id",
      { config: { access: "content.read" }, schema: { tags, summary: "One deck", params: IdParams, response: { 200: DeckView, ...errorResponses } } },
      async (req) => cards.getDeck(requireOrgActor(req), req.params.id),
    );
    app.patch(
      "/api/decks/:id",
      { config: { access: "content.write" }, schema: { tags, summary: "Rename or describe a deck", params: IdParams, body: UpdateDeckInput, response: { 200: DeckView, 422: errorResponses[400], ...errorResponses } } },
      async (req) => cards.updateDeck(requireOrgActor(req), req.params.id, req.body),
    );
    for (const [action, archived] of [["archive", true], ["restore", false]] as const) {
      app.post(
        `/api/decks/:id/${action}`,
        { config: { access: "content.write" }, schema: { tags, summary: archived ? "Archive a deck (hidden, can be restored)" : "Restore an archived deck", params: IdParams, response: { 200: DeckView, ...errorResponses } } },
        async (req) => cards.setDeckArchived(requireOrgActor(req), req.params.id, archived),
      );
      app.post(
        `/api/cards/:id/${action}`,
        { config: { access: "content.write" }, schema: { tags, summary: archived ? "Archive a card (hidden, can be restored)" : "Restore an archived card", params: IdParams, response: { 200: CardView, ...errorResponses } } },
        async (req) => cards.setCardArchived(requireOrgActor(req), req.params.id, archived),
      );
    }
    app.post(
      "/api/decks/:id/copy",
      { config: { access: "content.write" }, schema: { tags, summary: "Copy a deck (a default one too) into your organisation, with its cards", params: IdParams, body: CopyInput.optional(), response: { 201: DeckView, ...errorResponses } } },
      async (req, reply) => reply.code(201).send(await cards.copyDeck(requireOrgActor(req), req.params.id, req.body?.name)),
    );

    app.get(
      "/api/decks/:id/cards",
      { config: { access: "content.read" }, schema: { tags, summary: "The deck's cards, in order", params: IdParams, querystring: IncludeArchivedQuery, response: { 200: items(CardView), ...errorResponses } } },
      async (req) => ({ items: await cards.listCards(requireOrgActor(req), req.params.id, req.query.includeArchived === "true") }),
    );
    app.post(
      "/api/decks/:id/cards",
      {
        config: { access: "content.write" },
        schema: {
          tags,
          summary: "Add a card",
          description: "JSON, or multipart/form-data with the same fields (tags comma-separated, prompts as JSON or pause/expand/focus/do fields) and an `image` file (PNG, JPEG or WebP, up to 10 MB). Photo decks need an image.",
          params: IdParams,
          body: CardCreateBody,
          response: { 201: CardView, ...uploadErrors },
        },
        preValidation: async (req) => {
          if (!req.isMultipart()) return;
          const actor = requireOrgActor(req);
          await cards.editableDeck(actor, (req.params as { id: string }).id);
          await ctx.limits.consume("uploadsPerCaller", actor.userId);
          const form = await readMultipart(req, { maxFileBytes: MAX_IMAGE_BYTES, maxFiles: 1, what: "image" });
          const file = form.files.find((f) => f.field === "image") ?? form.files[0];
          if (file) pendingImages.set(req, { filename: file.filename, data: file.data });
          // Validation runs right after this hook, so the form fields are checked by the same schema as JSON.
          req.body = cardFieldsToBody(form.fields) as CardCreateBody;
        },
      },
      async (req, reply) => {
        const file = pendingImages.get(req);
        const image = file ? await prepareImage(file.data, file.filename) : null;
        return reply.code(201).send(await cards.createCard(requireOrgActor(req), req.params.id, req.body, image));
      },
    );
    app.put(
      "/api/decks/:id/order",
      { config: { access: "content.write" }, schema: { tags, summary: "Put the deck's cards in a new order", params: IdParams, body: ReorderInput, response: { 200: items(CardView), 422: errorResponses[400], ...errorResponses } } },
      async (req) => ({ items: await cards.reorder(requireOrgActor(req), req.params.id, req.body.cardIds) }),
    );
    app.post(
      "/api/decks/:id/cards/bulk",
      {
        config: { access: "content.write" },
        bodyLimit: MAX_ZIP_BYTES,
        schema: {
          tags,
          summary: "Add many cards from a ZIP of images",
          description: "multipart/form-data: `zip` (PNG/JPEG/WebP images, up to 200 MB) and optionally `csv` with columns file,word,description,alt,pause,expand,focus,do,tags (a .csv inside the ZIP works too). Each file is judged alone: the answer lists what was added and why the rest was not.",
          params: IdParams,
          response: { 200: BulkResult, ...uploadErrors },
        },
      },
      async (req) => {
        const actor = requireOrgActor(req);
        const deck = await cards.editableDeck(actor, req.params.id);
        await ctx.limits.consume("uploadsPerCaller", actor.userId);
        const form = await readMultipart(req, { maxFileBytes: MAX_ZIP_BYTES, maxFiles: 2, what: "ZIP archive" });
        const zip = form.files.find((f) => f.field === "zip") ?? form.files.find((f) => !/\.csv$/i.test(f.filename));
        if (!zip) throw invalid("Attach the images as a ZIP file in a field named `zip`.");
        const csv = form.files.find((f) => f !== zip && (f.field === "csv" || /\.csv$/i.test(f.filename)));
        const results = await importBulk(cards, media, actor, deck, zip.data, csv?.data ?? null);
        const created = results.filter((r) => r.ok).length;
        return { items: results, created, failed: results.length - created };
      },
    );

    app.get(
      "/api/cards/:id",
      { config: { access: "content.read" }, schema: { tags, summary: "One card", params: IdParams, response: { 200: CardView, ...errorResponses } } },
      async (req) => cards.getCard(requireOrgActor(req), req.params.id),
    );
    app.patch(
      "/api/cards/:id",
      { config: { access: "content.write" }, schema: { tags, summary: "Edit a card's words, prompts or tags", params: IdParams, body: CardUpdateBody, response: { 200: CardView, ...errorResponses } } },
      async (req) => cards.updateCard(requireOrgActor(req), req.params.id, req.body),
    );
    app.put(
      "/api/cards/:id/image",
      { config: { access: "content.write" }, schema: { tags, summary: "Replace a card's image", description: "multipart/form-data with an `image` file (PNG, JPEG or WebP, up to 10 MB).", params: IdParams, response: { 200: CardView, ...uploadErrors } } },
      async (req) => {
        const actor = requireOrgActor(req);
        await cards.getCard(actor, req.params.id);
        return cards.replaceImage(actor, req.params.id, await imageFrom(req, actor.userId));
      },
    );
  });
}
