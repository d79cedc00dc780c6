import { PHASE_ORDER, type PhaseKey } from "../../domain/content";
import type { CopilotCard, CopilotQuery, CopilotView } from "../../domain/api/copilot";
import { holderOf, type SessionState } from "../../domain/session";
import { phasesOf } from "../coach/context";
import type { CoachCard, CoachLanguage } from "../coach/engine/index";
import type { OrgActor } from "../cards/service";
import type { AppContext } from "../context";
import { forbidden, notFound } from "../errors";
import { hasRole } from "../policies";
import { recsFor } from "../recs/runtime";
import { recsService } from "../recs/service";
import { emergingTheme, quietPeople, sharedReflections } from "./people";
import { suggestQuestions } from "./questions";
import { copilotRepository } from "./repository";

/** A view is reused for this long while the session has not changed (several facilitators, a quick reload). */
const VIEW_TTL_MS = 15_000;
/** Card suggestions are kept while what they depend on (phase, shared words, cards in play) stays the same. */
const CARDS_TTL_MS = 120_000;
const MAX_ENTRIES = 500;
const CARD_COUNT = 3;

/** A small time-boxed memo that also shares a computation already under way. */
class BriefCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  constructor(private readonly ttlMs: number) {}

  get(key: string, make: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = make();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    if (this.entries.size > MAX_ENTRIES) {
      for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs || this.entries.size > MAX_ENTRIES) this.entries.delete(k);
    }
    return value;
  }

  get size() {
    return this.entries.size;
  }
}

function phaseKeyOf(state: SessionState, fallback: PhaseKey): PhaseKey | null {
  const key = (state.journey.phases[state.phase.index]?.key ?? "").toLowerCase();
  if ((PHASE_ORDER as readonly string[]).includes(key)) return key as PhaseKey;
  return fallback;
}

export function copilotService(ctx: AppContext) {
  const repo = copilotRepository(ctx.database.db);
  const recs = recsService(ctx, recsFor(ctx));
  const views = new BriefCache<CopilotView>(VIEW_TTL_MS);
  const cardLists = new BriefCache<{ cards: CopilotCard[]; note?: string }>(CARDS_TTL_MS);
  const stats = { computed: 0, cardLists: 0 };

  /** The live session, if this person runs it: a facilitator seat, or an admin of its organisation. */
  async function sessionFor(actor: OrgActor, sessionId: string) {
    const current = await ctx.live.current(sessionId);
    // Another organisation's session is as unknown as one that never existed.
    if (!current || current.orgId !== actor.orgId) throw notFound("That session");
    const seat = await repo.seatOf(sessionId, actor.userId);
    const runs = seat !== undefined && seat.role !== "participant";
    if (!runs && !hasRole(actor.role, "admin")) throw forbidden("Only the session's facilitators can see the copilot.");
    return current;
  }

  async function cardsInHands(orgId: string, state: SessionState): Promise<Map<string, CoachCard[]>> {
    const held = Object.values(state.cards)
      .filter((c) => c.faceUp && c.location.kind !== "pile")
      .sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
    const rows = new Map((await repo.cards(orgId, [...new Set(held.map((c) => c.cardId))])).map((r) => [r.id, r]));
    const byPerson = new Map<string, CoachCard[]>();
    for (const c of held) {
      const holder = holderOf(c);
      const row = rows.get(c.cardId);
      if (!holder || !row) continue;
      const list = byPerson.get(holder) ?? [];
      list.push({ id: row.id, word: row.word, description: row.description ?? undefined, prompts: row.prompts, language: row.language });
      byPerson.set(holder, list);
    }
    return byPerson;
  }

  /** Cards for the theme from the organisation's own recommender (or the shared model it opted into). */
  function suggestCards(actor: OrgActor, state: SessionState, phase: PhaseKey | null, theme: string): Promise<{ cards: CopilotCard[]; note?: string }> {
    const inPlay = Object.values(state.cards)
      .filter((c) => c.location.kind !== "pile")
      .map((c) => c.cardId)
      .sort();
    const shared = sharedReflections(state).map((r) => r.id);
    const key = [actor.orgId, actor.userId, state.sessionId, phase, theme, state.suggestionsEnabled, shared.join(","), inPlay.join(",")].join("|");
    return cardLists.get(key, async () => {
      stats.cardLists += 1;
      try {
        const res = await recs.recommendCards(actor, { sessionId: state.sessionId, topic: theme, limit: Math.min(30, CARD_COUNT + inPlay.length), ...(phase ? { phase } : {}) });
        // The recommender leaves out the caller's own cards; the copilot leaves out every card already in play.
        const fresh = res.items.filter((i) => !inPlay.includes(i.card.id)).slice(0, CARD_COUNT);
        return {
          cards: fresh.map((i) => ({ card: i.card, reasonKind: i.reasonKind, reason: i.reason, recommendationId: i.recommendationId })),
          ...(res.note ? { note: res.note } : {}),
        };
      } catch (err) {
        // Questions and quiet people are worth showing even when the recommender cannot answer.
        ctx.log.warn({ err: String(err) }, "copilot could not get card suggestions");
        return { cards: [], note: "Card suggestions are not available right now." };
      }
    });
  }

  async function compose(actor: OrgActor, state: SessionState, seq: number, orgId: string, language: CoachLanguage): Promise<CopilotView> {
    stats.computed += 1;
    const phases = phasesOf(await repo.journeyPhases(orgId, state.journey.journeyId));
    const coachPhase = phases[Math.min(state.phase.index, phases.length - 1)];
    const key = phaseKeyOf(state, coachPhase.key);
    const phase = { ...coachPhase, key: key ?? coachPhase.key };
    const quiet = quietPeople(state);
    const theme = emergingTheme(state, language, new Set(quiet.care.map((p) => p.participantId)));
    const [questions, cards] = await Promise.all([
      cardsInHands(orgId, state).then((cardsOf) => suggestQuestions({ state, language, phase, cardsOf, quiet, theme: theme?.phrase ?? null })),
      theme ? suggestCards(actor, state, key, theme.phrase) : Promise.resolve<{ cards: CopilotCard[]; note?: string }>({ cards: [] }),
    ]);
    return {
      sessionId: state.sessionId,
      seq,
      generatedAt: new Date().toISOString(),
      phase: { index: state.phase.index, name: state.phase.name, key },
      theme,
      questions,
      cards: cards.cards,
      ...(cards.note ? { cardsNote: cards.note } : {}),
      ...quiet,
    };
  }

  return {
    stats,
    /**
     * Computed only when asked, from the session as it is now. A view is cached for one session
     * version per facilitator, so a burst of requests costs one computation; a new event makes
     * the next request compute again.
     */
    async view(actor: OrgActor, sessionId: string, query: CopilotQuery): Promise<CopilotView> {
      const current = await sessionFor(actor, sessionId);
      const key = [current.orgId, sessionId, current.seq, actor.userId, query.language].join("|");
      return views.get(key, () => compose(actor, current.state, current.seq, current.orgId, query.language));
    },
    cacheSize: () => views.size,
  };
}
export type CopilotService = ReturnType<typeof copilotService>;

const perContext = new WeakMap<AppContext, CopilotService>();

/** One copilot (and its caches) per app. */
export function copilotFor(ctx: AppContext): CopilotService {
  let found = perContext.get(ctx);
  if (!found) {
    found = copilotService(ctx);
    perContext.set(ctx, found);
  }
  return found;
}
