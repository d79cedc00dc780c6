import type { LearnedArtifact } from "./learning";
import { NEGATIVE_SIGNALS, POSITIVE_SIGNALS } from "./params";
import { emptyModel, servingModelOf, type ServingModel } from "./ranking";
import type { ModelRow, RecsRepository } from "./repository";

export type Embed = (texts: string[]) => Promise<number[][]>;

/** Which learned model an organisation is served from: its own, or the shared one it opted into. */
export type ScopeKey = `org:${string}` | "shared";
export const scopeKeyOf = (orgId: string, shared: boolean): ScopeKey => (shared ? "shared" : `org:${orgId}`);

export interface Served {
  key: ScopeKey;
  model: ServingModel;
  row: ModelRow | undefined;
}

const SETTINGS_TTL_MS = 10_000;
/** How often a node asks whether another node trained a newer version. */
const RELOAD_CHECK_MS = 5 * 60_000;

export function versionLabel(row: Pick<ModelRow, "scope" | "version"> | undefined): string {
  if (!row) return "cold-start";
  return row.scope === "shared" ? `shared-v${row.version}` : `v${row.version}`;
}

/**
 * The models this node serves from, one per scope, each with Beta counts that learn online: a
 * signal or a shown list updates the counts at once, and a retrain replaces the whole model.
 * Nothing from one organisation's scope is ever read for another's.
 */
export class ModelStore {
  private readonly models = new Map<ScopeKey, Promise<Served>>();
  private readonly resolved = new Map<ScopeKey, Served>();
  private readonly pinned = new Map<string, Promise<Served | undefined>>();
  private readonly sharedFlag = new Map<string, { at: number; value: Promise<boolean> }>();
  private readonly checkedAt = new Map<ScopeKey, number>();

  constructor(
    private readonly repo: RecsRepository,
    private readonly embed: Embed,
  ) {}

  /** Whether the organisation opted into the shared model (orgs.settings.sharedModel), cached briefly. */
  usesShared(orgId: string): Promise<boolean> {
    const hit = this.sharedFlag.get(orgId);
    if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value;
    const value = this.repo.orgSettings(orgId).then((s) => s.sharedModel === true);
    value.catch(() => this.sharedFlag.delete(orgId));
    if (!hit) {
      this.sharedFlag.set(orgId, { at: Date.now(), value });
      return value;
    }
    // Stale: serve the last answer while the fresh one loads (an opt-in here is applied at once by forgetOrg).
    hit.at = Date.now();
    void value.then((fresh) => this.sharedFlag.set(orgId, { at: Date.now(), value: Promise.resolve(fresh) })).catch(() => undefined);
    return hit.value;
  }

  async serving(orgId: string): Promise<Served> {
    const key = scopeKeyOf(orgId, await this.usesShared(orgId));
    let found = this.models.get(key);
    if (!found) {
      found = this.load(key);
      this.models.set(key, found);
      this.checkedAt.set(key, Date.now());
      found.then((s) => this.resolved.set(key, s)).catch(() => this.models.delete(key));
    } else if (Date.now() - (this.checkedAt.get(key) ?? 0) > RELOAD_CHECK_MS) {
      this.checkedAt.set(key, Date.now());
      void this.reloadIfNewer(key);
    }
    return found;
  }

  /** Another node may have trained: serve its version from the next request, without waiting for it now. */
  private async reloadIfNewer(key: ScopeKey): Promise<void> {
    const current = this.resolved.get(key);
    if (!current) return;
    const latest = await this.repo.latestModel(key === "shared" ? "shared" : "org", key === "shared" ? null : key.slice(4)).catch(() => undefined);
    if (latest && latest.version !== current.row?.version) this.replace(key);
  }

  /** An older version, for an experiment arm that pins one; it serves without online updates. */
  version(orgId: string, shared: boolean, version: number): Promise<Served | undefined> {
    const key = `${scopeKeyOf(orgId, shared)}#${version}`;
    let found = this.pinned.get(key);
    if (!found) {
      found = this.repo.modelVersion(shared ? "shared" : "org", shared ? null : orgId, version).then(async (row) => (row ? { key: scopeKeyOf(orgId, shared), model: await this.fromRow(row), row } : undefined));
      this.pinned.set(key, found);
    }
    return found;
  }

  private async fromRow(row: ModelRow): Promise<ServingModel> {
    const artifact = row.artifact as unknown as LearnedArtifact;
    const vectors = artifact.topics.length ? await this.embed(artifact.topics.map((t) => t.text)) : [];
    return servingModelOf(row.name, versionLabel(row), artifact, vectors.map((v) => Float32Array.from(v)));
  }

  /** The latest stored model plus every signal since its window closed (other nodes' too). */
  private async load(key: ScopeKey): Promise<Served> {
    const shared = key === "shared";
    const orgId = shared ? null : key.slice(4);
    const row = await this.repo.latestModel(shared ? "shared" : "org", orgId);
    const model = row ? await this.fromRow(row) : emptyModel();
    const orgIds = shared ? await this.repo.sharedModelOrgs() : [orgId!];
    const since = row?.trainedTo;
    for (const s of await this.repo.signals(orgIds, since)) applySignal(model, s.cardId, s.signal);
    for (const [id, n] of await this.repo.shownCounts(orgIds, since)) bump(model, id).shown += n;
    return { key, model, row };
  }

  /** A signal learned at once by every loaded model that may learn from this organisation. */
  async recordSignal(orgId: string, cardId: string, signal: string): Promise<void> {
    for (const served of await this.scopesOf(orgId)) applySignal(served.model, cardId, signal);
  }

  async recordShown(orgId: string, cardIds: readonly string[]): Promise<void> {
    for (const served of await this.scopesOf(orgId)) for (const id of cardIds) bump(served.model, id).shown += 1;
  }

  /** Loaded models fed by this organisation: its own, and the shared one only if it opted in. */
  private async scopesOf(orgId: string): Promise<Served[]> {
    const out: Served[] = [];
    const own = this.resolved.get(`org:${orgId}`);
    if (own) out.push(own);
    const shared = this.resolved.get("shared");
    if (shared && (await this.usesShared(orgId))) out.push(shared);
    return out;
  }

  /** A new model was trained (here or on another node): serve it from the next request. */
  replace(key: ScopeKey): void {
    this.models.delete(key);
    this.resolved.delete(key);
  }

  forgetOrg(orgId: string): void {
    this.sharedFlag.delete(orgId);
    this.replace(`org:${orgId}`);
    this.replace("shared");
  }

  loadedKeys(): ScopeKey[] {
    return [...this.resolved.keys()];
  }
}

function bump(model: ServingModel, cardId: string) {
  let c = model.counts.get(cardId);
  if (!c) model.counts.set(cardId, (c = { pos: 0, neg: 0, shown: 0 }));
  return c;
}

function applySignal(model: ServingModel, cardId: string, signal: string): void {
  if (POSITIVE_SIGNALS.has(signal)) bump(model, cardId).pos += 1;
  else if (NEGATIVE_SIGNALS.has(signal)) bump(model, cardId).neg += 1;
}
