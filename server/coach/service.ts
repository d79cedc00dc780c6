import type { CoachMessage, ConversationSummary, CreateConversationInput, Safety, UpdateSummaryInput } from "../../domain/api/coach";
import type { PhaseKey } from "../../domain/content";
import type { AppContext } from "../context";
import { forbidden, notFound } from "../errors";
import type { Actor, GuestActor } from "../policies";
import { commitmentService } from "../commitments/service";
import { raiseSafetyAlert } from "./alerts";
import { loadContext } from "./context";
import { readState } from "./engine/index";
import { takeTurn } from "./respond";
import { coachRepository, type ConversationRow, type MessageRow, type Owner } from "./repository";
import { isCrisis } from "./safety";
import { aiSettingsService } from "./settings";
import { draftSummary, readSummary } from "./summary";

export type Caller = (Actor & { orgId: string }) | GuestActor;

/** A signed-in caller acts in an organisation; a guest acts inside their session. */
export function callerOf(actor: Actor | GuestActor | null): Caller {
  if (!actor) throw forbidden();
  if (actor.kind === "participant") return actor;
  if (!actor.orgId) throw forbidden("You are not a member of any organisation.");
  return actor as Actor & { orgId: string };
}

function ownerOf(caller: Caller): Owner {
  return caller.kind === "user" ? { kind: "user", userId: caller.userId, orgId: caller.orgId } : { kind: "participant", participantId: caller.participantId, sessionId: caller.sessionId };
}

export function presentMessage(m: MessageRow): CoachMessage {
  const meta = m.meta as { phase?: PhaseKey; safety?: Safety | string };
  // The person's own turn keeps only the kind of safety rule it triggered (a string, for
  // analytics); the answer with its help resources belongs to the coach's turn.
  const safety = m.role === "coach" && meta.safety && typeof meta.safety === "object" ? meta.safety : undefined;
  return { id: m.id, role: m.role, text: m.text, createdAt: m.createdAt.toISOString(), ...(meta.phase ? { phase: meta.phase } : {}), ...(safety ? { safety } : {}) };
}

