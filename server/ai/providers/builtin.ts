/**
 * The builtin coach composes whole replies (server/coach/engine); to speak the same streaming
 * protocol as remote models it hands them out in small word groups.
 */
export const BUILTIN_MODEL = "studio-dialogue-engine-1";

export function* chunkReply(text: string, wordsPerChunk = 3): Iterable<string> {
  const parts = text.match(/\S+\s*/g) ?? [];
  for (let i = 0; i < parts.length; i += wordsPerChunk) yield parts.slice(i, i + wordsPerChunk).join("");
}
