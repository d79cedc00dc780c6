import { randomInt, randomUUID } from "node:crypto";
import { HIDDEN, createInitialState, viewState, type JourneyPhase, type SessionState } from "../../domain/session";
import { presentCard } from "../cards/present";
import { mediaFor } from "../media/index";
import { JOIN_CODE_ALPHABET, type CreateSessionInput } from "../../domain/api/sessions";
import type { AppContext } from "../context";
import { conflict, forbidden, notFound, unprocessable } from "../errors";
import { hasRole, type Actor, type GuestActor } from "../policies";
import type { Role } from "../../domain/api/common";
import type { LiveSessions } from "./live";
import { sessionRepository, type SessionRow } from "./repository";

type OrgActor = Actor & { orgId: string; role: Role };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += JOIN_CODE_ALPHABET[randomInt(0, JOIN_CODE_ALPHABET.length)];
  return code;
}

interface StoredPhase {
  key?: string;
  name: string;
  purpose?: string;
  steps?: { instructions?: { facilitator: string; participant: string }; durationSeconds?: number }[];
}

/** The engine needs a compact phase list; the journey's first step carries each phase's instructions. */
export function phasesOf(stored: unknown[]): JourneyPhase[] {
  return (stored as StoredPhase[]).map((p) => {
    const steps = p.steps ?? [];
    const seconds = steps.reduce((sum, s) => sum + (s.durationSeconds ?? 0), 0);
    return {
      name: p.name,
      ...(p.key ? { key: p.key } : {}),
      ...(steps[0]?.instructions ? { instructions: steps[0].instructions } : {}),
      ...(seconds > 0 ? { durationSeconds: seconds } : {}),
    };
  });
}

