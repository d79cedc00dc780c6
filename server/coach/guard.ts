/**
 * What protects a remote model call: personal data out of the text before it leaves, attempts
 * to rewrite the rules noticed, and replies that advise or diagnose caught before anyone reads them.
 */

const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/g;
const PHONE = /(?<![\w/])(\+?\d[\d\s().-]{6,}\d)(?![\w/])/g;
const URL_WITH_ID = /\bhttps?:\/\/\S+/g;
const ID_NUMBER = /\b\d{9,}\b/g;
// A capitalised word in mid-sentence is most likely a name; sentence starts and "I" are not.
const MID_SENTENCE_NAME = /(?<=[\p{Ll},;:]\s+)(\p{Lu}\p{Ll}+)(\s+\p{Lu}\p{Ll}+)?/gu;
const NOT_NAMES = new Set(
  "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December English Hebrew Spanish God OK".split(" "),
);

/**
 * Replaces emails, phone numbers, links, long id numbers and names with placeholders. `known`
 * lists names the studio knows (the person's own, participants'); mid-sentence capitalised
 * words are treated as names too, since the person did not choose to share them with a model.
 */
export function redactPersonalData(text: string, known: readonly string[] = []): string {
  let out = text.replace(EMAIL, "[email]").replace(URL_WITH_ID, "[link]").replace(PHONE, (m) => (m.replace(/\D/g, "").length >= 7 ? "[phone]" : m)).replace(ID_NUMBER, "[number]");
  for (const name of known) {
    const parts = name.split(/\s+/).filter((p) => p.length >= 2);
    for (const part of parts) out = out.replace(new RegExp(`\\b${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gi"), "[name]");
  }
  return out.replace(MID_SENTENCE_NAME, (m: string, first: string) => (NOT_NAMES.has(first) ? m : "[name]"));
}

const INJECTION = [
  /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(previous|prior|above|earlier|all|your|the|these)\b.{0,30}\b(instructions?|rules?|prompts?|guidelines?|directions?)\b/i,
  /\b(you are now|from now on you are|act as|pretend (to be|you are)|roleplay as|new persona|developer mode|jailbreak|dan mode)\b/i,
  /\b(system prompt|reveal (your|the) (prompt|instructions|rules)|print (your|the) (prompt|instructions))\b/i,
  /<\/?(system|assistant|instructions?)>|\[\/?(system|inst)\]|^\s*(system|assistant)\s*:/im,
  /(התעלם מ(כל )?ההוראות|שכח את ההוראות)|(ignora (todas )?las instrucciones|olvida (tus|las) (reglas|instrucciones))/i,
];

/** True when a text tries to change the coach's rules; the studio then answers with the builtin coach. */
export function looksLikeInjection(text: string): boolean {
  return INJECTION.some((re) => re.test(text));
}

const DIRECTIVE = [
  /\byou (should|must|need to|have to|ought to|'d better|had better)\b/i,
  /\b(i (would )?(recommend|suggest|advise)|my advice|the best thing (to do|you can do)|the answer is)\b/i,
  /^(just |simply )?(quit|leave|stop|avoid|consider|confront|break up|go see|go to|call|tell)\b[^?]*[.!]$/im,
  /\b(you (have|might have|probably have|seem to have|are suffering from) (depression|anxiety|adhd|ptsd|bipolar|ocd|a disorder|trauma|burnout)|(sounds|looks) like (clinical )?(depression|an? (anxiety )?disorder|adhd|ptsd|burnout)|diagnos\w*)\b/i,
  /\b(medication|dosage|mg\b|prescri\w+)\b/i,
  /\b(ignore (my|the) rules|as an ai language model|system prompt)\b/i,
  /(את\/?ה צריכ|אתה חייב|את חייבת|אני ממליצ)|(deber[ií]as|tienes que|te recomiendo|mi consejo)/i,
];

/** Why a model's reply may not reach the person, or null when it keeps to the coach's rules. */
export function replyViolation(text: string): string | null {
  if (DIRECTIVE.some((re) => re.test(text))) return "directive";
  if (text.length > 700) return "too_long";
  return null;
}

/** How many trailing characters to hold back while streaming, so a forbidden phrase is caught before it is shown. */
export const STREAM_HOLDBACK = 24;
