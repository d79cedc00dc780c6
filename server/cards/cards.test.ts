import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CARDS, DEFAULT_DECKS, PHOTO_DECK_ID, WORD_DECK_ID } from "../../content/index";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { seedDefaultContent } from "./seed";

describe("decks and cards", () => {
  let t: TestApp;
  let owner: SignedUp;
  let member: SignedUp;
  let stranger: SignedUp;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app, { name: "Owner" });
    member = await memberOf(t.app, owner, "member");
    stranger = await signUp(t.app, { name: "Stranger" });
  });
  afterAll(() => t.close());

  const req = (method: string, url: string, who: SignedUp | null, payload?: unknown) =>
    t.app.inject({ method: method as "GET", url, headers: who?.headers ?? {}, payload: payload as object });

  async function newDeck(who: SignedUp, kind = "word", name = "Team words") {
    const res = await req("POST", "/api/decks", who, { name, kind, description: "For retros" });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; orgId: string; cardCount: number };
  }

  it("lists the studio's default decks to everyone, with their cards in order", async () => {
    const res = await req("GET", "/api/decks", member);
    expect(res.statusCode).toBe(200);
    const decks = res.json().items as { id: string; orgId: string | null; cardCount: number; readOnly: boolean }[];
    for (const d of DEFAULT_DECKS) expect(decks).toContainEqual(expect.objectContaining({ id: d.id, orgId: null, cardCount: d.cardCount, readOnly: true }));
    const cards = (await req("GET", `/api/decks/${PHOTO_DECK_ID}/cards`, member)).json().items as { id: string; imageUrl: string; position: number }[];
    expect(cards.map((c) => c.id)).toEqual(DEFAULT_CARDS.filter((c) => c.deckId === PHOTO_DECK_ID).map((c) => c.id));
    expect(cards[0].imageUrl).toBe(`/media/default/${cards[0].id}.svg`);
    const one = await req("GET", `/api/cards/${cards[1].id}`, stranger);
    expect(one.json()).toMatchObject({ id: cards[1].id, deckId: PHOTO_DECK_ID, readOnly: true });
    expect((await req("GET", "/api/decks", null)).statusCode).toBe(401);
  });

  it("keeps default content read-only, with a message that says what to do instead", async () => {
    const card = DEFAULT_CARDS.find((c) => c.deckId === WORD_DECK_ID)!;
    const attempts = [
      await req("PATCH", `/api/decks/${WORD_DECK_ID}`, owner, { name: "Mine now" }),
      await req("POST", `/api/decks/${WORD_DECK_ID}/archive`, owner, {}),
      await req("POST", `/api/decks/${WORD_DECK_ID}/cards`, owner, { word: "Extra" }),
      await req("PATCH", `/api/cards/${card.id}`, owner, { word: "Changed" }),
      await req("POST", `/api/cards/${card.id}/archive`, owner, {}),
      await req("PUT", `/api/decks/${WORD_DECK_ID}/order`, owner, { cardIds: [card.id] }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: "forbidden", message: expect.stringContaining("read-only; copy") });
    }
  });

  it("creates an organisation's deck (facilitator or above) that no other organisation can see or touch", async () => {
    expect((await req("POST", "/api/decks", member, { name: "Nope", kind: "word" })).statusCode).toBe(403);
    const deck = await newDeck(owner);
    expect(deck).toMatchObject({ orgId: owner.orgId, cardCount: 0 });
    const card = (await req("POST", `/api/decks/${deck.id}/cards`, owner, { word: "Trust", tags: ["team"], prompts: { focus: "Where is trust growing?" } })).json();
    expect(card).toMatchObject({ deckId: deck.id, word: "Trust", alt: "", tags: ["team"], readOnly: false, position: 0 });

    expect((await req("GET", "/api/decks", member)).json().items.map((d: { id: string }) => d.id)).toContain(deck.id);
    expect((await req("GET", "/api/decks", stranger)).json().items.map((d: { id: string }) => d.id)).not.toContain(deck.id);
    // Not 403: another organisation must not learn the deck exists.
    for (const res of [
      await req("GET", `/api/decks/${deck.id}`, stranger),
      await req("GET", `/api/decks/${deck.id}/cards`, stranger),
      await req("GET", `/api/cards/${card.id}`, stranger),
      await req("PATCH", `/api/cards/${card.id}`, stranger, { word: "Mine" }),
      await req("POST", `/api/decks/${deck.id}/cards`, stranger, { word: "Sneaky" }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
  });

  it("edits, archives, restores and reorders cards; archived cards are listed only for editors who ask", async () => {
    const deck = await newDeck(owner, "question", "Questions");
    const ids: string[] = [];
    for (const word of ["One", "Two", "Three"]) ids.push((await req("POST", `/api/decks/${deck.id}/cards`, owner, { word })).json().id);
    const edited = await req("PATCH", `/api/cards/${ids[0]}`, owner, { word: "First", description: "The opening question" });
    expect(edited.json()).toMatchObject({ word: "First", description: "The opening question" });
    expect((await req("PATCH", `/api/cards/${ids[0]}`, member, { word: "x" })).statusCode).toBe(403);
    expect((await req("PATCH", `/api/cards/${ids[0]}`, owner, { word: "" })).statusCode).toBe(400);

    const reordered = await req("PUT", `/api/decks/${deck.id}/order`, owner, { cardIds: [ids[2], ids[0], ids[1]] });
    expect(reordered.json().items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[0], ids[1]]);
    const incomplete = await req("PUT", `/api/decks/${deck.id}/order`, owner, { cardIds: [ids[2], ids[0]] });
    expect(incomplete.statusCode).toBe(422);

    expect((await req("POST", `/api/cards/${ids[1]}/archive`, owner, {})).json().archived).toBe(true);
    const listed = (await req("GET", `/api/decks/${deck.id}/cards`, member)).json().items.map((c: { id: string }) => c.id);
    expect(listed).toEqual([ids[2], ids[0]]);
    expect((await req("GET", `/api/decks/${deck.id}`, member)).json().cardCount).toBe(2);
    expect((await req("GET", `/api/decks/${deck.id}/cards?includeArchived=true`, member)).statusCode).toBe(403);
    expect((await req("GET", `/api/decks/${deck.id}/cards?includeArchived=true`, owner)).json().items).toHaveLength(3);
    expect((await req("POST", `/api/cards/${ids[1]}/restore`, owner, {})).json().archived).toBe(false);
    expect((await req("GET", `/api/decks/${deck.id}/cards`, member)).json().items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[0], ids[1]]);
  });

  it("archives and restores decks, and refuses new cards in an archived deck", async () => {
    const deck = await newDeck(owner, "word", "Old words");
    expect((await req("POST", `/api/decks/${deck.id}/archive`, owner, {})).json()).toMatchObject({ archived: true });
    expect((await req("GET", "/api/decks", owner)).json().items.map((d: { id: string }) => d.id)).not.toContain(deck.id);
    expect((await req("GET", "/api/decks?includeArchived=true", owner)).json().items.map((d: { id: string }) => d.id)).toContain(deck.id);
    expect((await req("GET", "/api/decks?includeArchived=true", member)).statusCode).toBe(403);
    expect((await req("POST", `/api/decks/${deck.id}/cards`, owner, { word: "Late" })).statusCode).toBe(409);
    expect((await req("POST", `/api/decks/${deck.id}/restore`, owner, {})).json().archived).toBe(false);
    const renamed = await req("PATCH", `/api/decks/${deck.id}`, owner, { name: "Renewed words", description: "" });
    expect(renamed.json()).toMatchObject({ name: "Renewed words", archived: false });
    expect(renamed.json().description).toBeUndefined();
  });

  it("requires an image for photo cards but not for word cards", async () => {
    const photo = await newDeck(owner, "photo", "Our photos");
    const res = await req("POST", `/api/decks/${photo.id}/cards`, owner, { word: "No picture" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("needs an image");
    const word = await newDeck(owner, "word", "Words");
    expect((await req("POST", `/api/decks/${word.id}/cards`, owner, { word: "Fine" })).statusCode).toBe(201);
  });

  it("copies a default deck into the organisation with all its cards, which can then be edited", async () => {
    const res = await req("POST", `/api/decks/${WORD_DECK_ID}/copy`, owner, { name: "Our living words" });
    expect(res.statusCode).toBe(201);
    const copy = res.json();
    const original = DEFAULT_DECKS.find((d) => d.id === WORD_DECK_ID)!;
    expect(copy).toMatchObject({ name: "Our living words", orgId: owner.orgId, kind: "word", cardCount: original.cardCount, readOnly: false });
    const first = (await req("GET", `/api/decks/${copy.id}/cards`, owner)).json().items[0];
    expect((await req("PATCH", `/api/cards/${first.id}`, owner, { tags: ["ours"] })).json().tags).toEqual(["ours"]);
    expect((await req("POST", `/api/decks/${copy.id}/copy`, member, {})).statusCode).toBe(403);
  });

  it("serves default card art as a cacheable, script-free SVG and 404s anything else", async () => {
    const id = DEFAULT_CARDS.find((c) => c.deckId === PHOTO_DECK_ID)!.id;
    const res = await t.app.inject({ method: "GET", url: `/media/default/${id}.svg` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("image/svg+xml");
    expect(res.headers["cache-control"]).toMatch(/public, max-age=\d{6,}/);
    expect(res.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(res.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(res.body).not.toMatch(/<script/i);
    const again = await t.app.inject({ method: "GET", url: `/media/default/${id}.svg`, headers: { "if-none-match": String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    const wordCard = DEFAULT_CARDS.find((c) => c.deckId === WORD_DECK_ID)!.id;
    for (const url of [`/media/default/${wordCard}.svg`, "/media/default/00000000-0000-4000-8000-000000000000.svg", "/media/default/..%2Fsecret.key", "/media/default/x.png"]) {
      expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(404);
    }
  });

  it("seeds idempotently, and puts edited or removed default content back in line with the shipped content", async () => {
    const db = t.database;
    const card = DEFAULT_CARDS[0];
    const [before] = await db.query<{ updated_at: string }>("SELECT updated_at::text FROM cards WHERE id = $1", [card.id]);
    await seedDefaultContent(db);
    const [after] = await db.query<{ updated_at: string; n: number }>("SELECT updated_at::text FROM cards WHERE id = $1", [card.id]);
    expect(after.updated_at).toBe(before.updated_at);
    const [{ n }] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM cards WHERE org_id IS NULL");
    expect(n).toBe(DEFAULT_CARDS.length);

    // Someone changed a default row by hand, and a default deck was archived: the next boot repairs both.
    await db.query("UPDATE cards SET word = 'Tampered', search_text = 'Tampered' WHERE id = $1", [card.id]);
    await db.query("UPDATE decks SET archived_at = now() WHERE id = $1", [WORD_DECK_ID]);
    await seedDefaultContent(db);
    const [fixed] = await db.query<{ word: string; has_embedding: boolean }>("SELECT word, embedding IS NOT NULL AS has_embedding FROM cards WHERE id = $1", [card.id]);
    expect(fixed.word).toBe(card.word);
    // The text changed and came back: the vector is recomputed rather than trusted.
    expect(fixed.has_embedding).toBe(false);
    const [deck] = await db.query<{ archived: boolean }>("SELECT archived_at IS NOT NULL AS archived FROM decks WHERE id = $1", [WORD_DECK_ID]);
    expect(deck.archived).toBe(false);
  });
});
