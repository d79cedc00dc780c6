import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeImage, makeZip, multipart } from "../cards/testing";
import { createTestApp, type TestApp } from "../test/harness";
import { memberOf, signUp, type SignedUp } from "../test/factories";
import { MediaSigner } from "./signing";
import { LocalDiskStorage } from "./storage";

describe("card image uploads", () => {
  let t: TestApp;
  let owner: SignedUp;
  let member: SignedUp;
  let stranger: SignedUp;
  let photoDeck: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.app);
    member = await memberOf(t.app, owner, "member");
    stranger = await signUp(t.app);
    photoDeck = (await t.app.inject({ method: "POST", url: "/api/decks", headers: owner.headers, payload: { name: "Our photos", kind: "photo" } })).json().id;
  });
  afterAll(() => t.close());

  const upload = (url: string, who: SignedUp, parts: Parameters<typeof multipart>[0], method: "POST" | "PUT" = "POST") => {
    const body = multipart(parts);
    return t.app.inject({ method, url, headers: { ...who.headers, ...body.headers }, payload: body.payload });
  };
  const get = (url: string) => t.app.inject({ method: "GET", url });

  it.each(["png", "jpeg", "webp"] as const)("accepts a %s photo card, stores web and thumbnail WebP copies without metadata, and serves them by signed URL", async (format) => {
    const original = await makeImage(format, 2400, 1200);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload(`/api/decks/${photoDeck}/cards`, owner, [
      { name: "word", data: `Sunrise ${format}` },
      { name: "tags", data: "hope, morning" },
      { name: "pause", data: "Breathe with the light." },
      { name: "image", data: original, filename: `sunrise.${format}`, contentType: `image/${format}` },
    ]);
    expect(res.statusCode).toBe(201);
    const card = res.json();
    expect(card).toMatchObject({ word: `Sunrise ${format}`, tags: ["hope", "morning"], prompts: { pause: "Breathe with the light." } });
    expect(card.imageUrl).toMatch(/^\/media\/files\/[0-9a-f-]{36}\/[0-9a-f-]{36}-web\.webp\?exp=\d+&sig=[\w-]+$/);

    const web = await get(card.imageUrl);
    expect(web.statusCode).toBe(200);
    expect(web.headers["content-type"]).toBe("image/webp");
    expect(web.headers["cache-control"]).toMatch(/^private/);
    const meta = await sharp(web.rawPayload).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width!, meta.height!)).toBe(1600);
    expect(meta.exif).toBeUndefined();
    const thumb = await sharp((await get(card.thumbnailUrl)).rawPayload).metadata();
    expect(Math.max(thumb.width!, thumb.height!)).toBe(400);
    // The URL in the card is the only way in: no signature, a forged one, or another path → 404.
    const [path, query] = card.imageUrl.split("?");
    expect((await get(path)).statusCode).toBe(404);
    expect((await get(`${path}?${query.replace(/sig=[\w-]{4}/, "sig=AAAA")}`)).statusCode).toBe(404);
    expect((await get(`${card.thumbnailUrl.split("?")[0]}?${query}`)).statusCode).toBe(404);
  });

  it("signs URLs with an expiry that is stable within a window and refused once past", () => {
    const signer = new MediaSigner("a-secret-that-is-long-enough-for-tests-123");
    const now = Date.UTC(2030, 0, 1, 10, 0, 0);
    const a = signer.sign("/media/files/x/y-web.webp", now);
    expect(signer.sign("/media/files/x/y-web.webp", now + 60_000)).toBe(a);
    const [, exp, sig] = /exp=(\d+)&sig=([\w-]+)/.exec(a)!;
    expect(signer.verify("/media/files/x/y-web.webp", exp, sig, now)).toBeGreaterThanOrEqual(24 * 3600);
    expect(signer.verify("/media/files/x/y-web.webp", exp, sig, Number(exp) * 1000 + 1)).toBeNull();
    expect(signer.verify("/media/files/x/z-web.webp", exp, sig, now)).toBeNull();
    expect(new MediaSigner("another-secret-that-is-long-enough-456789").verify("/media/files/x/y-web.webp", exp, sig, now)).toBeNull();
  });

  it("rejects a file whose bytes are not an accepted image, whatever its name says", async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).gif().toBuffer();
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF");
    for (const [data, name] of [[gif, "photo.png"], [pdf, "photo.jpg"], [Buffer.from("just text, not a picture"), "photo.webp"]] as const) {
      const res = await upload(`/api/decks/${photoDeck}/cards`, owner, [{ name: "word", data: "Disguised" }, { name: "image", data, filename: name, contentType: "image/png" }]);
      expect(res.statusCode).toBe(415);
      expect(res.json().error).toMatchObject({ code: "unsupported_type", message: expect.stringContaining("not a PNG, JPEG or WebP") });
    }
  });

  it("rejects corrupt image bytes with a clear 400, and oversized files with 413", async () => {
    const png = await makeImage("png", 200, 200);
    const corrupt = Buffer.concat([png.subarray(0, 60), Buffer.alloc(200, 7)]);
    const bad = await upload(`/api/decks/${photoDeck}/cards`, owner, [{ name: "word", data: "Broken" }, { name: "image", data: corrupt, filename: "broken.png" }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain("could not be read as an image");

    const huge = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const big = await upload(`/api/decks/${photoDeck}/cards`, owner, [{ name: "word", data: "Huge" }, { name: "image", data: huge, filename: "huge.png" }]);
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: "too_large", message: expect.stringContaining("10 MB") });
    expect((await t.app.inject({ method: "GET", url: `/api/decks/${photoDeck}/cards`, headers: owner.headers })).json().items.map((c: { word: string }) => c.word)).not.toContain("Huge");
  });

  it("validates multipart fields like JSON, and answers non-editors and strangers before reading the file", async () => {
    const png = await makeImage("png");
    const noWord = await upload(`/api/decks/${photoDeck}/cards`, owner, [{ name: "image", data: png, filename: "a.png" }]);
    expect(noWord.statusCode).toBe(400);
    expect(noWord.json().error.details.fieldErrors.word).toBeDefined();
    expect((await upload(`/api/decks/${photoDeck}/cards`, member, [{ name: "word", data: "x" }, { name: "image", data: png, filename: "a.png" }])).statusCode).toBe(403);
    expect((await upload(`/api/decks/${photoDeck}/cards`, stranger, [{ name: "word", data: "x" }, { name: "image", data: png, filename: "a.png" }])).statusCode).toBe(404);
  });

  it("replaces a card's image and stops serving the old one", async () => {
    const created = (await upload(`/api/decks/${photoDeck}/cards`, owner, [{ name: "word", data: "Changing" }, { name: "image", data: await makeImage("jpeg"), filename: "a.jpg" }])).json();
    const replaced = await upload(`/api/cards/${created.id}/image`, owner, [{ name: "image", data: await makeImage("webp", 30, 30), filename: "b.webp" }], "PUT");
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().imageUrl).not.toBe(created.imageUrl);
    expect((await get(replaced.json().imageUrl)).statusCode).toBe(200);
    expect((await get(created.imageUrl)).statusCode).toBe(404);
  });

  it("imports a ZIP with a CSV: good images become cards, each bad file is reported, nothing good is lost", async () => {
    const csv = ["file,word,description,alt,pause,expand,focus,do,tags", 'calm-lake.png,Calm lake,"Still water, mountains",A lake,Breathe,What opens?,What matters?,One step,calm;water', "missing.jpg,Ghost,,,,,,,"].join("\n");
    const zip = makeZip([
      { name: "calm-lake.png", data: await makeImage("png") },
      { name: "photos/forest_path.jpg", data: await makeImage("jpeg") },
      { name: "fake.png", data: "not an image at all" },
      { name: "broken.webp", data: (await makeImage("webp", 100, 100)).subarray(0, 40) },
      { name: "__MACOSX/._calm-lake.png", data: "resource fork" },
      { name: "cards.csv", data: csv },
    ]);
    const res = await upload(`/api/decks/${photoDeck}/cards/bulk`, owner, [{ name: "zip", data: zip, filename: "deck.zip", contentType: "application/zip" }]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 2, failed: 3 });
    const byFile = Object.fromEntries(body.items.map((i: { file: string }) => [i.file, i]));
    expect(byFile["calm-lake.png"]).toMatchObject({ ok: true, card: { word: "Calm lake", description: "Still water, mountains", tags: ["calm", "water"], prompts: { pause: "Breathe", do: "One step" } } });
    expect(byFile["forest_path.jpg"]).toMatchObject({ ok: true, card: { word: "Forest path" } });
    expect(byFile["fake.png"]).toMatchObject({ ok: false, error: { code: "unsupported_type" } });
    expect(byFile["broken.webp"].ok).toBe(false);
    expect(["invalid", "unsupported_type"]).toContain(byFile["broken.webp"].error.code);
    expect(byFile["missing.jpg"]).toMatchObject({ ok: false, error: { code: "not_found" } });
    const words = (await t.app.inject({ method: "GET", url: `/api/decks/${photoDeck}/cards`, headers: owner.headers })).json().items.map((c: { word: string }) => c.word);
    expect(words).toEqual(expect.arrayContaining(["Calm lake", "Forest path"]));
  });

  it("takes the CSV as a separate file too, adds text-only rows to word decks, and refuses what is not a ZIP", async () => {
    const words = (await t.app.inject({ method: "POST", url: "/api/decks", headers: owner.headers, payload: { name: "Words", kind: "word" } })).json().id;
    const csv = "word,description,tags\nCourage,Acting while afraid,brave|heart\n,no word here,\n";
    const res = await upload(`/api/decks/${words}/cards/bulk`, owner, [
      { name: "zip", data: makeZip([]), filename: "empty.zip" },
      { name: "csv", data: csv, filename: "words.csv", contentType: "text/csv" },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ ok: true, card: expect.objectContaining({ word: "Courage", tags: ["brave", "heart"] }) }),
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: "invalid" }) }),
    ]);
    const notZip = await upload(`/api/decks/${words}/cards/bulk`, owner, [{ name: "zip", data: await makeImage("png"), filename: "x.zip" }]);
    expect(notZip.statusCode).toBe(415);
    const json = await t.app.inject({ method: "POST", url: `/api/decks/${words}/cards/bulk`, headers: owner.headers, payload: {} });
    expect(json.statusCode).toBe(415);
  });

  it("keeps local storage inside its folder", async () => {
    const root = mkdtempSync(join(tmpdir(), "pyou-storage-"));
    const storage = new LocalDiskStorage(root);
    await storage.put("cards/a/b-web.webp", Buffer.from("x"));
    expect((await storage.get("cards/a/b-web.webp"))?.toString()).toBe("x");
    await storage.delete("cards/a/b-web.webp");
    await storage.delete("cards/a/b-web.webp");
    expect(await storage.get("cards/a/b-web.webp")).toBeNull();
    await expect(storage.put("../escape", Buffer.from("x"))).rejects.toThrow(/Unsafe/);
    await expect(storage.get("/etc/passwd")).rejects.toThrow(/Unsafe/);
    rmSync(root, { recursive: true, force: true });
  });
});
