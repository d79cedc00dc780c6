import type { AiSettings, UpdateAiSettingsInput } from "../../domain/api/coach";
import { decryptCredential, encryptCredential, type ProviderName, type ProviderSettings } from "../ai/providers/index";
import type { AppContext } from "../context";
import { coachRepository } from "./repository";

/** How an organisation's choice is kept in `orgs.settings.ai`; the key only ever encrypted. */
interface StoredAi {
  provider: ProviderName;
  baseUrl?: string;
  model?: string;
  apiKeySealed?: string;
}

function readStored(settings: Record<string, unknown>): StoredAi | null {
  const ai = settings.ai as Partial<StoredAi> | undefined;
  if (!ai || (ai.provider !== "builtin" && ai.provider !== "openai" && ai.provider !== "anthropic")) return null;
  return { provider: ai.provider, baseUrl: ai.baseUrl, model: ai.model, apiKeySealed: ai.apiKeySealed };
}

/** Settings are read on every coach turn and change rarely; other nodes see a change within this time. */
const CACHE_MS = 10_000;
const caches = new WeakMap<AppContext, Map<string, { at: number; value: ProviderSettings }>>();

export function aiSettingsService(ctx: AppContext) {
  const repo = coachRepository(ctx.database.db);
  const server = ctx.config.ai;
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new Map()));
  const cached = cache;

  return {
    /** The settings a turn runs with: the organisation's own when it chose any, else the server's. */
    async providerSettings(orgId: string | null): Promise<ProviderSettings> {
      const hit = orgId ? cached.get(orgId) : undefined;
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
      const value = await this.readProviderSettings(orgId);
      if (orgId) cached.set(orgId, { at: Date.now(), value });
      return value;
    },

    async readProviderSettings(orgId: string | null): Promise<ProviderSettings> {
      const stored = orgId ? readStored(await repo.orgSettings(orgId)) : null;
      if (!stored) return { provider: server.provider, baseUrl: server.baseUrl, model: server.model, apiKey: server.apiKey, timeoutMs: server.timeoutMs };
      const apiKey = stored.apiKeySealed ? (decryptCredential(ctx.config.secretKey, stored.apiKeySealed, orgId!) ?? undefined) : undefined;
      return { provider: stored.provider, baseUrl: stored.baseUrl, model: stored.model, apiKey, timeoutMs: server.timeoutMs };
    },

    async view(orgId: string): Promise<AiSettings> {
      const stored = readStored(await repo.orgSettings(orgId));
      if (!stored) return { provider: server.provider, baseUrl: server.baseUrl ?? null, model: server.model ?? null, hasApiKey: Boolean(server.apiKey), source: "server" };
      return { provider: stored.provider, baseUrl: stored.baseUrl ?? null, model: stored.model ?? null, hasApiKey: Boolean(stored.apiKeySealed), source: "organisation" };
    },

    /** A missing apiKey keeps the stored one (the form never sees it); an empty one removes it. */
    async update(orgId: string, input: UpdateAiSettingsInput): Promise<AiSettings> {
      const previous = readStored(await repo.orgSettings(orgId));
      let apiKeySealed = previous?.apiKeySealed;
      if (input.apiKey !== undefined) apiKeySealed = input.apiKey.trim() ? encryptCredential(ctx.config.secretKey, input.apiKey.trim(), orgId) : undefined;
      const next: StoredAi =
        input.provider === "builtin" ? { provider: "builtin" } : { provider: input.provider, baseUrl: input.baseUrl, model: input.model, ...(apiKeySealed ? { apiKeySealed } : {}) };
      await repo.setOrgSetting(orgId, "ai", next);
      cached.delete(orgId);
      return this.view(orgId);
    },

    async reset(orgId: string): Promise<AiSettings> {
      await repo.setOrgSetting(orgId, "ai", undefined);
      cached.delete(orgId);
      return this.view(orgId);
    },
  };
}
