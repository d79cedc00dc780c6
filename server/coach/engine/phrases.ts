import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { CoachLanguage } from "./types";

let nlp: WinkMethods | undefined;
/** Loaded on first use (~50 ms): the lite model ships inside its npm package. */
function english(): WinkMethods {
  nlp ??= winkNLP(model, ["pos"]);
  return nlp;
}

// Words that make a phrase about the conversation rather than about the person's life.
const DULL = new Set(
  "thing things stuff something anything nothing lot bit way kind sort time today card picture image word question answer coach it this that what".split(" "),
);
const EMOTIONAL = /(afraid|alone|angry|anxious|ashamed|burn|calm|change|confus|courage|exhaust|fear|free|grief|guilt|happy|heavy|hope|hurt|lonely|lost|love|miss|overwhelm|pressure|proud|relief|sad|scared|stuck|tired|trust|worr|start|over|new|leav|job|home|family|sore|tight|tense|stiff|restless|racing|heavy|shallow|numb|ache|pain|knot|invisible|unfair|fair|sleep|deadline|money|alone)/i;

const POSSESSIVE = /^(my|our|your|his|her|their)$/i;
const LIGHT_VERBS = /^(keep|keeps|kept|want|wants|feel|feels|think|thinks|get|gets|got|have|has|had|make|makes|let|try|tries|go|goes|going|seem|seems|need|needs|like|be|is|am|are|was|do|does|did|say|says|said|know|knows|see|sees|look|looks|mean|means)$/i;

/**
 * Part-of-speech tags as letters, so phrase shapes can be written as regular expressions:
 * V verb, A adjective, N noun, P adposition or particle, D determiner, O possessive, R adverb.
 */
function letter(pos: string, word: string): string {
  if (pos === "PRON" && POSSESSIVE.test(word)) return "O";
  return ({ VERB: "V", ADJ: "A", NOUN: "N", ADP: "P", PART: "P", DET: "D", ADV: "R" } as Record<string, string>)[pos] ?? "x";
}

// Noun chunks (with a prepositional tail), verb + object, phrasal verbs, feelings.
const SHAPES: { re: RegExp; bonus: number }[] = [
  { re: /^V(P|R)?(D|O)?A*N+/, bonus: 1.0 },
  { re: /^(O|D)?A*N+(P(D|O)?A*N+)?/, bonus: 0.7 },
  { re: /^VP/, bonus: 0.8 },
  { re: /^AP(D|O)?A*N+/, bonus: 0.9 },
  { re: /^R?A/, bonus: 0.2 },
];

