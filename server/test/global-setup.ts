import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openPglite, wrapPglite, wrapPool, openPool, type Database } from "../db/client";
import { seedDefaultContent } from "../cards/seed";
import { embedPendingCards } from "../search/indexer";

/** Default content and its embeddings go into the template, so no test file waits for the model. */
async function prepareContent(database: Database): Promise<void> {
  await seedDefaultContent(database);
  await embedPendingCards(database);
}

/**
 * Migrates one database per run and lets every test file copy it: PGlite's first create
 * and migration take seconds, a copy takes a fraction of that.
 */
export default async function setup(project: TestProject) {
  const dir = join(process.cwd(), ".tmp", `vitest-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const client = await openPglite();
  await migrateDatabase(wrapPglite(client));
  await prepareContent(wrapPglite(client));
  const dump = await client.dumpDataDir("none");
  const file = join(dir, "pglite-template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide("pgliteTemplate", file);

  let pgTemplate: string | undefined;
  const baseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  if (process.env.TEST_DB === "postgres") {
    pgTemplate = `pyou_tmpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pgTemplate}`);
    await admin.query(`CREATE DATABASE ${pgTemplate}`);
    await admin.end();
    const url = withDatabase(baseUrl, pgTemplate);
    const database = wrapPool(openPool(url, 2));
    await migrateDatabase(database, url);
    await prepareContent(database);
    await database.close();
  }
  project.provide("pgTemplate", pgTemplate ?? "");
  project.provide("pgBaseUrl", baseUrl);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgTemplate) {
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      // Test files drop their own copies; this catches any left behind by a crash.
      const left = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'pyou_t_${process.pid}_%' OR datname = $1`, [pgTemplate]);
      for (const row of left.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    pgBaseUrl: string;
  }
}
