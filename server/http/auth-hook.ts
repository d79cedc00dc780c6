import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Role } from "../../domain/api/common";
import type { Principal } from "../auth/principals";
import type { AppContext } from "../context";
import { forbidden, invalid, unauthenticated } from "../errors";
import { assertAccess, type Access, type Actor, type GuestActor } from "../policies";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | GuestActor | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Health checks and metrics are polled by machines and must never be limited. */
    rateLimit?: false;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation a request acts in: the X-Org-Id header, or the first membership. */
function resolveOrg(principal: Principal, header: string | undefined): { orgId: string | null; role: Role | null } {
  if (header !== undefined) {
    if (!UUID.test(header)) throw invalid("X-Org-Id must be an organisation id.");
    const m = principal.memberships.find((x) => x.org.id === header.toLowerCase());
    if (!m) throw forbidden("You are not a member of that organisation.");
    return { orgId: m.org.id, role: m.role };
  }
  const first = principal.memberships[0];
  return first ? { orgId: first.org.id, role: first.role } : { orgId: null, role: null };
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
        const principal = await ctx.principals.get(claims.sub);
        if (!principal) throw unauthenticated("This account no longer exists.");
        const orgHeader = req.headers["x-org-id"];
        const { orgId, role } = resolveOrg(principal, Array.isArray(orgHeader) ? orgHeader[0] : orgHeader);
        req.actor = { kind: "user", userId: claims.sub, orgId, role };
      } else {
        req.actor = { kind: "participant", participantId: claims.sub, sessionId: claims.sid };
      }
    }
    assertAccess(access, req.actor);
    if (req.routeOptions.config?.rateLimit === false) return;
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
