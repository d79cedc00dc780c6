import { getEmbedder } from "../ai/embeddings";
import type { AppContext } from "../context";
import { durationOf } from "./fold";
import { gatherSession } from "./report";
import { analyticsRepository, type ReflectionFactRow } from "./repository";

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Writes a session's facts once it ends, so dashboards read a few small tables instead of
 * replaying logs; the database recounts that day's rollups when the facts commit (see
 * analytics_rollup_day in the migrations). Runs after the `session.ended` event is committed;
 * sessions it never saw (ended on another node, or before this existed) are caught up by
 * `backfill` when a dashboard is opened.
 */
export function analyticsMaterialiser(ctx: AppContext) {
  const repo = analyticsRepository(ctx.database.db);
  const inflight = new Map<string, Promise<void>>();

  async function embed(texts: string[]): Promise<number[][] | null> {
    if (texts.length === 0) return [];
    try {
      return await (await getEmbedder()).embed(texts);
    } catch (err) {
      // Themes are a nicety; the counts must still be written when the model cannot load.
      ctx.log.warn({ err: (err as Error).message }, "analytics: reflections not embedded");
      return null;
    }
  }

  async function materialise(sessionId: string): Promise<void> {
    const g = await gatherSession(repo, sessionId);
    const { row, folded, seats, valence } = g;
    const started = folded.startedAt ?? row.createdAt;
    const day = dayOf(started);
    const facilitatorIds = [...new Set([...seats.filter((s) => s.role !== "participant" && s.userId).map((s) => s.userId!), ...(row.createdBy ? [row.createdBy] : [])])];
    const participants = seats.filter((s) => s.role === "participant");
    const sharedBy = new Map<string, number[]>();
    for (const s of folded.shared) {
      const v = valence.get(`${s.sourceType}:${s.sourceId}`);
      if (v !== undefined) sharedBy.set(s.participantId, [...(sharedBy.get(s.participantId) ?? []), v]);
    }
    const reflections = folded.shared.filter((s) => s.sourceType === "reflection");
    const vectors = await embed(reflections.map((r) => r.text));
    const reflectionRows: ReflectionFactRow[] = vectors
      ? reflections.map((r, i) => ({ sessionId, sourceId: r.sourceId, orgId: row.orgId, day, text: r.text, embedding: vectors[i] }))
      : [];
    const all = [...folded.people.values()];
    await repo.writeFacts(
      {
        sessionId,
        orgId: row.orgId,
        journeyId: row.journeyId,
        facilitatorIds,
        title: row.title,
        day,
        startedAt: started,
        durationSeconds: durationOf(folded, row.createdAt),
        participants: participants.length,
        reflections: all.reduce((a, p) => a + p.reflections, 0),
        chatMessages: all.reduce((a, p) => a + p.chatMessages, 0),
        handRaises: all.reduce((a, p) => a + p.handRaises, 0),
        cardsDealt: folded.totals.dealt,
        cardsChosen: folded.totals.chosen,
        cardsSwapped: folded.totals.swapped,
        commitments: folded.commitments.length,
        valence: mean([...sharedBy.values()].flat()),
      },
      participants.map((p) => {
        const t = folded.people.get(p.id);
        return { sessionId, participantId: p.id, orgId: row.orgId, day, reflections: t?.reflections ?? 0, chatMessages: t?.chatMessages ?? 0, valence: mean(sharedBy.get(p.id) ?? []) };
      }),
      [...folded.cards.entries()].map(([cardId, t]) => ({ sessionId, cardId, orgId: row.orgId, ...t })),
      reflectionRows,
    );
  }

  /** One run per session at a time on this node; a second request joins the first. */
  function run(sessionId: string): Promise<void> {
    const running = inflight.get(sessionId);
    if (running) return running;
    const p = materialise(sessionId).finally(() => inflight.delete(sessionId));
    inflight.set(sessionId, p);
    return p;
  }

  return {
    run,
    /** Subscribes to committed events; the ending is the moment a session's facts are final. */
    start() {
      ctx.live.on("committed", (c) => {
        if (!c.items.some((i) => i.message.type === "session.ended")) return;
        run(c.sessionId).catch((err: unknown) => ctx.log.error({ err, sessionId: c.sessionId }, "analytics: session facts not written"));
      });
    },
    async backfill(orgId: string, limit = 25) {
      for (const id of await repo.endedWithoutFacts(orgId, limit)) {
        await run(id).catch((err: unknown) => ctx.log.error({ err, sessionId: id }, "analytics: session facts not written"));
      }
    },
    /** Resolves when every run started so far has finished (tests, shutdown). */
    async idle() {
      while (inflight.size) await Promise.allSettled([...inflight.values()]);
    },
  };
}
export type AnalyticsMaterialiser = ReturnType<typeof analyticsMaterialiser>;
