import type { Safety } from "../../domain/api/coach";
import { detectLanguage } from "../analysis/index";
import { BUILTIN_MODEL, chunkReply, createChatProvider, ProviderError, streamWithBudget, type ProviderSettings } from "../ai/providers/index";
import { phaseForTurn, planTurn } from "./engine/index";
import type { CoachContext, CoachLanguage, DialogueState, TurnPlan } from "./engine/types";
import { looksLikeInjection, replyViolation, STREAM_HOLDBACK } from "./guard";
import { buildMessages, buildSystemPrompt } from "./prompt";
import { classifySafety, safetyAnswer } from "./safety";

export interface TurnInput {
  ctx: CoachContext;
  state: DialogueState;
  history: { role: "user" | "coach"; text: string }[];
  said: string;
  settings: ProviderSettings;
  signal?: AbortSignal;
  /** Text as it is produced, for streaming answers. */
  onDelta?: (text: string) => void;
  /** Told when a remote model failed or was overruled and the builtin coach answered instead. */
  onFallback?: (provider: string, reason: string, detail: string) => void;
}

export interface TurnResult {
  text: string;
  language: CoachLanguage;
  state: DialogueState;
  safety?: Safety;
  plan?: TurnPlan;
  provider: string;
  model: string;
  fallback?: string;
}

/** The conversation's language follows the person's first words where the studio has content for it. */
export function conversationLanguage(said: string, current: CoachLanguage, turns: number): CoachLanguage {
  if (turns > 0) return current;
  const detected = detectLanguage(said);
  return detected === "en" || detected === "he" || detected === "es" ? detected : current;
}

function emitBuiltin(text: string, onDelta?: (t: string) => void) {
  if (!onDelta) return;
  for (const piece of chunkReply(text)) onDelta(piece);
}

/**
 * One coach turn with any provider. Safety comes first and never reaches a model; the builtin
 * engine always plans the turn (phase, question, memory), so when a remote model fails, times
 * out, is being steered by an injection, or answers against the rules, the person still gets
 * the builtin answer.
 */
export async function takeTurn(input: TurnInput): Promise<TurnResult> {
  const language = conversationLanguage(input.said, input.ctx.language, input.state.turns);
  const ctx: CoachContext = { ...input.ctx, language };
  const kind = classifySafety(input.said);
  if (kind) {
    const answer = safetyAnswer(kind, language);
    emitBuiltin(answer.text, input.onDelta);
    return { text: answer.text, language, state: input.state, safety: answer.safety, provider: "builtin", model: BUILTIN_MODEL };
  }

  const provider = createChatProvider(input.settings);
  const steered = looksLikeInjection(input.said) || ctx.cards.some((c) => looksLikeInjection(`${c.word} ${c.description ?? ""} ${Object.values(c.prompts).join(" ")}`));
  if (!provider || steered) {
    const plan = await planTurn(ctx, input.state, input.said);
    emitBuiltin(plan.text, input.onDelta);
    return { text: plan.text, language, state: plan.state, plan, provider: "builtin", model: BUILTIN_MODEL, fallback: provider && steered ? "injection" : undefined };
  }

  // The builtin plan (state, fallback answer) is made once the model's first words are out:
  // its sentence embedding takes the CPU for a while, and the person should not wait for it.
  let planning: Promise<TurnPlan> | null = null;
  const plan = () => (planning ??= planTurn(ctx, input.state, input.said));
  let full = "";
  let shown = 0;
  try {
    const request = { system: buildSystemPrompt(ctx, phaseForTurn(ctx, input.state, input.said)), messages: buildMessages(ctx, input.history, input.said), maxOutputTokens: 300, signal: input.signal };
    for await (const delta of streamWithBudget(provider, request, input.settings.timeoutMs)) {
      full += delta;
      const violation = replyViolation(full);
      if (violation) throw new ProviderError(`filtered_${violation}`, "The reply did not keep to the coach's rules.");
      // Hold back the tail: a forbidden phrase may still be arriving.
      const safeUpTo = full.length - STREAM_HOLDBACK;
      if (safeUpTo > shown && input.onDelta) {
        input.onDelta(full.slice(shown, safeUpTo));
        shown = safeUpTo;
      }
      if (shown > 0 || !input.onDelta) setImmediate(() => void plan().catch(() => undefined));
    }
    const text = full.trim();
    if (!text) throw new ProviderError("empty", "The model answered with no text.");
    if (input.onDelta && full.length > shown) input.onDelta(full.slice(shown));
    const made = await plan();
    return { text, language, state: made.state, plan: made, provider: provider.name, model: provider.model };
  } catch (err) {
    const made = await plan();
    const reason = err instanceof ProviderError ? err.reason : "error";
    if (input.signal?.aborted) {
      return { text: full.slice(0, shown).trim() || made.text, language, state: made.state, plan: made, provider: provider.name, model: provider.model, fallback: "aborted" };
    }
    input.onFallback?.(provider.name, reason, err instanceof Error ? err.message : String(err));
    // Whatever was already shown is superseded: the final message carries the builtin answer.
    emitBuiltin(shown > 0 ? `\n\n${made.text}` : made.text, input.onDelta);
    return { text: made.text, language, state: made.state, plan: made, provider: "builtin", model: BUILTIN_MODEL, fallback: reason };
  }
}