function presentConversation(c: ConversationRow) {
  const state = readState(c.state);
  const phases = (c.state as { phaseKeys?: PhaseKey[] }).phaseKeys;
  return {
    id: c.id,
    topic: c.topic,
    journeyId: c.journeyId,
    sessionId: c.sessionId,
    cardIds: c.cardIds,
    language: c.language,
    phase: phases?.[state.phaseIndex] ?? (["pause", "expand", "focus", "do"] as const)[Math.min(3, state.phaseIndex)],
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function withoutBookkeeping(s: ConversationSummary & { tracked?: string[] }): ConversationSummary {
  const { tracked: _tracked, ...rest } = s;
  return rest;
}

export function coachService(ctx: AppContext) {
  const repo = coachRepository(ctx.database.db);
  const settings = aiSettingsService(ctx);
  const commitments = commitmentService(ctx);

  async function owned(caller: Caller, id: string): Promise<ConversationRow> {
    const conv = await repo.findConversation(ownerOf(caller), id);
    if (!conv) throw notFound("The conversation");
    return conv;
  }

  /** Names are looked up only when text may leave for a remote model (they are redacted there). */
  async function contextFor(caller: Caller, conv: ConversationRow, needNames = true) {
    const [name, memories] = await Promise.all([
      !needNames ? undefined : caller.kind === "user" ? repo.userName(caller.userId) : repo.participant(caller.participantId, caller.sessionId).then((p) => p?.displayName),
      caller.kind === "user" ? repo.memories(caller.userId).then((rows) => rows.slice(0, 5).map((m) => m.text)) : [],
    ]);
    return loadContext(repo, conv, name ? [name] : [], memories);
  }

  return {
    async create(caller: Caller, input: CreateConversationInput) {
      let orgId: string;
      let sessionId: string | null = input.sessionId ?? null;
      if (caller.kind === "participant") {
        if (sessionId && sessionId !== caller.sessionId) throw notFound("The session");
        sessionId = caller.sessionId;
        const session = await repo.session(caller.sessionId);
        if (!session) throw notFound("The session");
        orgId = session.orgId;
      } else {
        orgId = caller.orgId;
        if (sessionId) {
          const session = await repo.session(sessionId);
          if (!session || session.orgId !== orgId) throw notFound("The session");
        }
      }
      const cardIds = [...new Set(input.cardIds ?? [])];
      if ((await repo.visibleCards(orgId, cardIds)).length !== cardIds.length) throw notFound("A card");
      if (input.journeyId && !(await repo.visibleJourney(orgId, input.journeyId))) throw notFound("The journey");
      const row = await repo.createConversation({
        orgId,
        userId: caller.kind === "user" ? caller.userId : null,
        participantId: caller.kind === "participant" ? caller.participantId : null,
        sessionId,
        journeyId: input.journeyId ?? null,
        topic: input.topic ?? null,
        cardIds,
      });
      // The phase keys are kept beside the state so lists can show the phase without loading the journey.
      const context = await loadContext(repo, row, [], []);
      await repo.setState(row.id, { phaseKeys: context.phases.map((p) => p.key) });
      return { id: row.id };
    },

    async list(caller: Caller) {
      return (await repo.listConversations(ownerOf(caller))).map(presentConversation);
    },

    async get(caller: Caller, id: string) {
      const conv = await owned(caller, id);
      return { ...presentConversation(conv), messages: (await repo.messages(conv.id)).map(presentMessage) };
    },

    /** Checks the caller's allowance and the conversation before anything is streamed. */
    async begin(caller: Caller, id: string): Promise<ConversationRow> {
      await ctx.limits.consume("coachPerCaller", caller.kind === "user" ? caller.userId : caller.participantId);
      return owned(caller, id);
    },

    /** One turn: the person's words in, the coach's answer out (streamed through `onDelta` when asked). */
    async send(caller: Caller, conv: ConversationRow, text: string, opts: { signal?: AbortSignal; onDelta?: (t: string) => void } = {}) {
      const providerSettings = await settings.providerSettings(conv.orgId);
      const [coachCtx, history] = await Promise.all([
        contextFor(caller, conv, providerSettings.provider !== "builtin"),
        repo.messages(conv.id).then((rows) => rows.map((m) => ({ role: m.role, text: m.text }))),
      ]);
      const stored = conv.state ?? {};
      const result = await takeTurn({
        ctx: coachCtx,
        state: readState(stored),
        history,
        said: text,
        settings: providerSettings,
        signal: opts.signal,
        onDelta: opts.onDelta,
        onFallback: (provider, reason, detail) => {
          ctx.metrics.aiFailures.inc({ provider, reason });
          ctx.log.warn({ provider, reason, detail: detail.slice(0, 200), conversationId: conv.id }, "model call failed; the builtin coach answered");
        },
      });
      const meta: Record<string, unknown> = {
        phase: result.plan?.phase,
        provider: result.provider,
        model: result.model,
        promptId: result.plan?.promptId ?? null,
        intent: result.plan?.intent ?? null,
        emotion: result.plan?.emotion ?? null,
        language: result.language,
        ...(result.fallback ? { fallback: result.fallback } : {}),
        ...(result.safety ? { safety: result.safety } : {}),
      };
      const saved = await repo.saveTurn(conv.id, { text, meta: { phase: result.plan?.phase, safety: result.safety?.kind } }, { text: result.text, meta }, { state: { ...stored, ...result.state }, language: result.language });
      if (result.safety && isCrisis(result.safety.kind) && conv.sessionId) {
        const participantId = conv.participantId ?? conv.userId ?? "";
        raiseSafetyAlert(conv.sessionId, participantId, result.safety.kind);
        const session = await repo.session(conv.sessionId);
        const facilitators = new Set([...(session?.createdBy ? [session.createdBy] : []), ...(await repo.facilitators(conv.sessionId))]);
        await repo.notify([...facilitators], "safety_alert", { sessionId: conv.sessionId, participantId, kind: result.safety.kind });
      }
      return { message: { ...presentMessage(saved.coach), role: "coach" as const }, ...(result.safety ? { safety: result.safety } : {}) };
    },

    async summary(caller: Caller, id: string): Promise<ConversationSummary> {
      const conv = await owned(caller, id);
      const kept = readSummary(conv.summary);
      if (kept) return withoutBookkeeping(kept);
      return draftSummary(readState(conv.state), (await contextFor(caller, conv)).cards);
    },

    async saveSummary(caller: Caller, id: string, input: UpdateSummaryInput): Promise<ConversationSummary> {
      const conv = await owned(caller, id);
      const previous = readSummary(conv.summary);
      const tracked = new Set(previous?.tracked ?? []);
      if (input.track) {
        for (const c of input.commitments) {
          if (tracked.has(c.text)) continue;
          await commitments.createFor(caller, conv.orgId, conv.sessionId, { text: c.timeFrame ? `${c.text} (${c.timeFrame})` : c.text, dueAt: c.dueAt ?? undefined });
          tracked.add(c.text);
        }
      }
      if (input.remember && caller.kind === "user") {
        const existing = new Set((await repo.memories(caller.userId)).map((m) => m.text));
        await repo.addMemories([
          ...input.themes.filter((t) => !existing.has(t)).map((t) => ({ userId: caller.userId, kind: "theme" as const, text: t, sourceConversationId: conv.id })),
          ...input.commitments.filter((c) => !existing.has(c.text)).map((c) => ({ userId: caller.userId, kind: "commitment" as const, text: c.text, sourceConversationId: conv.id })),
        ]);
      }
      const summary = { themes: input.themes, cards: input.cards, commitments: input.commitments, note: input.note ?? null, status: "kept" as const, updatedAt: new Date().toISOString(), tracked: [...tracked] };
      await repo.setSummary(conv.id, summary);
      return withoutBookkeeping(summary);
    },

    async deleteSummary(caller: Caller, id: string) {
      const conv = await owned(caller, id);
      await repo.setSummary(conv.id, null);
    },

    async memories(caller: Caller) {
      if (caller.kind !== "user") return [];
      return (await repo.memories(caller.userId)).map((m) => ({ id: m.id, kind: m.kind, text: m.text, sourceConversationId: m.sourceConversationId, createdAt: m.createdAt.toISOString() }));
    },

    async remember(caller: Caller, input: { kind: "theme" | "commitment" | "note"; text: string; sourceConversationId?: string }) {
      if (caller.kind !== "user") throw forbidden("Guests of a session cannot keep memories. Sign in with an account to keep them.");
      if (input.sourceConversationId) await owned(caller, input.sourceConversationId);
      const [m] = await repo.addMemories([{ userId: caller.userId, kind: input.kind, text: input.text, sourceConversationId: input.sourceConversationId ?? null }]);
      return { id: m.id, kind: m.kind, text: m.text, sourceConversationId: m.sourceConversationId, createdAt: m.createdAt.toISOString() };
    },

    async forget(caller: Caller, id: string) {
      if (caller.kind !== "user" || !(await repo.deleteMemory(caller.userId, id))) throw notFound("The memory");
    },
  };
}
export type CoachService = ReturnType<typeof coachService>;
