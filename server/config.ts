import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/**
 * The only place that reads process.env. Everything is validated once at boot, so a
 * misconfigured node refuses to start with a message rather than failing later.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must start with redis:// or rediss://").optional(),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,60}$/, "QUEUE_PREFIX is a short name of letters, digits, ':', '_' or '-'").default("pyou"),
  SECRET_KEY: z.string().min(32, "SECRET_KEY must be at least 32 characters").optional(),
  PUBLIC_URL: z.url("PUBLIC_URL must be a URL such as https://studio.example.org").optional(),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  SMTP_FROM: z.string().default("Points of You AI Studio <no-reply@localhost>"),
  AI_PROVIDER: z.enum(["builtin", "openai", "anthropic"]).default("builtin"),
  AI_BASE_URL: z.url("AI_BASE_URL must be a URL").optional(),
  AI_API_KEY: z.string().optional(),
  AI_MODEL: z.string().optional(),
  AI_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  WEB_DIST: z.string().optional(),
  LIVEKIT_URL: z.string().regex(/^(wss?|https?):\/\//, "LIVEKIT_URL must start with wss://, ws://, https:// or http://").optional(),
  LIVEKIT_API_KEY: z.string().optional(),
  LIVEKIT_API_SECRET: z.string().optional(),
  LIVEKIT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(6 * 3600),
  ICE_SERVERS: z.string().optional(),
  ZOOM_API_URL: z.url("ZOOM_API_URL must be a URL").default("https://api.zoom.us/v2"),
  ZOOM_OAUTH_URL: z.url("ZOOM_OAUTH_URL must be a URL").default("https://zoom.us/oauth/token"),
  ZOOM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  TRANSCRIBE_MODEL: z.string().optional(),
  TRANSCRIBE_ENGINE: z.string().optional(),
});

/** One STUN or TURN server as browsers take it (RTCIceServer). */
const IceServerSchema = z.object({
  urls: z.union([z.string().regex(/^(stuns?|turns?):/, "ICE server urls start with stun:, stuns:, turn: or turns:"), z.array(z.string().regex(/^(stuns?|turns?):/)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServerSchema>;

function parseIceServers(raw: string | undefined): IceServer[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError("Configuration is invalid:\n  ICE_SERVERS: must be JSON, e.g. [{\"urls\":\"stun:stun.example.org:3478\"}]");
  }
  const parsed = z.array(IceServerSchema).max(10).safeParse(json);
  if (!parsed.success) throw new ConfigError(`Configuration is invalid:\n  ICE_SERVERS: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

export type Config = Readonly<{
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  /** Prefix of the background job queues' keys in Redis, so several studios can share one Redis. */
  queuePrefix: string;
  secretKey: string;
  publicUrl?: string;
  smtpUrl?: string;
  smtpFrom: string;
  ai: { provider: "builtin" | "openai" | "anthropic"; baseUrl?: string; apiKey?: string; model?: string; timeoutMs: number };
  logLevel: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  rateLimits: boolean;
  trustProxy: boolean;
  webDist: string;
  version: string;
  /** LiveKit for larger rooms; absent means the browsers connect to each other (mesh). */
  livekit?: { url: string; apiKey: string; apiSecret: string; tokenTtlSeconds: number };
  iceServers: IceServer[];
  zoom: { apiUrl: string; oauthUrl: string; timeoutMs: number };
  transcription: { model?: string; engine?: string };
}>;

export class ConfigError extends Error {}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** Generated once and kept beside the data, so tokens and stored keys survive restarts. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, "secret.key");
  if (existsSync(file)) {
    const value = readFileSync(file, "utf8").trim();
    if (value.length >= 32) return value;
  }
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(48).toString("base64url");
  writeFileSync(file, value + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return value;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (DATABASE_URL= in a .env file) means "not set", not "invalid".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Configuration is invalid:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.AI_PROVIDER !== "builtin" && !e.AI_MODEL) {
    throw new ConfigError(`Configuration is invalid:\n  AI_MODEL: required when AI_PROVIDER is ${e.AI_PROVIDER}`);
  }
  if (e.AI_PROVIDER === "openai" && !e.AI_BASE_URL && !e.AI_API_KEY) {
    throw new ConfigError("Configuration is invalid:\n  AI_BASE_URL or AI_API_KEY: needed when AI_PROVIDER is openai");
  }
  if (e.AI_PROVIDER === "anthropic" && !e.AI_API_KEY) {
    throw new ConfigError("Configuration is invalid:\n  AI_API_KEY: required when AI_PROVIDER is anthropic");
  }
  const livekitParts = [e.LIVEKIT_URL, e.LIVEKIT_API_KEY, e.LIVEKIT_API_SECRET];
  if (livekitParts.some(Boolean) && !livekitParts.every(Boolean)) {
    throw new ConfigError("Configuration is invalid:\n  LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET: set all three, or none");
  }
  const iceServers = parseIceServers(e.ICE_SERVERS);
  const dataDir = resolve(e.DATA_DIR);
  const secretKey = e.SECRET_KEY ?? loadOrCreateSecret(dataDir);
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    secretKey,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ""),
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    ai: { provider: e.AI_PROVIDER, baseUrl: e.AI_BASE_URL, apiKey: e.AI_API_KEY, model: e.AI_MODEL, timeoutMs: e.AI_TIMEOUT_MS },
    logLevel: e.LOG_LEVEL,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    rateLimits: e.RATE_LIMITS === "on",
    trustProxy: e.TRUST_PROXY === "true",
    webDist: resolve(e.WEB_DIST ?? new URL("../web/dist", import.meta.url).pathname),
    version: readVersion(),
    livekit:
      e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET
        ? { url: e.LIVEKIT_URL, apiKey: e.LIVEKIT_API_KEY, apiSecret: e.LIVEKIT_API_SECRET, tokenTtlSeconds: e.LIVEKIT_TOKEN_TTL_SECONDS }
        : undefined,
    iceServers,
    zoom: { apiUrl: e.ZOOM_API_URL.replace(/\/$/, ""), oauthUrl: e.ZOOM_OAUTH_URL, timeoutMs: e.ZOOM_TIMEOUT_MS },
    transcription: { model: e.TRANSCRIBE_MODEL, engine: e.TRANSCRIBE_ENGINE },
  });
}
