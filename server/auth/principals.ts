import { asc, eq } from "drizzle-orm";
import type { Redis } from "ioredis";
import type { Role } from "../../domain/api/common";
import type { Db } from "../db/client";
import { memberships, orgs, users } from "../db/schema";

export interface Principal {
  user: { id: string; email: string; name: string; createdAt: string };
  memberships: { org: { id: string; name: string }; role: Role }[];
}

const CHANNEL = "pyou:principal-invalidate";
// Another node's change reaches this one by Redis at once; the TTL only bounds a lost message.
const TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

/**
 * Who a signed-in person is and where they belong, kept in memory because every authenticated
 * request needs it. Every write to users or memberships invalidates the entry (and tells the
 * other nodes when Redis joins them), so a role change takes effect on the next request.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { value: Principal | null; at: number }>();
  private readonly loading = new Map<string, Promise<Principal | null>>();
  private subscriber?: Redis;

  constructor(
    private readonly db: Db,
    private readonly redis?: Redis,
  ) {}

  async start(): Promise<void> {
    if (!this.redis) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on("error", () => undefined);
    await this.subscriber.subscribe(CHANNEL);
    this.subscriber.on("message", (_channel, message: string) => this.dropLocal(message));
  }

  async stop(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }

  async get(userId: string): Promise<Principal | null> {
    const hit = this.entries.get(userId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    let pending = this.loading.get(userId);
    if (!pending) {
      pending = this.load(userId).finally(() => this.loading.delete(userId));
      this.loading.set(userId, pending);
    }
    return pending;
  }

  private async load(userId: string): Promise<Principal | null> {
    const [userRows, memberRows] = await Promise.all([
      this.db.select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt }).from(users).where(eq(users.id, userId)).limit(1),
      this.db
        .select({ id: orgs.id, name: orgs.name, role: memberships.role })
        .from(memberships)
        .innerJoin(orgs, eq(orgs.id, memberships.orgId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.createdAt), asc(memberships.orgId)),
    ]);
    const u = userRows[0];
    const value: Principal | null = u
      ? { user: { id: u.id, email: u.email, name: u.name, createdAt: u.createdAt.toISOString() }, memberships: memberRows.map((m) => ({ org: { id: m.id, name: m.name }, role: m.role })) }
      : null;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(userId, { value, at: Date.now() });
    return value;
  }

  private dropLocal(key: string) {
    if (key.startsWith("org:")) {
      const orgId = key.slice(4);
      for (const [userId, entry] of this.entries) if (entry.value?.memberships.some((m) => m.org.id === orgId)) this.entries.delete(userId);
    } else {
      this.entries.delete(key);
    }
  }

  /** After a change to this person (profile, memberships, deletion). */
  async invalidateUser(userId: string): Promise<void> {
    this.dropLocal(userId);
    await this.redis?.publish(CHANNEL, userId).catch(() => undefined);
  }

  /** After a change every member of the organisation sees (its name, its deletion). */
  async invalidateOrg(orgId: string): Promise<void> {
    this.dropLocal(`org:${orgId}`);
    await this.redis?.publish(CHANNEL, `org:${orgId}`).catch(() => undefined);
  }
}
