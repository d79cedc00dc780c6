import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite/vector";
import pg from "pg";
import { inject } from "vitest";
import { buildApp, type Built } from "../app";
import { loadConfig, type Config } from "../config";
import { openPool, wrapPglite, wrapPool, type Database } from "../db/client";
import { withDatabase } from "./global-setup";

export const ENGINE: "pglite" | "postgres" = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";

/** A fresh database copied from the run's migrated template, on the engine this run tests. */
export async function createTestDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  if (ENGINE === "pglite") {
    const blob = new Blob([readFileSync(inject("pgliteTemplate"))]);
    const client = await PGlite.create({ loadDataDir: blob, extensions: { vector } });
    const database = wrapPglite(client);
    return { ...database, dispose: () => database.close() };
  }
  const base = inject("pgBaseUrl");
  const name = `pyou_t_${process.ppid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("pgTemplate")}`);
  await admin.end();
  const database = wrapPool(openPool(withDatabase(base, name), 5));
  return {
    ...database,
    async dispose() {
      await database.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), "pyou-test-"));
  return loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    SECRET_KEY: "test-secret-key-that-is-long-enough-0123456789",
    LOG_LEVEL: "silent",
    WEB_DIST: join(dataDir, "no-web-build"),
    ...env,
  });
}

export interface TestApp extends Built {
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(env);
  const built = await buildApp({ config, database, logger: false });
  return {
    ...built,
    database,
    async close() {
      await built.app.close();
      await database.dispose();
      rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the app on a free loopback port, for tests that need real sockets; returns its base URL. */
export async function listenOnLoopback(app: { listen(opts: { port: number; host: string }): Promise<string>; server: { address(): unknown } }): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address() as { port: number } | null;
  return `http://127.0.0.1:${addr?.port ?? 0}`;
}
