import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  const dir = () => mkdtempSync(join(tmpdir(), "pyou-config-"));

  it("uses the documented defaults", () => {
    const c = loadConfig({ DATA_DIR: dir() });
    expect(c.port).toBe(3000);
    expect(c.host).toBe("127.0.0.1");
    expect(c.ai.provider).toBe("builtin");
    expect(c.databaseUrl).toBeUndefined();
  });

  it("generates SECRET_KEY once into DATA_DIR and reuses it on the next start", () => {
    const d = dir();
    const first = loadConfig({ DATA_DIR: d });
    const second = loadConfig({ DATA_DIR: d });
    expect(first.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(second.secretKey).toBe(first.secretKey);
    expect(readFileSync(join(d, "secret.key"), "utf8").trim()).toBe(first.secretKey);
  });

  it("refuses to start with clear messages when settings are wrong", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORT: "abc" }, /PORT/],
      [{ DATABASE_URL: "mysql://x" }, /DATABASE_URL must start with postgres/],
      [{ SECRET_KEY: "short" }, /SECRET_KEY must be at least 32/],
      [{ AI_PROVIDER: "openai" }, /AI_MODEL/],
      [{ AI_PROVIDER: "anthropic", AI_MODEL: "m" }, /AI_API_KEY/],
      [{ REDIS_URL: "http://x" }, /REDIS_URL/],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(ConfigError);
      expect(() => loadConfig({ DATA_DIR: dir(), ...env })).toThrow(message);
    }
  });
});
