import { ROLE_RANK, type Role } from "../domain/api/common";
import { forbidden, unauthenticated } from "./errors";

/**
 * Who may do what, in one table. Every API route names one of these (or "public"/"user"
 * /"participant"), and a route without one fails at boot. Finer rules that depend on a
 * record (the facilitator of this session, the author of this deck) live in services and
 * call the helpers below.
 */
export const ORG_POLICIES = {
  "org.read": "member",
  "org.update": "admin",
  "members.list": "member",
  "members.changeRole": "owner",
  "members.remove": "owner",
  "org.leave": "member",
  "invitations.manage": "admin",
  "content.read": "member",
  "content.write": "facilitator",
  "sessions.read": "member",
  "sessions.run": "facilitator",
  "coach.use": "member",
  "analytics.own": "facilitator",
  "analytics.org": "admin",
  "settings.manage": "admin",
  "experiments.manage": "admin",
} as const satisfies Record<string, Role>;

export type OrgPolicy = keyof typeof ORG_POLICIES;
/** "public": anyone; "user": any signed-in person, no organisation needed; "participant": a user or a session guest. */
export type Access = "public" | "user" | "participant" | OrgPolicy;

export interface Actor {
  kind: "user";
  userId: string;
  orgId: string | null;
  role: Role | null;
}
export interface GuestActor {
  kind: "participant";
  participantId: string;
  sessionId: string;
}

export function hasRole(role: Role | null, needed: Role): boolean {
  return role !== null && ROLE_RANK[role] >= ROLE_RANK[needed];
}

export function requiredRole(access: Access): Role | null {
  return access in ORG_POLICIES ? ORG_POLICIES[access as OrgPolicy] : null;
}

/** Throws the contract's 401/403 when the actor may not use a route with this access. */
export function assertAccess(access: Access, actor: Actor | GuestActor | null): void {
  if (access === "public") return;
  if (!actor) throw unauthenticated();
  if (access === "participant") return;
  if (actor.kind !== "user") throw forbidden("Guests of a session cannot do this. Sign in with an account.");
  if (access === "user") return;
  const needed = requiredRole(access)!;
  if (!actor.orgId) throw forbidden("You are not a member of any organisation.");
  if (!hasRole(actor.role, needed)) throw forbidden(`This needs the ${needed} role or higher in this organisation.`);
}

export function assertOrgRole(actor: Actor, needed: Role, message?: string): void {
  if (!hasRole(actor.role, needed)) throw forbidden(message);
}