export function sessionService(ctx: AppContext, live: LiveSessions) {
  const repo = sessionRepository(ctx.database.db);
  const origin = (requestOrigin: string) => ctx.config.publicUrl ?? requestOrigin;

  function present(row: SessionRow, requestOrigin: string, participantId: string | null, count: number) {
    return {
      id: row.id,
      title: row.title,
      joinCode: row.joinCode,
      joinUrl: `${origin(requestOrigin)}/join/${row.joinCode}`,
      journeyId: row.journeyId,
      admission: row.admission,
      status: row.status,
      scheduledAt: row.scheduledAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
      participantId,
      participantCount: count,
    };
  }

  /** The session, if this person runs it: its facilitators, or an admin of its organisation. */
  async function forFacilitator(actor: OrgActor, sessionId: string) {
    const row = await repo.byId(sessionId);
    if (!row || row.orgId !== actor.orgId) throw notFound("That session");
    const seat = await repo.participantOfUser(sessionId, actor.userId);
    const runs = seat && seat.role !== "participant";
    if (!runs && !hasRole(actor.role, "admin")) throw forbidden("Only the session's facilitators can do this.");
    return { row, seat: runs ? seat : undefined };
  }

  return {
    forFacilitator,

    async create(actor: OrgActor, input: CreateSessionInput, requestOrigin: string) {
      const journey = await repo.journeyFor(input.journeyId, actor.orgId);
      if (!journey) throw notFound("That journey");
      const principal = await ctx.principals.get(actor.userId);
      const sessionId = randomUUID();
      const facilitatorId = randomUUID();
      const now = Date.now();
      const state = createInitialState({
        sessionId,
        title: input.title,
        journeyId: journey.id,
        phases: phasesOf(journey.phases),
        admission: input.admission,
        facilitator: { participantId: facilitatorId, displayName: principal?.user.name ?? "Facilitator" },
        createdAt: now,
      });
      for (let attempt = 0; ; attempt++) {
        try {
          const row = await repo.create(
            {
              id: sessionId,
              orgId: actor.orgId,
              journeyId: journey.id,
              title: input.title,
              joinCode: newJoinCode(),
              admission: input.admission,
              status: input.scheduledAt && new Date(input.scheduledAt).getTime() > now ? "scheduled" : "live",
              scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
              createdBy: actor.userId,
              snapshot: state,
              snapshotSeq: 0,
            },
            { id: facilitatorId, sessionId, userId: actor.userId, displayName: state.participants[facilitatorId].displayName, role: "facilitator" },
          );
          return present(row, requestOrigin, facilitatorId, 0);
        } catch (err) {
          // A join code collision is rare (31^6 codes); try another.
          if (attempt < 5 && String((err as Error).message).includes("join_code")) continue;
          throw err;
        }
      }
    },

    async list(actor: OrgActor, requestOrigin: string) {
      const rows = await repo.listForOrg(actor.orgId);
      const counts = await repo.participantCounts(rows.map((r) => r.id));
      return rows.map((r) => present(r, requestOrigin, null, counts.get(r.id) ?? 0));
    },

    async get(actor: OrgActor, sessionId: string, requestOrigin: string) {
      const { row, seat } = await forFacilitator(actor, sessionId);
      const counts = await repo.participantCounts([row.id]);
      return present(row, requestOrigin, seat?.id ?? null, counts.get(row.id) ?? 0);
    },

    async addCofacilitator(actor: OrgActor, sessionId: string, userId: string) {
      const { row } = await forFacilitator(actor, sessionId);
      const person = await ctx.principals.get(userId);
      const membership = person?.memberships.find((m) => m.org.id === row.orgId);
      if (!person || !membership) throw notFound("That member");
      if (!hasRole(membership.role, "facilitator")) throw unprocessable("A co-facilitator needs the facilitator role in the organisation.");
      const existing = await repo.participantOfUser(sessionId, userId);
      if (existing && existing.role !== "participant") throw conflict("This person already facilitates the session.");
      const p = await repo.addParticipant({ sessionId, userId, displayName: person.user.name, role: "cofacilitator" });
      const res = await live.execute(sessionId, { type: "participant.join", payload: { participantId: p.id, displayName: p.displayName, role: "cofacilitator" } }, { participantId: "system", role: "system" });
      if (!res.ok) throw conflict(res.error.message);
      return { participantId: p.id };
    },

    async join(input: { joinCode: string; displayName: string }, ip: string, userId: string | null) {
      const row = await repo.byJoinCode(input.joinCode);
      if (!row) {
        await ctx.limits.consume("joinFailuresPerIp", ip);
        await ctx.limits.consume("joinPerCodeGuess", input.joinCode);
        throw notFound("A session with that code");
      }
      if (row.status === "ended") throw conflict("This session has ended.");
      const current = await live.current(row.id);
      if (!current) throw notFound("A session with that code");
      if (current.state.locked) throw conflict("The facilitator has locked this session; nobody new can join right now.");
      if (current.state.status === "ended") throw conflict("This session has ended.");
      const p = await repo.addParticipant({ sessionId: row.id, userId, displayName: input.displayName, role: "participant" });
      const res = await live.execute(row.id, { type: "participant.join", payload: { participantId: p.id, displayName: p.displayName, role: "participant" } }, { participantId: "system", role: "system" });
      if (!res.ok) throw conflict(res.error.message);
      const after = await live.current(row.id);
      return {
        sessionId: row.id,
        participantId: p.id,
        token: await ctx.tokens.signParticipant(p.id, row.id),
        title: row.title,
        admitted: after?.state.participants[p.id]?.admitted ?? false,
      };
    },

    /** A guest keeps their reflections and commitments by signing up and claiming their seat. */
    async claim(userId: string, participantToken: string) {
      const claims = await ctx.tokens.verify(participantToken);
      if (!claims || claims.typ !== "participant") throw unprocessable("That link to your session has expired or is not valid.");
      const p = await repo.participant(claims.sub);
      if (!p) throw notFound("Your seat in that session");
      if (p.userId && p.userId !== userId) throw forbidden("This seat already belongs to another account.");
      await repo.claimParticipant(p.id, userId);
      return { sessionId: p.sessionId, participantId: p.id };
    },

    async journal(userId: string) {
      const rows = await repo.participationsOfUser(userId);
      const commitmentRows = await repo.commitmentsOfParticipants(rows.map((r) => r.p.id));
      const out = [];
      for (const { p, s } of rows) {
        const current = await live.current(s.id);
        const state: SessionState | undefined = current?.state;
        const heldCards = state ? Object.values(state.cards).filter((c) => c.location.kind === "hand" && c.location.participantId === p.id).map((c) => c.cardId) : [];
        const words = await repo.cardWords(heldCards);
        out.push({
          sessionId: s.id,
          title: s.title,
          at: s.createdAt.toISOString(),
          displayName: p.displayName,
          reflections: (state?.reflections ?? [])
            .filter((r) => r.participantId === p.id)
            .map((r) => ({ text: r.text, visibility: r.visibility, cardId: r.cardId ?? null, at: new Date(r.at).toISOString() })),
          commitments: commitmentRows.filter((c) => c.participantId === p.id).map((c) => ({ id: c.id, text: c.text, due: c.dueAt?.toISOString() ?? null, status: c.status })),
          cards: heldCards.map((id) => ({ cardId: id, word: words.get(id)?.word ?? null, imageUrl: words.get(id)?.imageUrl ?? null })),
        });
      }
      return out;
    },

    /**
     * The cards in play that this person may see (face up, or in their own hand), so a guest
     * without library access still sees words and pictures. Nothing hidden is revealed.
     */
    async visibleCards(actor: Actor | GuestActor, sessionId: string) {
      let participantId: string;
      let role: "facilitator" | "cofacilitator" | "participant";
      if (actor.kind === "participant") {
        if (actor.sessionId !== sessionId) throw notFound("That session");
        const p = await repo.participant(actor.participantId);
        if (!p) throw notFound("That session");
        participantId = p.id;
        role = p.role;
      } else {
        const row = await repo.byId(sessionId);
        const seat = row ? await repo.participantOfUser(sessionId, actor.userId) : undefined;
        if (!row || !seat) throw notFound("That session");
        participantId = seat.id;
        role = seat.role;
      }
      const current = await live.current(sessionId);
      if (!current) throw notFound("That session");
      const view = viewState(current.state, { participantId, role });
      const ids = Object.values(view.cards)
        .map((c) => c.cardId)
        // A hidden card's id is a placeholder ("hidden", or "hidden:<slot>"), never a real id.
        .filter((id) => !id.startsWith(HIDDEN) && UUID.test(id));
      const rows = await repo.cardRows([...new Set(ids)]);
      const media = mediaFor(ctx);
      return rows.map((r) => presentCard(r, media));
    },

    repo,
  };
}
export type SessionService = ReturnType<typeof sessionService>;
