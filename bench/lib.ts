import { cpus, totalmem } from "node:os";

/** One measured figure: printed as a table row and recorded in docs/BENCHMARKS.md by hand. */
export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

export class Reporter {
  readonly figures: Figure[] = [];
  add(f: Figure) {
    this.figures.push(f);
    const v = Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 2 : 1);
    process.stdout.write(`  ${f.section.padEnd(10)} ${f.name.padEnd(58)} ${v.padStart(10)} ${f.unit.padEnd(8)} ${f.target ? `target ${f.target}` : ""}${f.note ? `  (${f.note})` : ""}\n`);
  }
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Times `fn` n times after a warm-up; returns sorted milliseconds. */
export async function timeIt(n: number, fn: (i: number) => Promise<unknown>, warmup = Math.min(20, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

export type Section = (r: Reporter) => Promise<void>;
