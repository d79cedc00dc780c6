import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PolarityScores } from "vader-sentiment";

/**
 * VADER (Hutto & Gilbert, 2014) as the `vader-sentiment` package computes it, rule for rule and
 * with the same arithmetic, so every score is identical to the package's (vader.test.ts compares
 * them). The package rebuilds a table of every word with every punctuation mark around it for
 * each sentence and copies its negation list for each word; here those become set lookups and
 * each word is lower-cased once, which makes the fast text path several times quicker.
 */

const B_INCR = 0.293;
const B_DECR = -0.293;
const C_INCR = 0.733;
const N_SCALAR = -0.74;

const REGEX_REMOVE_PUNCTUATION = /[!"#$%&'()*+,-./:;<=>?@[\\\]^_`{|}~]/g;
const PUNC_LIST = [".", "!", "?", ",", ";", ":", "-", "'", '"', "!!", "!!!", "??", "???", "?!?", "!?!", "?!?!", "!?!?"];
const PUNC_FIRST = new Set(PUNC_LIST.map((p) => p[0]));
const PUNC_LAST = new Set(PUNC_LIST.map((p) => p[p.length - 1]));

const NEGATE = new Set([
  "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
  "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
  "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor",
  "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
  "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom",
  "despite",
]);

const BOOSTERS = new Map<string, number>([
  ...[
    "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "effing", "enormously",
    "entirely", "especially", "exceptionally", "extremely", "fabulously", "flipping", "flippin", "fricking", "frickin",
    "frigging", "friggin", "fully", "fucking", "greatly", "hella", "highly", "hugely", "incredibly", "intensely",
    "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
    "thoroughly", "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very",
  ].map((w): [string, number] => [w, B_INCR]),
  ...[
    "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little", "marginally",
    "occasionally", "partly", "scarcely", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of",
  ].map((w): [string, number] => [w, B_DECR]),
]);

const IDIOMS = new Map<string, number>([
  ["the shit", 3],
  ["the bomb", 3],
  ["bad ass", 1.5],
  ["yeah right", -2],
  ["cut the mustard", 2],
  ["kiss of death", -1.5],
  ["hand to mouth", -2],
]);

/** The package's word list (later lines win, as in the package and the original Python). */
function loadLexicon(): Map<string, number> {
  const path = createRequire(import.meta.url).resolve("vader-sentiment/vader_lexicon.txt");
  const lexicon = new Map<string, number>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [term, value] = line.split("\t");
    if (term && value !== undefined) lexicon.set(term, Number(value));
  }
  return lexicon;
}
const LEXICON = loadLexicon();
const LEAST_IN_LEXICON = LEXICON.has("least");

const UPPER = /^[^a-z]*[A-Z]+[^a-z]*$/;
function isUpper(word: string): boolean {
  return word.length > 0 && UPPER.test(word);
}

/** A word is negating if it is on the list or contains "n't" (the package's `negated([word])`). */
function isNegating(word: string): boolean {
  return NEGATE.has(word) || word.includes("n't");
}

/** Words split on whitespace with leading or trailing punctuation removed when what remains is a word of the text. */
function wordsAndEmoticons(text: string): string[] {
  const known = new Set<string>();
  for (const w of text.replace(REGEX_REMOVE_PUNCTUATION, "").split(/\s/)) if (w.length > 1) known.add(w);
  const out: string[] = [];
  for (const token of text.split(/\s/)) {
    if (token.length <= 1) continue;
    out.push(stripPunctuation(token, known));
  }
  return out;
}

function stripPunctuation(token: string, known: Set<string>): string {
  // A known word never contains punctuation, so at most one of these can match.
  if (PUNC_FIRST.has(token[0])) {
    for (const p of PUNC_LIST) {
      if (token.startsWith(p)) {
        const rest = token.slice(p.length);
        if (known.has(rest)) return rest;
      }
    }
  }
  if (PUNC_LAST.has(token[token.length - 1])) {
    for (const p of PUNC_LIST) {
      if (token.endsWith(p)) {
        const rest = token.slice(0, token.length - p.length);
        if (known.has(rest)) return rest;
      }
    }
  }
  return token;
}

function scalarIncDec(word: string, lower: string, valence: number, isCapDiff: boolean): number {
  const booster = BOOSTERS.get(lower);
  if (booster === undefined) return 0;
  let scalar = booster;
  if (valence < 0) scalar *= -1;
  if (isCapDiff && isUpper(word)) {
    if (valence > 0) scalar += C_INCR;
    else scalar -= C_INCR;
  }
  return scalar;
}

function neverCheck(valence: number, words: string[], startI: number, index: number): number {
  if (startI === 0) {
    if (isNegating(words[index - 1])) valence = valence * N_SCALAR;
  }
  if (startI === 1) {
    if (words[index - 2] === "never" && (words[index - 1] === "so" || words[index - 1] === "this")) valence = valence * 1.5;
    else if (isNegating(words[index - 2])) valence = valence * N_SCALAR;
  }
  if (startI === 2) {
    if (
      (words[index - 3] === "never" && (words[index - 2] === "so" || words[index - 2] === "this")) ||
      words[index - 1] === "so" ||
      words[index - 1] === "this"
    ) {
      valence = valence * 1.25;
    } else if (isNegating(words[index - 3])) {
      valence = valence * N_SCALAR;
    }
  }
  return valence;
}

