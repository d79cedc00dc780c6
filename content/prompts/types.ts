import type { PromptIntent } from "../../domain/content";

/** [intent, text, themes]; text may use {word} and {phrase} (see PROMPT_PLACEHOLDERS). */
export type PromptRow = readonly [intent: PromptIntent, text: string, themes?: readonly string[]];