function candidatesEn(text: string): { phrase: string; score: number; at: number }[] {
  const nlp = english();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const words: string[] = doc.tokens().out(its.value);
  const tags: string[] = doc.tokens().out(its.pos);
  const letters = tags.map((t, i) => letter(t, words[i])).join("");
  const out: { phrase: string; score: number; at: number }[] = [];
  for (let i = 0; i < letters.length; i++) {
    for (const shape of SHAPES) {
      const m = shape.re.exec(letters.slice(i));
      if (!m) continue;
      let len = Math.min(m[0].length, 5);
      // A determiner or possessive alone at the start says nothing; drop it from noun chunks.
      const next = letters[i + len];
      if (next === "N") continue; // would cut a noun chunk in half
      // A phrasal verb ends the phrase ("starting over"), it does not lead into an object ("talk to me").
      if (shape === SHAPES[2] && tags[i + len] !== undefined && !["PUNCT", "CCONJ", "SCONJ", "ADV"].includes(tags[i + len])) continue;
      if (letters[i] === "D") continue;
      const span = words.slice(i, i + len);
      if (LIGHT_VERBS.test(span[0]) && len > 1 && letters[i] === "V") {
        // "keep thinking about starting over": the light verb is not the person's phrase.
        continue;
      }
      while (len > 1 && letters[i + len - 1] === "P" && shape.re !== SHAPES[2].re) len -= 1;
      const phrase = words.slice(i, i + len).join(" ").replace(/\s+n't/g, "n't").replace(/\s+'/g, "'");
      const lower = phrase.toLowerCase();
      const content = [...letters.slice(i, i + len)].filter((l) => l === "N" || l === "A" || l === "V").length;
      if (content === 0 || span.every((w) => DULL.has(w.toLowerCase()))) continue;
      if (len === 1 && !EMOTIONAL.test(lower)) continue;
      let score = shape.bonus + content * 0.5 + (len >= 2 && len <= 4 ? 0.6 : 0);
      if (EMOTIONAL.test(lower)) score += 0.9;
      if (LIGHT_VERBS.test(span[0]) && len === 1) score -= 1;
      if (len === 1 && letters[i] === "A" && EMOTIONAL.test(lower)) score += 0.5;
      // "my hands", "my body": a bare possession says little unless it carries feeling.
      if (/^O?N$/.test(letters.slice(i, i + len)) && !EMOTIONAL.test(lower)) score -= 0.6;
      out.push({ phrase, score, at: i });
    }
  }
  return out;
}

const EMOTIONAL_ES = /(cansad|trist|miedo|sol[oa]\b|perdid|enojad|ansi|estr[ée]s|atrapad|feliz|esperanza|trabajo|familia|cambio|agotad|preocup)/i;
const EMOTIONAL_HE = /(תקוע|עייפ|עצוב|פחד|לחץ|בודד|כועס|שמח|עבודה|משפחה|שינוי|מותש|דאגה|מפחד)/;
const FUNCTION_ES = new Set("sé si ni que y o pero porque yo me mi mis el la los las un una de del en con por para a al es soy estoy muy más lo le se no sí ya tan como cuando también".split(" "));
const FUNCTION_HE = new Set("אני את אתה הוא היא זה זאת של על עם גם כי אבל לא כן מה איך יש אין כל רק עוד מאוד".split(" "));

/** Without a tagger for Hebrew and Spanish, the richest short clause stands in for the key phrase. */
function candidatesOther(text: string, lang: CoachLanguage): { phrase: string; score: number; at: number }[] {
  const stop = lang === "he" ? FUNCTION_HE : FUNCTION_ES;
  return text
    // Hebrew joins clauses with a prefixed vav ("ולא"); treating it as a boundary keeps clauses short.
    .split(lang === "he" ? /[.,;:!?\n—–-]+|\s(?=ו[א-ת])|\sאבל\s|\sכי\s/ : /[.,;:!?¿¡\n—–-]+|\s(?:pero|porque|aunque|y no)\s/i)
    .map((clause, at) => {
      const words = clause.trim().split(/\s+/).filter(Boolean);
      while (words.length && stop.has(words[0].toLowerCase())) words.shift();
      while (words.length && stop.has(words[words.length - 1].toLowerCase())) words.pop();
      const kept = words.slice(0, 4);
      const content = kept.filter((w) => !stop.has(w.toLowerCase()) && !/^\p{Lu}/u.test(w)).length;
      const phrase = kept.join(" ");
      const feeling = (lang === "he" ? EMOTIONAL_HE : EMOTIONAL_ES).test(phrase) ? 1.5 : 0;
      return { phrase, score: content + feeling + (kept.length >= 2 ? 0.5 : 0), at };
    })
    .filter((c) => c.phrase.length >= 3 && c.score >= 1.5);
}

/**
 * The person's own short phrase worth reflecting back: two to four words with content and,
 * where possible, feeling. Names and numbers are never chosen.
 */
export function keyPhrase(text: string, lang: CoachLanguage, avoid: readonly string[] = []): string | null {
  const trimmed = text.slice(0, 1500);
  const list = lang === "en" ? candidatesEn(trimmed) : candidatesOther(trimmed, lang);
  const avoided = new Set(avoid.map((a) => a.toLowerCase()));
  let best: { phrase: string; score: number; at: number } | null = null;
  for (const c of list) {
    if (avoided.has(c.phrase.toLowerCase())) continue;
    if (c.score < 1.2) continue;
    // Later words are usually closer to what the person is arriving at.
    const s = c.score + c.at * 0.01;
    if (!best || s > best.score + best.at * 0.01) best = c;
  }
  return best ? best.phrase.replace(/^[“"'‘]+|[”"'’]+$/g, "") : null;
}