function idiomsCheck(valence: number, words: string[], index: number): number {
  const onezero = `${words[index - 1]} ${words[index]}`;
  const twoonezero = `${words[index - 2]} ${words[index - 1]} ${words[index]}`;
  const twoone = `${words[index - 2]} ${words[index - 1]}`;
  const threetwoone = `${words[index - 3]} ${words[index - 2]} ${words[index - 1]}`;
  const threetwo = `${words[index - 3]} ${words[index - 2]}`;
  for (const sequence of [onezero, twoonezero, twoone, threetwoone, threetwo]) {
    const idiom = IDIOMS.get(sequence);
    if (idiom !== undefined) {
      valence = idiom;
      break;
    }
  }
  if (words.length - 1 > index) {
    const idiom = IDIOMS.get(`${words[index]} ${words[index + 1]}`);
    if (idiom !== undefined) valence = idiom;
  }
  if (words.length - 1 > index + 1) {
    const idiom = IDIOMS.get(`${words[index]} ${words[index + 1]} ${words[index + 2]}`);
    if (idiom !== undefined) valence = idiom;
  }
  if (BOOSTERS.has(threetwo) || BOOSTERS.has(twoone)) valence = valence + B_DECR;
  return valence;
}

function leastCheck(valence: number, lowers: string[], index: number): number {
  if (index > 1 && lowers[index - 1] === "least" && !LEAST_IN_LEXICON) {
    if (lowers[index - 2] !== "at" && lowers[index - 2] !== "very") valence = valence * N_SCALAR;
  } else if (index > 0 && lowers[index - 1] === "least" && !LEAST_IN_LEXICON) {
    valence = valence * N_SCALAR;
  }
  return valence;
}

function sentimentValence(words: string[], lowers: string[], index: number, isCapDiff: boolean): number {
  let valence = LEXICON.get(lowers[index]);
  if (valence === undefined) return 0;
  if (isCapDiff && isUpper(words[index])) {
    if (valence > 0) valence += C_INCR;
    else valence -= C_INCR;
  }
  for (let startI = 0; startI < 3; startI++) {
    const before = index - (startI + 1);
    if (index > startI && !LEXICON.has(lowers[before])) {
      let s = scalarIncDec(words[before], lowers[before], valence, isCapDiff);
      if (startI === 1 && s !== 0) s = s * 0.95;
      else if (startI === 2 && s !== 0) s = s * 0.9;
      valence = valence + s;
      valence = neverCheck(valence, words, startI, index);
      if (startI === 2) valence = idiomsCheck(valence, words, index);
    }
  }
  return leastCheck(valence, lowers, index);
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}

function punctuationEmphasis(text: string): number {
  const exclamations = Math.min(count(text, "!"), 4);
  const epAmplifier = exclamations * 0.292;
  const questions = count(text, "?");
  let qmAmplifier = 0;
  if (questions > 1) qmAmplifier = questions <= 3 ? questions * 0.18 : 0.96;
  return epAmplifier + qmAmplifier;
}

function normalize(score: number, alpha = 15): number {
  const norm = score / Math.sqrt(score * score + alpha);
  return norm < -1 ? -1 : norm > 1 ? 1 : norm;
}

function scoreValence(sentiments: number[], text: string): PolarityScores {
  if (sentiments.length === 0) return { neg: 0, neu: 0, pos: 0, compound: 0 };
  let sum = 0;
  for (const s of sentiments) sum += s;
  const emphasis = punctuationEmphasis(text);
  if (sum > 0) sum += emphasis;
  else if (sum < 0) sum -= emphasis;
  const compound = normalize(sum);
  let posSum = 0;
  let negSum = 0;
  let neuCount = 0;
  for (const s of sentiments) {
    if (s > 0) posSum += s + 1;
    else if (s < 0) negSum += s - 1;
    else neuCount += 1;
  }
  if (posSum > Math.abs(negSum)) posSum += emphasis;
  else if (posSum < Math.abs(negSum)) negSum -= emphasis;
  const total = posSum + Math.abs(negSum) + neuCount;
  return {
    neg: parseFloat(Math.abs(negSum / total).toFixed(3)),
    neu: parseFloat(Math.abs(neuCount / total).toFixed(3)),
    pos: parseFloat(Math.abs(posSum / total).toFixed(3)),
    compound: parseFloat(compound.toFixed(4)),
  };
}

/** The package's `SentimentIntensityAnalyzer.polarity_scores`. */
export function polarityScores(text: string): PolarityScores {
  const words = wordsAndEmoticons(text);
  const lowers = words.map((w) => w.toLowerCase());
  let upper = 0;
  for (const w of words) if (isUpper(w)) upper += 1;
  const capDifferential = words.length - upper;
  const isCapDiff = capDifferential > 0 && capDifferential < words.length;

  const sentiments: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if ((i < words.length - 1 && lowers[i] === "kind" && lowers[i + 1] === "of") || BOOSTERS.has(lowers[i])) {
      sentiments.push(0);
      continue;
    }
    sentiments.push(sentimentValence(words, lowers, i, isCapDiff));
  }

  let but = words.indexOf("but");
  if (but === -1) but = words.indexOf("BUT");
  if (but !== -1) {
    for (let i = 0; i < sentiments.length; i++) {
      if (i < but) sentiments[i] = sentiments[i] * 0.5;
      else if (i > but) sentiments[i] = sentiments[i] * 1.5;
    }
  }
  return scoreValence(sentiments, text);
}
