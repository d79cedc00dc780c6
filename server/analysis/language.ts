import type { Language } from "./types";
import { tokenize } from "./tokenize";
import { isLexiconWord } from "./lexicon";
import { isSpanishValenceWord } from "./multilingual";

// Words that are common in one language and rare in the other; shared ones ("a", "me", "no")
// are left out because they prove nothing.
const ENGLISH = new Set(
  ("the i i'm im i've i'd i'll is am are was were be been being to of and in it it's my mine you your he she his her " +
    "they them their we our us this that these those with for on at by from have has had do does did don't didn't not " +
    "can can't will would could should what when where who how why just about feel feeling felt think like so very " +
    "really but or if because as an any all some there here out up down over more much me myself").split(" "),
);
const SPANISH = new Set(
  ("el la los las que de del y en un una unos unas es son está estoy estás estaba soy eres fue ser por para con sin pero " +
    "muy más mi mis tu tus su sus lo le les se nos yo él ella ellos nosotros este esta esto ese esa eso cuando porque " +
    "como qué cómo tengo tiene siento sentí hoy también todo nada algo ya hay mucho muchos al otra otro").split(" "),
);
// A few very common French, German, Portuguese and Italian words, so that those texts come out
// "und" instead of being read as English because one word looks familiar.
const OTHER = new Set(
  ("je suis très est et une pas avec pour dans ce qui nous vous mais aussi ich bin und der die das nicht ist sehr ein eine " +
    "mit auch wir sie eu não muito com uma você estou sono molto non che sei il della").split(" "),
);
const SPANISH_MARKS = /[ñ¿¡áéíóú]/i;
const HEBREW_LETTER = /[\u05d0-\u05ea]/g;
const ANY_LETTER = /\p{L}/gu;

/**
 * A light detector for the languages the studio analyses. Hebrew is recognised by script;
 * Spanish and English by their common words. Anything else is "und" so that callers answer
 * "unknown" rather than guess.
 */
export function detectLanguage(text: string, tokens?: string[]): Language {
  const letters = text.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return "und";
  const hebrew = text.match(HEBREW_LETTER)?.length ?? 0;
  if (hebrew / letters >= 0.5) return "he";

  tokens ??= tokenize(text);
  let en = 0;
  let es = 0;
  let other = 0;
  for (const t of tokens) {
    if (ENGLISH.has(t)) en += 1;
    else if (isLexiconWord(t)) en += 0.5;
    if (SPANISH.has(t)) es += 1;
    else if (isSpanishValenceWord(t)) es += 0.5;
    if (OTHER.has(t)) other += 1;
  }
  if (SPANISH_MARKS.test(text)) es += 1.5;
  if (other > en && other > es) return "und";
  if (es > en && es >= 1) return "es";
  if (en > 0 && en >= es) return "en";
  return "und";
}
