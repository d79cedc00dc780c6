import { POSITIVE_SIGNALS } from "./params";
import type { RecsRepository, Viewer } from "./repository";

/** Novelty looks back this far at what the person was shown. */
export const SEEN_WINDOW_MS = 3 * 86_400_000;
const MAX_VIEWERS = 5_000;
const MAX_SEEDS = 20;
// Another node may have shown this person cards too; memory is refreshed from the log this often.
const REFRESH_MS = 5 * 60_000;

interface Memory {
  loadedAt: number;
  seeds: string[];
  seen: Map<string, number>;
  /** Cards the person marked as not resonant: not suggested to them again until they say otherwise. */
  dismissed: Set<string>;
}

export const viewerKey = (v: Viewer) => (v.userId ? `u:${v.orgId}:${v.userId}` : `p:${v.participantId}`);

/**
 * What each person was shown lately and which cards they kept: read from the database once,
 * then kept up to date in memory as lists are shown and signals arrive, so a suggestion does
 * not query two logs every time.
 */
export class ViewerMemory {
  private readonly memories = new Map<string, Promise<Memory>>();

  constructor(private readonly repo: RecsRepository) {}

  private load(v: Viewer): Promise<Memory> {
    const key = viewerKey(v);
    const hit = this.memories.get(key);
    if (hit) {
      void hit.then((m) => {
        if (Date.now() - m.loadedAt > REFRESH_MS) this.memories.delete(key);
      });
      this.memories.delete(key);
      this.memories.set(key, hit);
      return hit;
    }
    const since = Date.now() - SEEN_WINDOW_MS;
    const loading = Promise.all([this.repo.recentPositives(v, MAX_SEEDS), this.repo.recentlyShown(v, new Date(since)), this.repo.recentDismissed(v)]).then(([seeds, shown, dismissed]) => ({
      loadedAt: Date.now(),
      seeds,
      seen: new Map(shown.map((id) => [id, Date.now()])),
      // A card kept again later is no longer dismissed.
      dismissed: new Set(dismissed.filter((id) => !seeds.includes(id))),
    }));
    this.memories.set(key, loading);
    loading.catch(() => this.memories.delete(key));
    while (this.memories.size > MAX_VIEWERS) this.memories.delete(this.memories.keys().next().value!);
    return loading;
  }

  async recall(v: Viewer): Promise<{ seeds: string[]; seen: Set<string>; dismissed: Set<string> }> {
    const m = await this.load(v);
    const cutoff = Date.now() - SEEN_WINDOW_MS;
    for (const [id, at] of m.seen) if (at < cutoff) m.seen.delete(id);
    return { seeds: [...m.seeds], seen: new Set(m.seen.keys()), dismissed: new Set(m.dismissed) };
  }

  noteShown(v: Viewer, cardIds: readonly string[]): void {
    void this.memories.get(viewerKey(v))?.then((m) => {
      for (const id of cardIds) m.seen.set(id, Date.now());
    });
  }

  noteSignal(v: Viewer, cardId: string, signal: string): Promise<void> | undefined {
    if (signal === "not-resonant") {
      return this.memories.get(viewerKey(v))?.then((m) => {
        m.dismissed.add(cardId);
      });
    }
    if (!POSITIVE_SIGNALS.has(signal)) return;
    return this.memories.get(viewerKey(v))?.then((m) => {
      m.dismissed.delete(cardId);
      m.seeds = [cardId, ...m.seeds.filter((id) => id !== cardId)].slice(0, MAX_SEEDS);
    });
  }
}
