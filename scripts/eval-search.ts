// `npm run eval:search`: search quality over the studio's default cards with the labelled
// queries in server/search/eval/queries.json. Prints nDCG@10 and recall@10 per mode and fails
// unless hybrid beats keyword search, so a change that makes search worse cannot slip through.
import { seedDefaultContent } from "../server/cards/seed";
import { migrateDatabase, openPglite, wrapPglite } from "../server/db/client";
import { EVAL_K, loadLabelledQueries, mean, ndcgAt, recallAt } from "../server/search/eval/metrics";
import { embedPendingCards } from "../server/search/indexer";
import { rankCards, type SearchMode } from "../server/search/service";

const verbose = process.argv.includes("--verbose");
const database = wrapPglite(await openPglite());
await migrateDatabase(database);
await seedDefaultContent(database);
await embedPendingCards(database);

const queries = loadLabelledQueries();
const modes: SearchMode[] = ["keyword", "semantic", "hybrid"];
const results: Record<string, { ndcg: number; recall: number }> = {};
process.stdout.write(`Search evaluation: ${queries.length} labelled queries over the default cards, k = ${EVAL_K}\n\n`);
process.stdout.write(`  ${"mode".padEnd(10)} ${"nDCG@10".padStart(8)} ${"recall@10".padStart(10)}\n`);
for (const mode of modes) {
  const ndcgs: number[] = [];
  const recalls: number[] = [];
  for (const { q, relevant } of queries) {
    const ranked = (await rankCards(database, { orgId: null }, q, mode, EVAL_K)).map((h) => h.id);
    ndcgs.push(ndcgAt(ranked, relevant));
    recalls.push(recallAt(ranked, relevant));
    if (verbose) process.stdout.write(`    ${mode.padEnd(9)} ${ndcgAt(ranked, relevant).toFixed(2)}  ${q}\n`);
  }
  results[mode] = { ndcg: mean(ndcgs), recall: mean(recalls) };
  process.stdout.write(`  ${mode.padEnd(10)} ${results[mode].ndcg.toFixed(3).padStart(8)} ${results[mode].recall.toFixed(3).padStart(10)}\n`);
}
await database.close();

const wins = results.hybrid.ndcg > results.keyword.ndcg;
process.stdout.write(`\nhybrid ${wins ? "beats" : "does NOT beat"} keyword on nDCG@10 (${results.hybrid.ndcg.toFixed(3)} vs ${results.keyword.ndcg.toFixed(3)}).\n`);
process.exit(wins ? 0 : 1);
