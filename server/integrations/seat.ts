import type { SessionState } from "../../domain/session";
import type { AppContext } from "../context";
import { conflict, forbidden, notFound } from "../errors";
import { hasRole, type Actor, type GuestActor } from "../policies";
import { sessionRepository } from "../sessions/repository";

/** Who is asking, as the session knows them. */
export interface Seat {
  sessionId: string;
  orgId: string;
  /** The participant id in the live session, or `user-<id>` for an admin without a seat. */
  identity: string;
  displayName: string;
  facilitator: boolean;
  state: SessionState;
}

/**
 * The caller's place in a session, for facilitators (signed in) and participants (their seat
 * token) alike. Another organisation's session, or a session the caller has no seat in, is a
 * 404; a removed person or one still waiting to be let in is a 403.
 */
export async function seatOf(ctx: AppContext, actor: Actor | GuestActor, sessionId: string): Promise<Seat> {
  const repo = sessionRepository(ctx.database.db);
  const current = await ctx.live.current(sessionId);
  if (!current) throw notFound("That session");
  let participantId: string | null = null;
  let adminWithoutSeat = false;
  if (actor.kind === "participant") {
    if (actor.sessionId !== sessionId) throw notFound("That session");
    participantId = actor.participantId;
  } else {
    const seat = await repo.participantOfUser(sessionId, actor.userId);
    if (seat) participantId = seat.id;
    else if (actor.orgId === current.orgId && hasRole(actor.role, "admin")) adminWithoutSeat = true;
    else throw notFound("That session");
  }
  if (adminWithoutSeat && actor.kind === "user") {
    const principal = await ctx.principals.get(actor.userId);
    return { sessionId, orgId: current.orgId, identity: `user-${actor.userId}`, displayName: principal?.user.name ?? "Admin", facilitator: true, state: current.state };
  }
  const p = participantId ? current.state.participants[participantId] : undefined;
  if (!p) throw notFound("That session");
  if (p.removed) throw forbidden("You are no longer in this session.");
  if (!p.admitted) throw forbidden("The facilitator has not let you in yet.");
  if (current.state.status === "ended") throw conflict("This session has ended.");
  return { sessionId, orgId: current.orgId, identity: p.id, displayName: p.displayName, facilitator: p.role !== "participant", state: current.state };
}
