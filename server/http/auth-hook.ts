import type { FastifyInstance, FastifyRequest } from "fastify";
import { and, asc, eq } from "drizzle-orm";
import type { Role } from "../../domain/api/common";
import { memberships, orgs } from "../db/schema";
import type { AppContext } from "../context";
import { forbidden, invalid, unauthenticated } from "../errors";
import { assertAccess, type Access, type Actor, type GuestActor } from "../policies";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | GuestActor | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation a request acts in: the X-Org-Id header, or the first membership. */
async function resolveOrg(ctx: AppContext, userId: string, header: string | undefined): Promise<{ orgId: string | null; role: Role | null }> {
  const db = ctx.database.db;
  if (header !== undefined) {
    if (!UUID.test(header)) throw invalid("X-Org-Id must be an organisation id.");
    const rows = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.orgId, header)))
      .limit(1);
    if (!rows[0]) throw forbidden("You are not a member of that organisation.");
    return { orgId: header, role: rows[0].role };
  }
  const rows = await db
    .select({ orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.orgId))
    .limit(1);
  return rows[0] ? { orgId: rows[0].orgId, role: rows[0].role } : { orgId: null, role: null };
}

export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(.+)$/i.exec(h);
  if (!m) throw unauthenticated("The Authorization header must be 'Bearer <token>'.");
  return m[1].trim();
}

/**
 * Authenticates, resolves the organisation and checks the route's declared access before
 * the body is even parsed, so a caller without the right learns nothing from validation.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (req) => {
    const access = req.routeOptions.config?.access;
    if (access === undefined) return; // static files and unmatched routes
    const token = bearerToken(req);
    if (token) {
      const claims = await ctx.tokens.verify(token);
      if (!claims) throw unauthenticated("Your sign-in has expired. Please sign in again.");
      if (claims.typ === "access") {
        const orgHeader = req.headers["x-org-id"];
        const { orgId, role } = await resolveOrg(ctx, claims.sub, Array.isArray(orgHeader) ? orgHeader[0] : orgHeader);
        req.actor = { kind: "user", userId: claims.sub, orgId, role };
      } else {
        req.actor = { kind: "participant", participantId: claims.sub, sessionId: claims.sid };
      }
    }
    assertAccess(access, req.actor);
    const caller = req.actor ? (req.actor.kind === "user" ? req.actor.userId : req.actor.participantId) : req.ip;
    await ctx.limits.consume("apiPerCaller", caller);
  });
}

export function requireUser(req: FastifyRequest): Actor {
  if (!req.actor || req.actor.kind !== "user") throw unauthenticated();
  return req.actor;
}

export function requireOrgActor(req: FastifyRequest): Actor & { orgId: string; role: Role } {
  const actor = requireUser(req);
  if (!actor.orgId || !actor.role) throw forbidden("You are not a member of any organisation.");
  return actor as Actor & { orgId: string; role: Role };
}
