import { randomInt } from "node:crypto";
import { EventEmitter } from "node:events";
import { decide, decideInput, evolve, parseServerCommand, seededRandom, type Actor, type DecideContext, type Decision, type SessionEvent, type SessionState } from "../../domain/session";
import type { SessionEventMessage } from "../../domain/realtime";
import type { RealtimeError } from "../../domain/realtime";
import type { sessionRepository } from "./repository";

type Repo = ReturnType<typeof sessionRepository>;

/** How often the full state is stored, so loading a long session does not replay its whole log. */
const SNAPSHOT_EVERY = 100;
/** Idle sessions leave memory after this long; they are rebuilt from the database on demand. */
const IDLE_MS = 30 * 60_000;

export interface Committed {
  sessionId: string;
  orgId: string;
  /** Each stored event with the state just before it (redaction reads roles from it). */
  items: { message: SessionEventMessage; before: SessionState; after: SessionState }[];
}

export type CommandOutcome = { ok: true; seq: number; duplicate?: boolean } | { ok: false; error: RealtimeError };

interface Entry {
  state: SessionState;
  seq: number;
  orgId: string;
  usedAt: number;
}

/** The server's own commands (someone joining with the code) are parsed by their own schema. */
function decideAny(state: SessionState, input: { type: string; payload: unknown }, actor: Actor, ctx: DecideContext): Decision {
  if (actor.role !== "system") return decideInput(state, input, actor, ctx);
  const parsed = parseServerCommand(input);
  return parsed.ok ? decide(state, parsed.command, actor, ctx) : parsed;
}

function toMessage(row: { seq: number; type: string; payload: unknown; actorId: string | null; at: Date }): SessionEventMessage {
  return { seq: row.seq, type: row.type, payload: row.payload, actorId: row.actorId ?? "system", at: row.at.getTime() } as SessionEventMessage;
}

/**
 * The authoritative live sessions of this node: decide against the current state, append to
 * the log under the session's lock, and only then tell subscribers (who broadcast). Commands
 * for one session are handled one at a time here; the database lock orders them across nodes.
 */
