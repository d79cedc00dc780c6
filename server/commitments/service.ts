import type { Commitment, UpdateCommitmentInput } from "../../domain/api/coach";
import type { AppContext } from "../context";
import { forbidden, notFound } from "../errors";
import type { Actor, GuestActor } from "../policies";
import { commitmentRepository, type CommitmentOwner, type CommitmentRow, type FollowUp } from "./repository";

type Caller = (Actor & { orgId: string }) | GuestActor;

function ownerOf(caller: Caller): CommitmentOwner {
  return caller.kind === "user" ? { kind: "user", userId: caller.userId, orgId: caller.orgId } : { kind: "participant", participantId: caller.participantId, sessionId: caller.sessionId };
}

export function presentCommitment(c: CommitmentRow): Commitment {
  return {
    id: c.id,
    text: c.text,
    dueAt: c.dueAt?.toISOString() ?? null,
    status: c.status,
    sessionId: c.sessionId,
    completedAt: c.completedAt?.toISOString() ?? null,
    remindedAt: c.remindedAt?.toISOString() ?? null,
    followUps: c.followUps,
    followUpCount: c.followUps.length,
    createdAt: c.createdAt.toISOString(),
  };
}

export function commitmentService(ctx: AppContext) {
  const repo = commitmentRepository(ctx.database.db);

  async function owned(caller: Caller, id: string) {
    const row = await repo.find(ownerOf(caller), id);
    if (!row) throw notFound("The commitment");
    return row;
  }

  return {
    async list(caller: Caller, status?: CommitmentRow["status"]) {
      return (await repo.list(ownerOf(caller), status)).map(presentCommitment);
    },

    /** A commitment made by this caller; `orgId`/`sessionId` say where (a coach summary or a solo entry). */
    async createFor(caller: Caller, orgId: string | null, sessionId: string | null, input: { text: string; dueAt?: string }) {
      const row = await repo.insert({
        orgId: caller.kind === "user" ? caller.orgId : orgId,
        sessionId: caller.kind === "participant" ? caller.sessionId : sessionId,
        userId: caller.kind === "user" ? caller.userId : null,
        participantId: caller.kind === "participant" ? caller.participantId : null,
        text: input.text,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
      });
      return presentCommitment(row);
    },

    /** Done, dropped, rescheduled or reflected on: each change is a follow-up the studio counts. */
    async update(caller: Caller, id: string, input: UpdateCommitmentInput) {
      const row = await owned(caller, id);
      const now = new Date();
      const followUps: FollowUp[] = [...row.followUps];
      const patch: Parameters<typeof repo.update>[1] = {};
      if (input.status && input.status !== row.status) {
        patch.status = input.status;
        patch.completedAt = input.status === "done" ? now : null;
        followUps.push({ at: now.toISOString(), kind: input.status === "open" ? "reopened" : input.status });
      }
      if (input.dueAt) {
        patch.dueAt = new Date(input.dueAt);
        // A new date deserves a new reminder.
        patch.remindedAt = null;
        followUps.push({ at: now.toISOString(), kind: "rescheduled", note: new Date(input.dueAt).toISOString() });
      }
      if (input.note) followUps.push({ at: now.toISOString(), kind: "reflection", note: input.note });
      patch.followUps = followUps;
      return presentCommitment(await repo.update(row.id, patch));
    },

    async get(caller: Caller, id: string) {
      return owned(caller, id);
    },

    /** Counts the coach conversation opened to reflect on a commitment. */
    async noteReflection(caller: Caller, id: string, conversationId: string) {
      const row = await owned(caller, id);
      await repo.update(row.id, { followUps: [...row.followUps, { at: new Date().toISOString(), kind: "coach", note: conversationId }] });
      return row;
    },

    async notifications(caller: Caller, unreadOnly: boolean) {
      if (caller.kind !== "user") return [];
      return (await repo.notifications(caller.userId, unreadOnly)).map((n) => ({ id: n.id, kind: n.kind, payload: n.payload, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null }));
    },

    async markRead(caller: Caller, id: string) {
      if (caller.kind !== "user") throw forbidden("Guests of a session have no notifications.");
      if (!(await repo.markRead(caller.userId, id, new Date()))) throw notFound("The notification");
    },
  };
}
