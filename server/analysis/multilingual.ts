import { readFileSync } from "node:fs";
import { tokenize, SCOPE_BREAKERS } from "./tokenize";

interface ValenceFile {
  es: Record<string, number>;
  he: Record<string, number>;
  negators: { es: string[]; he: string[] };
}

type Supported = "es" | "he";

const file = JSON.parse(readFileSync(new URL("./multilingual-valence.json", import.meta.url), "utf8")) as ValenceFile;

const NON_ASCII = /[^ -~]/;

/** Accents are often dropped when typing quickly, so both sides are compared without them. */
function fold(word: string): string {
  // Printable ASCII has no accents to drop (most words, and every English one).
  if (!NON_ASCII.test(word)) return word;
  return word.normalize("NFD").replace(/\p{M}/gu, "");
}

function buildTable(entries: Record<string, number>): Map<string, number> {
  const table = new Map<string, number>();
  for (const [term, value] of Object.entries(entries)) table.set(tokenize(term).map(fold).join(" "), value);
  return table;
}

const tables: Record<Supported, Map<string, number>> = { es: buildTable(file.es), he: buildTable(file.he) };
const negators: Record<Supported, Set<string>> = {
  es: new Set(file.negators.es.map(fold)),
  he: new Set(file.negators.he),
};
// Hebrew attaches "and", "the", "in", "to", "from", "that", "as" to the next word.
const HEBREW_PREFIXES = ["ו", "ה", "ב", "ל", "מ", "ש", "כ"];
const NEGATION_REACH = 3;
// Squashes a sum of word valences into −1…1; with 1.5, one clearly positive word gives ≈ 0.63.
const SQUASH = 1.5;

export function isSpanishValenceWord(token: string): boolean {
  return tables.es.has(fold(token));
}

function lookup(language: Supported, token: string): number | undefined {
  const table = tables[language];
  const direct = table.get(token);
  if (direct !== undefined || language !== "he") return direct;
  for (const first of HEBREW_PREFIXES) {
    if (!token.startsWith(first) || token.length < 3) continue;
    const rest = token.slice(1);
    const once = table.get(rest);
    if (once !== undefined) return once;
    for (const second of HEBREW_PREFIXES) {
      if (rest.startsWith(second) && rest.length >= 3) {
        const twice = table.get(rest.slice(1));
        if (twice !== undefined) return twice;
      }
    }
  }
  return undefined;
}

/**
 * Valence for Spanish and Hebrew from a small translated lexicon. A negator flips the next
 * few words at half strength ("no estoy triste" is mildly positive, not joyful).
 */
export function translatedValence(language: Supported, text: string): number {
  const tokens = tokenize(text).map((t) => (language === "es" ? fold(t) : t));
  let sum = 0;
  let negatedUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const pair = i + 1 < tokens.length ? `${token} ${tokens[i + 1]}` : undefined;
    const pairValue = pair === undefined ? undefined : tables[language].get(pair);
    if (pairValue !== undefined) {
      sum += i <= negatedUntil ? -0.5 * pairValue : pairValue;
      i += 1;
      continue;
    }
    if (SCOPE_BREAKERS.has(token) || token === "pero" || token === "אבל") {
      negatedUntil = -1;
      continue;
    }
    if (negators[language].has(token)) {
      negatedUntil = i + NEGATION_REACH;
      continue;
    }
    const value = lookup(language, token);
    if (value !== undefined) sum += i <= negatedUntil ? -0.5 * value : value;
  }
  return sum / Math.sqrt(sum * sum + SQUASH);
}
