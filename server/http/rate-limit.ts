import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import { rateLimited } from "../errors";

export interface LimitSpec {
  points: number;
  durationSeconds: number;
  /** How long to refuse once the limit is met (defaults to the rest of the window). */
  blockSeconds?: number;
}

/**
 * Named limits sized for real use (a classroom behind one address must not be locked out).
 * With Redis the counters are shared by every node.
 */
export const LIMITS = {
  registerPerIp: { points: 200, durationSeconds: 3600 },
  loginPerIp: { points: 1000, durationSeconds: 900 },
  loginFailuresPerAccount: { points: 10, durationSeconds: 900, blockSeconds: 900 },
  joinPerCodeGuess: { points: 30, durationSeconds: 60 },
  joinFailuresPerIp: { points: 200, durationSeconds: 600 },
  apiPerCaller: { points: 6000, durationSeconds: 60 },
  coachPerCaller: { points: 120, durationSeconds: 60 },
  uploadsPerCaller: { points: 600, durationSeconds: 3600 },
} satisfies Record<string, LimitSpec>;
export type LimitName = keyof typeof LIMITS;

export class RateLimits {
  private readonly limiters = new Map<LimitName, RateLimiterAbstract>();
  constructor(
    private readonly enabled: boolean,
    redis?: Redis,
  ) {
    for (const [name, spec] of Object.entries(LIMITS) as [LimitName, LimitSpec][]) {
      const opts = { keyPrefix: `rl:${name}`, points: spec.points, duration: spec.durationSeconds, blockDuration: spec.blockSeconds ?? 0 };
      this.limiters.set(name, redis ? new RateLimiterRedis({ ...opts, storeClient: redis, useRedisPackage: false, insuranceLimiter: new RateLimiterMemory(opts) }) : new RateLimiterMemory(opts));
    }
  }

  /** Counts one use; throws the contract's 429 with Retry-After when the limit is met. */
  async consume(name: LimitName, key: string, points = 1): Promise<void> {
    if (!this.enabled) return;
    try {
      await this.limiters.get(name)!.consume(key, points);
    } catch (res) {
      if (res instanceof RateLimiterRes) throw rateLimited(res.msBeforeNext / 1000);
      throw res;
    }
  }

  /** Throws 429 if the key is already over its limit, without counting a use. */
  async check(name: LimitName, key: string): Promise<void> {
    if (!this.enabled) return;
    const limiter = this.limiters.get(name)!;
    const res = await limiter.get(key);
    if (res && res.consumedPoints >= limiter.points) throw rateLimited(res.msBeforeNext / 1000);
  }

  async reset(name: LimitName, key: string): Promise<void> {
    if (!this.enabled) return;
    await this.limiters.get(name)!.delete(key);
  }
}
