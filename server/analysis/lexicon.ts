import { readFileSync } from "node:fs";
import { EMOTIONS, type Emotion, type EmotionScores, zeroEmotions } from "./types";
import { SCOPE_BREAKERS, tokenize } from "./tokenize";

type LexiconFile = Record<Emotion, Record<string, number>>;

interface Entry {
  emotion: Emotion;
  weight: number;
}

export interface LexiconResult {
  /** Summed weights per emotion after negation and intensifiers. */
  scores: EmotionScores;
  /** Number of lexicon words or phrases found. */
  hits: number;
  /** Number of negated hits ("not afraid"). */
  negations: number;
  tokens: string[];
}

const MAX_PHRASE_TOKENS = 5;
const NEGATION_REACH = 3;

const NEGATORS = new Set(["not", "no", "never", "without", "nothing", "nobody", "neither", "nor", "cannot", "hardly"]);
// "can't stop smiling", "couldn't hide his delight", "can't wait": the negator strengthens, not flips.
const NEGATION_CANCELLERS = new Set(["stop", "hide", "help", "wait", "contain"]);
const INTENSIFIERS: Record<string, number> = {
  so: 1.3, very: 1.3, really: 1.2, extremely: 1.5, incredibly: 1.4, deeply: 1.3, terribly: 1.4, totally: 1.3,
  completely: 1.3, truly: 1.2, absolutely: 1.4, super: 1.3, quite: 1.1, slightly: 0.6, little: 0.8, somewhat: 0.7,
};

/**
 * What a negated emotion word tends to mean: "not afraid" leans calm, "not happy" leans sad.
 * "not surprised" carries no clear emotion, so it maps to nothing.
 */
const NEGATED_SHIFT: Record<Emotion, { to: Emotion; factor: number } | undefined> = {
  joy: { to: "sadness", factor: 0.6 },
  sadness: { to: "calm", factor: 0.4 },
  anger: { to: "calm", factor: 0.5 },
  fear: { to: "calm", factor: 0.6 },
  calm: { to: "fear", factor: 0.5 },
  surprise: undefined,
};

const words = new Map<string, Entry[]>();
const phrases = new Map<string, Entry[]>();
/** For each word that starts a phrase, the longest phrase it starts (in tokens), so other words skip the phrase search. */
const phraseStarts = new Map<string, number>();

function loadLexicon(): void {
  const file = JSON.parse(readFileSync(new URL("./lexicon.json", import.meta.url), "utf8")) as LexiconFile;
  for (const emotion of EMOTIONS) {
    for (const [term, weight] of Object.entries(file[emotion])) {
      const tokens = tokenize(term);
      const key = tokens.join(" ");
      const target = key.includes(" ") ? phrases : words;
      const list = target.get(key) ?? [];
      list.push({ emotion, weight });
      target.set(key, list);
      if (target === phrases) phraseStarts.set(tokens[0], Math.max(phraseStarts.get(tokens[0]) ?? 0, tokens.length));
    }
  }
}
loadLexicon();

function isNegator(token: string): boolean {
  return NEGATORS.has(token) || token.endsWith("n't");
}

/** Endings tried in this order, each replaced by its stem ending: "worries" → "worry", "laughed" → "laugh". */
const INFLECTIONS: readonly [ending: string, stem: string][] = [
  ["ly", ""],
  ["ies", "y"],
  ["es", ""],
  ["s", ""],
  ["ed", ""],
  ["d", ""],
  ["ing", ""],
  ["ing", "e"],
];

function lookupInflected(token: string): Entry[] | undefined {
  for (const [ending, stem] of INFLECTIONS) {
    if (!token.endsWith(ending)) continue;
    const candidate = token.slice(0, token.length - ending.length) + stem;
    if (candidate.length < 3) continue;
    const found = words.get(candidate);
    if (found) return found;
  }
  return undefined;
}

/** Inflected lookups already made; everyday language repeats its words, so this stays small. Cleared when full. */
const inflected = new Map<string, Entry[] | null>();
const MAX_REMEMBERED = 50_000;

/** Plural, past and -ly forms of lexicon words ("worries", "laughed", "calmly"). */
function lookupWord(token: string): Entry[] | undefined {
  const direct = words.get(token);
  if (direct) return direct;
  const known = inflected.get(token);
  if (known !== undefined) return known ?? undefined;
  const found = lookupInflected(token);
  if (inflected.size >= MAX_REMEMBERED) inflected.clear();
  inflected.set(token, found ?? null);
  return found;
}

export function isLexiconWord(token: string): boolean {
  return lookupWord(token) !== undefined;
}

/**
 * Scores English text against the studio's emotion lexicon, with negation and intensifiers.
 * `tokens` may be passed when the caller already has `tokenize(text)`.
 */
export function scoreLexicon(text: string, tokens: string[] = tokenize(text)): LexiconResult {
  const scores = zeroEmotions();
  let hits = 0;
  let negations = 0;
  let negatedUntil = -1;
  let boost = 1;

  const add = (entries: Entry[], index: number): void => {
    const negated = index <= negatedUntil;
    hits += 1;
    if (negated) negations += 1;
    for (const { emotion, weight } of entries) {
      if (!negated) {
        scores[emotion] += weight * boost;
        continue;
      }
      const shift = NEGATED_SHIFT[emotion];
      if (shift) scores[shift.to] += weight * shift.factor;
    }
    boost = 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    let matched = false;
    // Longest phrase first, so "can't believe" is surprise rather than a negated "believe".
    const longest = phraseStarts.get(token) ?? 0;
    for (let n = Math.min(MAX_PHRASE_TOKENS, longest, tokens.length - i); n >= 2; n--) {
      const entries = phrases.get(tokens.slice(i, i + n).join(" "));
      if (entries) {
        add(entries, i);
        i += n - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;

    if (SCOPE_BREAKERS.has(token)) {
      negatedUntil = -1;
      boost = 1;
      continue;
    }
    if (isNegator(token)) {
      const next = tokens[i + 1];
      if (next !== undefined && NEGATION_CANCELLERS.has(next)) continue;
      negatedUntil = i + NEGATION_REACH;
      continue;
    }
    // "no longer" and "not anymore" negate like "not".
    if (token === "longer" && tokens[i - 1] === "no") continue;
    const intensity = INTENSIFIERS[token];
    if (intensity !== undefined) {
      boost = intensity;
      continue;
    }
    const entries = lookupWord(token);
    if (entries) add(entries, i);
  }
  return { scores, hits, negations, tokens };
}

/** Smoothing so that one weak word does not read as certainty. */
const LEXICON_PRIOR = 0.25;

/** Emotion probabilities from lexicon scores alone; `undefined` when no word was found. */
export function lexiconDistribution(result: LexiconResult): EmotionScores | undefined {
  const total = EMOTIONS.reduce((sum, e) => sum + result.scores[e], 0);
  if (total <= 0) return undefined;
  const denominator = total + LEXICON_PRIOR * EMOTIONS.length;
  const out = zeroEmotions();
  for (const e of EMOTIONS) out[e] = (result.scores[e] + LEXICON_PRIOR) / denominator;
  return out;
}
