import type { FastifyBaseLogger } from "fastify";
import type { Redis } from "ioredis";
import type { Config } from "./config";
import type { Database } from "./db/client";
import type { TokenService } from "./auth/tokens";
import type { RateLimits } from "./http/rate-limit";
import type { Metrics } from "./http/metrics";
import type { Mailer } from "./lib/mailer";
import type { PrincipalCache } from "./auth/principals";
import type { LiveSessions } from "./sessions/live";

/** What feature modules are given: no globals, so tests can build as many apps as they like. */
export interface AppContext {
  config: Config;
  database: Database;
  tokens: TokenService;
  /** Signed-in people and their memberships, cached and invalidated on every change. */
  principals: PrincipalCache;
  limits: RateLimits;
  metrics: Metrics;
  mailer: Mailer;
  redis?: Redis;
  log: FastifyBaseLogger;
  /** The authoritative live sessions of this node. */
  live: LiveSessions;
  /** Work to finish before shutdown completes (background jobs register their drains here). */
  onClose: (fn: () => Promise<void> | void) => void;
}
