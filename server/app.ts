import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import fastifyCookie from "@fastify/cookie";
import fastifyCompress from "@fastify/compress";
import fastifyHelmet from "@fastify/helmet";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { Redis } from "ioredis";
import { z } from "zod";
import type { Config } from "./config";
import type { AppContext } from "./context";
import type { Access } from "./policies";
import { openDatabase, type Database } from "./db/client";
import { TokenService } from "./auth/tokens";
import { PrincipalCache } from "./auth/principals";
import { LiveSessions } from "./sessions/live";
import { sessionRepository } from "./sessions/repository";
import { installAuth } from "./http/auth-hook";
import { installErrorHandling } from "./http/error-handler";
import { createMetrics, installMetrics } from "./http/metrics";
import { RateLimits } from "./http/rate-limit";
import type { ZApp } from "./http/types";
import { installWeb } from "./http/web";
import { createMailer } from "./lib/mailer";
import { features } from "./features";

export interface BuildOptions {
  config: Config;
  /** An already-open database (tests pass one made from a migrated template). */
  database?: Database;
  logger?: boolean;
}

export interface Built {
  app: ZApp;
  ctx: AppContext;
  /** Every API route's declared access, keyed "METHOD /path" as in the OpenAPI document. */
  routeAccess: Map<string, Access>;
}

export async function buildApp(opts: BuildOptions): Promise<Built> {
  const { config } = opts;
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel, redact: ["req.headers.authorization", "req.headers.cookie"] },
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON (and multipart where a route says so); anything else is a clear 415.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });

  const closers: (() => Promise<void> | void)[] = [];
  const database = opts.database ?? (await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false }) : undefined;
  redis?.on("error", (err) => app.log.warn({ err: err.message }, "redis connection problem"));
  const metrics = createMetrics();
  const ctx: AppContext = {
    config,
    database,
    tokens: new TokenService(config.secretKey, config.accessTokenTtlSeconds),
    principals: new PrincipalCache(database.db, redis),
    limits: new RateLimits(config.rateLimits, redis),
    metrics,
    mailer: createMailer(config.smtpUrl, config.smtpFrom, app.log),
    redis,
    log: app.log,
    live: new LiveSessions(sessionRepository(database.db)),
    onClose: (fn) => void closers.push(fn),
  };

  await ctx.principals.start();
  closers.push(() => ctx.principals.stop());
  closers.push(() => ctx.live.stop());
  installErrorHandling(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "connect-src": ["'self'", "ws:", "wss:"],
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "worker-src": ["'self'", "blob:"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: { title: "Points of You AI Studio API", version: config.version },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs", uiConfig: { deepLinking: true } });

  // Every API route must say who may call it; a route that forgets fails at boot, not in production.
  const routeAccess = new Map<string, Access>();
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`Route ${route.method} ${route.url} does not declare its access policy`);
    for (const m of [route.method].flat()) routeAccess.set(`${m} ${route.url}`, access);
  });
  installAuth(app, ctx);
  installMetrics(app, metrics);

  let ready = false;
  app.get(
    "/api/health",
    {
      config: { access: "public", rateLimit: false },
      schema: {
        tags: ["system"],
        summary: "Ready when the database is migrated",
        response: { 200: z.object({ status: z.literal("ok"), db: z.enum(["pglite", "postgres"]), version: z.string() }), 503: z.object({ status: z.string() }) },
      },
    },
    async (_req, reply) => (ready ? { status: "ok" as const, db: database.engine, version: config.version } : reply.code(503).send({ status: "starting" })),
  );
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () => app.swagger());

  for (const feature of features) await feature(app, ctx);
  await installWeb(app, config.webDist);

  app.addHook("onClose", async () => {
    for (const fn of closers.reverse()) await fn();
    ctx.mailer.close();
    if (redis) await redis.quit().catch(() => undefined);
    if (!opts.database) await database.close();
  });
  await app.ready();
  ready = true;
  return { app, ctx, routeAccess };
}
