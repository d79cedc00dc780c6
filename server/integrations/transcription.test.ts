import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultJourneys } from "../../content";
import { createTestApp, type TestApp } from "../test/harness";
import { signUp, type SignedUp } from "../test/factories";
import { registerTranscriptionEngine, transcriptionService } from "./transcription";

describe("server-side transcription", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("says it is unavailable when no model is configured, rather than pretending", async () => {
    const me = await signUp(t.app);
    const res = await t.app.inject({ method: "GET", url: "/api/media/transcription", headers: me.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ available: false, engine: null, reason: expect.stringContaining("TRANSCRIBE_MODEL") });
    expect((await t.app.inject({ method: "GET", url: "/api/media/transcription" })).statusCode).toBe(401);
  });

  it("is unavailable when the model file is missing or no engine is installed, and available once both are there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pyou-model-"));
    const model = join(dir, "tiny.bin");
    expect(await transcriptionService({ model }).status()).toMatchObject({ available: false, reason: expect.stringMatching(/not found/) });
    writeFileSync(model, "weights");
    expect(await transcriptionService({ model, engine: "nothing-here" }).status()).toMatchObject({ available: false, engine: "nothing-here", reason: expect.stringMatching(/not installed/) });

    const loadedWith: string[] = [];
    const unregister = registerTranscriptionEngine("echo", async (path) => {
      loadedWith.push(path);
      return { name: "echo", transcribe: async (audio) => ({ text: `${audio.byteLength} bytes`, language: null }) };
    });
    const broken = registerTranscriptionEngine("broken", async () => {
      throw new Error("bad model header");
    });
    try {
      const service = transcriptionService({ model, engine: "echo" });
      expect(await service.status()).toEqual({ available: true, engine: "echo", reason: null });
      const engine = await service.engine();
      expect(await engine?.transcribe(new Uint8Array(16), { mimeType: "audio/wav" })).toEqual({ text: "16 bytes", language: null });
      expect(loadedWith).toEqual([model]);
      expect(await transcriptionService({ model, engine: "broken" }).status()).toMatchObject({ available: false, reason: expect.stringContaining("bad model header") });
    } finally {
      unregister();
      broken();
    }
    expect(await transcriptionService({ model, engine: "echo" }).status()).toMatchObject({ available: false });
  });

  it("loads an engine from a module named in TRANSCRIBE_ENGINE, and says why when the module is wrong", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pyou-engine-"));
    const model = join(dir, "model.bin");
    writeFileSync(model, "weights");
    const moduleFile = join(dir, "engine.mjs");
    writeFileSync(moduleFile, `export default async (modelPath) => ({ name: "from-module", transcribe: async (audio) => ({ text: modelPath.endsWith("model.bin") ? "heard " + audio.byteLength : "?", language: "en" }) });`);
    const service = transcriptionService({ model, engine: moduleFile });
    expect(await service.status()).toEqual({ available: true, engine: "from-module", reason: null });
    expect(await (await service.engine())?.transcribe(new Uint8Array(5), { mimeType: "audio/webm" })).toEqual({ text: "heard 5", language: "en" });

    const noDefault = join(dir, "nothing.mjs");
    writeFileSync(noDefault, "export const x = 1;");
    expect(await transcriptionService({ model, engine: noDefault }).status()).toMatchObject({ available: false, reason: expect.stringContaining("no default export") });
    expect(await transcriptionService({ model, engine: join(dir, "missing.mjs") }).status()).toMatchObject({ available: false, reason: expect.stringContaining("could not be loaded") });
  });
});

