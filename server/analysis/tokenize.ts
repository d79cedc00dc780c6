/**
 * Lower-cased word tokens with sentence punctuation kept as separate tokens, because
 * punctuation ends a negation's reach ("not happy, but calm").
 */
export function tokenize(text: string): string[] {
  const normalized = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  return normalized.match(/[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+)*|[.,;:!?\u2014\u2013()]/gu) ?? [];
}

export const SCOPE_BREAKERS = new Set([".", ",", ";", ":", "!", "?", "\u2014", "\u2013", "(", ")", "but", "just", "and", "yet", "though", "although"]);

export function isPunctuation(token: string): boolean {
  return /^[.,;:!?\u2014\u2013()]$/.test(token);
}
