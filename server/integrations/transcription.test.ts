import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/harness";
import { signUp } from "../test/factories";
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
});
