import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config";

describe("media and Zoom configuration", () => {
  const base = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), "pyou-config-")), SECRET_KEY: "x".repeat(40) });

  it("defaults to the mesh with no ICE servers, Zoom's own addresses and no transcription", () => {
    const c = loadConfig(base());
    expect(c.livekit).toBeUndefined();
    expect(c.iceServers).toEqual([]);
    expect(c.zoom).toEqual({ apiUrl: "https://api.zoom.us/v2", oauthUrl: "https://zoom.us/oauth/token", timeoutMs: 10_000 });
    expect(c.transcription.model).toBeUndefined();
  });

  it("takes LiveKit only with all three settings", () => {
    const c = loadConfig({ ...base(), LIVEKIT_URL: "wss://lk.example.org", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s" });
    expect(c.livekit).toMatchObject({ url: "wss://lk.example.org", apiKey: "k", apiSecret: "s", tokenTtlSeconds: 21_600 });
    expect(() => loadConfig({ ...base(), LIVEKIT_URL: "wss://lk.example.org" })).toThrow(/set all three/);
    expect(() => loadConfig({ ...base(), LIVEKIT_URL: "ftp://lk", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s" })).toThrow(ConfigError);
  });

  it("reads ICE_SERVERS as JSON and refuses what browsers would not take", () => {
    const servers = [{ urls: "stun:stun.example.org:3478" }, { urls: ["turn:turn.example.org:3478"], username: "u", credential: "c" }];
    expect(loadConfig({ ...base(), ICE_SERVERS: JSON.stringify(servers) }).iceServers).toEqual(servers);
    expect(() => loadConfig({ ...base(), ICE_SERVERS: "stun:x" })).toThrow(/ICE_SERVERS: must be JSON/);
    expect(() => loadConfig({ ...base(), ICE_SERVERS: JSON.stringify([{ urls: "http://x" }]) })).toThrow(/ICE_SERVERS/);
  });
});