export class LiveSessions extends EventEmitter<{ committed: [Committed] }> {
  private readonly entries = new Map<string, Entry>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly repo: Repo) {
    super();
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  stop() {
    clearInterval(this.sweeper);
  }

  private sweep() {
    const now = Date.now();
    for (const [id, e] of this.entries) if (now - e.usedAt > IDLE_MS && !this.queues.has(id)) this.entries.delete(id);
  }

  /** Runs `fn` after every earlier task of this session on this node. */
  private serial<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(sessionId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.queues.set(sessionId, tail);
    void tail.then(() => {
      if (this.queues.get(sessionId) === tail) this.queues.delete(sessionId);
    });
    return next;
  }

  private async loadEntry(sessionId: string): Promise<Entry | null> {
    const cached = this.entries.get(sessionId);
    if (cached) {
      cached.usedAt = Date.now();
      return cached;
    }
    const row = await this.repo.byId(sessionId);
    if (!row || !row.snapshot) return null;
    let state = row.snapshot as SessionState;
    let seq = row.snapshotSeq;
    for (const e of await this.repo.eventsAfter(sessionId, seq)) {
      state = evolve(state, { type: e.type, payload: e.payload } as SessionEvent);
      seq = e.seq;
    }
    const entry = { state, seq, orgId: row.orgId, usedAt: Date.now() };
    this.entries.set(sessionId, entry);
    return entry;
  }

  /** The current state and its seq, up to date with the log (other nodes may have appended). */
  current(sessionId: string): Promise<{ state: SessionState; seq: number; orgId: string } | null> {
    return this.serial(sessionId, async () => {
      const entry = await this.loadEntry(sessionId);
      if (!entry) return null;
      const missed = await this.repo.eventsAfter(sessionId, entry.seq);
      for (const e of missed) {
        entry.state = evolve(entry.state, { type: e.type, payload: e.payload } as SessionEvent);
        entry.seq = e.seq;
      }
      return { state: entry.state, seq: entry.seq, orgId: entry.orgId };
    });
  }

  /** Stored events after `seq`, for a client catching up. */
  async eventsAfter(sessionId: string, seq: number, limit: number) {
    return (await this.repo.eventsAfter(sessionId, seq, limit)).map(toMessage);
  }

  execute(sessionId: string, input: { id?: string; type: string; payload?: unknown }, actor: Actor & { actorId?: string }): Promise<CommandOutcome> {
    return this.serial(sessionId, async () => {
      const entry = await this.loadEntry(sessionId);
      if (!entry) return { ok: false, error: { code: "not_found", message: "That session does not exist." } } as CommandOutcome;
      const deckId = input.type === "cards.deal" && typeof (input.payload as { deckId?: unknown })?.deckId === "string" ? (input.payload as { deckId: string }).deckId : undefined;
      const deckCards = deckId ? await this.repo.deckCardIds(deckId, entry.orgId) : undefined;
      const now = Date.now();
      const random = seededRandom(randomInt(0, 2 ** 31));
      const outcome = await this.repo.appendLocked<{ error?: RealtimeError; before: SessionState; after: SessionState; events: SessionEvent[] }>(sessionId, entry.seq, input.id, (missed) => {
        let state = entry.state;
        for (const e of missed) state = evolve(state, { type: e.type, payload: e.payload } as SessionEvent);
        const decision = decideAny(state, { type: input.type, payload: input.payload ?? {} }, actor, {
          now,
          random,
          deckCards: (id) => (id === deckId ? deckCards : undefined),
        });
        if (!decision.ok) return { reject: { error: decision.error, before: state, after: state, events: [] } };
        let after = state;
        for (const e of decision.events) after = evolve(after, e);
        const startSeq = entry.seq + missed.length;
        const crossesSnapshot = Math.floor((startSeq + decision.events.length) / SNAPSHOT_EVERY) > Math.floor(startSeq / SNAPSHOT_EVERY);
        const newCommitments = decision.events.flatMap((e) =>
          e.type === "commitment.added"
            ? [{ orgId: entry.orgId, sessionId, participantId: e.payload.participantId, text: e.payload.text, dueAt: e.payload.due ? new Date(e.payload.due) : null }]
            : [],
        );
        return {
          events: decision.events.map((e) => ({ type: e.type, payload: e.payload, actorId: actor.role === "system" ? null : (actor.actorId ?? actor.participantId), at: new Date(now) })),
          result: { before: state, after, events: decision.events },
          snapshot: crossesSnapshot ? () => after : undefined,
          commitments: newCommitments,
        };
      });
      if ("duplicateSeq" in outcome) return { ok: true, seq: outcome.duplicateSeq, duplicate: true };
      if ("rejected" in outcome) {
        // Catch up with what other nodes appended, even though this command changed nothing.
        const missedState = outcome.rejected.before;
        if (missedState !== entry.state) {
          const head = await this.repo.eventsAfter(sessionId, entry.seq);
          for (const e of head) {
            entry.state = evolve(entry.state, { type: e.type, payload: e.payload } as SessionEvent);
            entry.seq = e.seq;
          }
        }
        return { ok: false, error: outcome.rejected.error! };
      }
      // Fold in events other nodes appended before ours, then ours, tracking each state for redaction.
      const items: Committed["items"] = [];
      const missed = outcome.appended.length ? outcome.appended[0].seq - 1 - entry.seq : 0;
      if (missed > 0) {
        for (const e of await this.repo.eventsAfter(sessionId, entry.seq, missed)) {
          entry.state = evolve(entry.state, { type: e.type, payload: e.payload } as SessionEvent);
          entry.seq = e.seq;
        }
      }
      for (const row of outcome.appended) {
        const before = entry.state;
        entry.state = evolve(entry.state, { type: row.type, payload: row.payload } as SessionEvent);
        entry.seq = row.seq;
        items.push({ message: toMessage(row), before, after: entry.state });
      }
      entry.usedAt = Date.now();
      if (items.length) this.emit("committed", { sessionId, orgId: entry.orgId, items });
      return { ok: true, seq: entry.seq };
    });
  }

  /** Drops a cached session (after it ends, or in tests simulating a restart). */
  forget(sessionId: string) {
    this.entries.delete(sessionId);
  }
}