describe("transcribing a recording", () => {
  let t: TestApp;
  let unregister: () => void;
  const heard: { bytes: number; mimeType: string; language?: string }[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "pyou-model-"));
    const model = join(dir, "words.bin");
    writeFileSync(model, "weights");
    // An engine registered the way a deployment would register one, answering from the audio's size.
    unregister = registerTranscriptionEngine("counting", async () => ({
      name: "counting",
      transcribe: async (audio, options) => {
        heard.push({ bytes: audio.byteLength, ...options });
        if (audio[0] === 0xff) throw new Error("cannot decode");
        return { text: `  I heard ${audio.byteLength} bytes  `, language: options.language ?? "en" };
      },
    }));
    t = await createTestApp({ TRANSCRIBE_MODEL: model, TRANSCRIBE_ENGINE: "counting" });
  });
  afterAll(async () => {
    await t.close();
    unregister();
  });

  async function sessionWithGuest(owner: SignedUp) {
    const created = await t.app.inject({ method: "POST", url: "/api/sessions", headers: owner.headers, payload: { title: "Circle", journeyId: defaultJourneys()[0].id } });
    const s = created.json() as { id: string; joinCode: string };
    const joined = (await t.app.inject({ method: "POST", url: "/api/sessions/join", payload: { joinCode: s.joinCode, displayName: "Dana" } })).json() as { token: string };
    return { id: s.id, guest: { authorization: `Bearer ${joined.token}` } };
  }
  const send = (sessionId: string, headers: Record<string, string>, body: Buffer, type = "audio/webm;codecs=opus", query = "") =>
    t.app.inject({ method: "POST", url: `/api/sessions/${sessionId}/media/transcribe${query}`, headers: { ...headers, "content-type": type }, payload: body });

  it("returns the words of a participant's recording and stores nothing", async () => {
    const owner = await signUp(t.app);
    const s = await sessionWithGuest(owner);
    const res = await send(s.id, s.guest, Buffer.alloc(3000, 1), "audio/webm;codecs=opus", "?language=he");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ text: "I heard 3000 bytes", language: "he" });
    expect(heard.at(-1)).toEqual({ bytes: 3000, mimeType: "audio/webm", language: "he" });
    // The facilitator may use it too.
    expect((await send(s.id, owner.headers, Buffer.alloc(10, 1), "audio/wav")).json()).toMatchObject({ text: "I heard 10 bytes" });
  });

  it("answers what a client can get wrong with a clear 4xx", async () => {
    const owner = await signUp(t.app);
    const s = await sessionWithGuest(owner);
    expect((await send(s.id, s.guest, Buffer.alloc(0))).statusCode).toBe(400);
    const notAudio = await send(s.id, s.guest, Buffer.from("hello"), "text/plain");
    expect(notAudio.statusCode).toBe(415);
    expect((await send(s.id, s.guest, Buffer.alloc(3 * 1024 * 1024, 1))).statusCode).toBe(413);
    expect((await send(s.id, s.guest, Buffer.alloc(10, 1), "audio/webm", "?language=not%20a%20language")).statusCode).toBe(400);
    const undecodable = await send(s.id, s.guest, Buffer.alloc(10, 0xff));
    expect(undecodable.statusCode).toBe(422);
    expect(undecodable.json().error.message).toMatch(/could not be transcribed/);
    expect((await send(s.id, {}, Buffer.alloc(10, 1))).statusCode).toBe(401);
  });

  it("keeps other sessions and organisations out", async () => {
    const owner = await signUp(t.app);
    const s = await sessionWithGuest(owner);
    const other = await sessionWithGuest(await signUp(t.app));
    expect((await send(s.id, other.guest, Buffer.alloc(10, 1))).statusCode).toBe(404);
    expect((await send(s.id, (await signUp(t.app)).headers, Buffer.alloc(10, 1))).statusCode).toBe(404);
  });
});

describe("transcribing without an engine", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("says why with a 409 instead of pretending", async () => {
    const owner = await signUp(t.app);
    const created = (await t.app.inject({ method: "POST", url: "/api/sessions", headers: owner.headers, payload: { title: "Circle", journeyId: defaultJourneys()[0].id } })).json() as { id: string };
    const res = await t.app.inject({ method: "POST", url: `/api/sessions/${created.id}/media/transcribe`, headers: { ...owner.headers, "content-type": "audio/webm" }, payload: Buffer.alloc(10, 1) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ message: expect.stringContaining("TRANSCRIBE_MODEL"), details: { code: "transcription_unavailable" } });
  });
});
