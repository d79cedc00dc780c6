import type { ZApp } from "../http/types";

let counter = 0;

export interface SignedUp {
  user: { id: string; email: string; name: string };
  token: string;
  orgId: string;
  cookie: string;
  headers: Record<string, string>;
}

export function uniqueEmail(prefix = "person"): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

export const PASSWORD = "correct horse battery";

export function refreshCookieOf(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const c = list.find((v) => v.startsWith("pyou_rt="));
  if (!c) throw new Error("no refresh cookie set");
  return c.split(";")[0];
}

/** Registers a person through the API, as the web app does, and returns what a client would hold. */
export async function signUp(app: ZApp, overrides: { email?: string; name?: string; password?: string; invitationToken?: string } = {}): Promise<SignedUp> {
  const email = overrides.email ?? uniqueEmail();
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/register",
    payload: { email, password: overrides.password ?? PASSWORD, name: overrides.name ?? "Test Person", invitationToken: overrides.invitationToken },
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { user: SignedUp["user"]; accessToken: string };
  const me = await app.inject({ method: "GET", url: "/api/me", headers: { authorization: `Bearer ${body.accessToken}` } });
  const memberships = (me.json() as { memberships: { org: { id: string } }[] }).memberships;
  const orgId = memberships[0]?.org.id ?? "";
  return {
    user: body.user,
    token: body.accessToken,
    orgId,
    cookie: refreshCookieOf(res.headers["set-cookie"]),
    headers: { authorization: `Bearer ${body.accessToken}`, ...(orgId ? { "x-org-id": orgId } : {}) },
  };
}

/** Invites an email into the signed-up person's organisation with a role and returns the link's token. */
export async function invite(app: ZApp, by: SignedUp, email: string, role: "admin" | "facilitator" | "member"): Promise<string> {
  const res = await app.inject({ method: "POST", url: "/api/orgs/current/invitations", headers: by.headers, payload: { email, role } });
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { link: string }).link.split("/invite/")[1];
}

/** A person who belongs to `owner`'s organisation with `role` (through a real invitation). */
export async function memberOf(app: ZApp, owner: SignedUp, role: "admin" | "facilitator" | "member"): Promise<SignedUp> {
  const email = uniqueEmail(role);
  const token = await invite(app, owner, email, role);
  const person = await signUp(app, { email, invitationToken: token });
  return { ...person, orgId: owner.orgId, headers: { authorization: `Bearer ${person.token}`, "x-org-id": owner.orgId } };
}
