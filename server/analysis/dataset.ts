import { readFileSync } from "node:fs";
import { z } from "zod";
import { EMOTIONS } from "./types";

const exampleSchema = z.object({
  text: z.string().min(1),
  emotion: z.enum(EMOTIONS),
  valence: z.union([z.literal(-1), z.literal(0), z.literal(1)]),
  split: z.enum(["train", "test"]),
});

export type LabelledExample = z.infer<typeof exampleSchema>;

export const DATASET_URL = new URL("./data/emotions.jsonl", import.meta.url);

/** The studio's own labelled sentences; a malformed line fails loudly with its line number. */
export function loadDataset(url: URL = DATASET_URL): LabelledExample[] {
  const lines = readFileSync(url, "utf8").split("\n");
  const out: LabelledExample[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const parsed = exampleSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`emotions.jsonl line ${index + 1}: ${parsed.error.message}`);
    out.push(parsed.data);
  });
  return out;
}
