/**
 * Held-out evaluation of the text emotion classifier against two baselines, plus throughput.
 * Exits non-zero when the classifier does not beat both baselines on accuracy and macro-F1.
 *
 *   npm run eval:emotion
 */
import { loadDataset } from "../server/analysis/dataset";
import { score, type Scorecard } from "../server/analysis/metrics";
import { analyzeBatch, analyzeTextFast, warmUpTextAnalysis } from "../server/analysis/service";
import { vaderScores } from "../server/analysis/features";
import type { Emotion, TextAnalysis } from "../server/analysis/types";

/**
 * vader knows only positive, negative and neutral, so as an emotion classifier it can say
 * joy (compound ≥ 0.05), sadness (≤ −0.05) or calm (in between) and never anger, fear or surprise.
 */
function vaderAsEmotion(text: string): Pick<TextAnalysis, "dominant" | "valence"> {
  const { compound } = vaderScores(text);
  const dominant: Emotion = compound >= 0.05 ? "joy" : compound <= -0.05 ? "sadness" : "calm";
  return { dominant, valence: compound };
}

function percent(v: number): string {
  return `${(v * 100).toFixed(1)}%`.padStart(8);
}

function row(name: string, s: Scorecard): string {
  return `| ${name.padEnd(34)} | ${percent(s.accuracy)} | ${percent(s.macroF1)} | ${percent(s.valenceSignAccuracy)} |`;
}

async function main(): Promise<void> {
  const data = loadDataset();
  const test = data.filter((d) => d.split === "test");
  const train = data.filter((d) => d.split === "train");

  await warmUpTextAnalysis();
  // Throughput first, on texts the embedding cache has not seen, so the figure is not flattered.
  const fullStart = performance.now();
  await analyzeBatch(train.map((d) => d.text));
  const fullRate = train.length / ((performance.now() - fullStart) / 1000);

  const fastTexts = data.map((d) => d.text);
  for (const t of fastTexts) analyzeTextFast(t); // compiled and warm before the clock starts
  let fastCount = 0;
  const fastStart = performance.now();
  const fastCpu = process.cpuUsage();
  while (performance.now() - fastStart < 2_000) {
    for (const t of fastTexts) analyzeTextFast(t);
    fastCount += fastTexts.length;
  }
  const fastRate = fastCount / ((performance.now() - fastStart) / 1000);
  const fastCpuUsed = process.cpuUsage(fastCpu);
  // Per second of this process's CPU time: what one core does, even when other work shares the machine.
  const fastPerCore = fastCount / ((fastCpuUsed.user + fastCpuUsed.system) / 1e6);

  const texts = test.map((d) => d.text);
  const classifier = score(test, await analyzeBatch(texts));
  const lexicon = score(test, texts.map(analyzeTextFast));
  const vader = score(test, texts.map(vaderAsEmotion));

  console.log(`Held-out split: ${test.length} sentences (${train.length} used for training)\n`);
  console.log(`| ${"system".padEnd(34)} | accuracy | macro-F1 | valence± |`);
  console.log(`|${"-".repeat(36)}|----------|----------|----------|`);
  console.log(row("classifier (embedding + lexicon)", classifier));
  console.log(row("lexicon only (fast path)", lexicon));
  console.log(row("vader (joy/sadness/calm mapping)", vader));
  console.log("");
  console.log(`throughput, fast path:            ${Math.round(fastRate).toLocaleString("en")} sentences/s (${Math.round(fastPerCore).toLocaleString("en")} per CPU second)`);
  console.log(`throughput, classifier (batched): ${Math.round(fullRate).toLocaleString("en")} sentences/s`);

  const beats = (other: Scorecard): boolean => classifier.accuracy > other.accuracy && classifier.macroF1 > other.macroF1;
  if (!beats(lexicon) || !beats(vader)) {
    console.error("\nThe classifier does not beat both baselines on accuracy and macro-F1.");
    process.exitCode = 1;
  }
}

await main();
