import type { DashboardRepository } from "./dashboard-repository";

/**
 * Reflection embeddings kept in memory. A reflection's words and embedding never change once
 * its session's facts are written, and reading 240 vectors of 512 numbers is most of a
 * dashboard's database time, so each is read once and then only the newly ended sessions'
 * reflections are. Float32 halves the memory of a JavaScript array: 10,000 vectors ≈ 20 MB.
 */
export function reflectionVectors(dash: Pick<DashboardRepository, "embeddings">, capacity = 10_000) {
  const kept = new Map<string, Float32Array>();

  return {
    async of(keys: string[]): Promise<Map<string, number[]>> {
      const missing = keys.filter((k) => !kept.has(k));
      if (missing.length) {
        for (const [k, v] of await dash.embeddings(missing)) kept.set(k, Float32Array.from(v));
        while (kept.size > capacity) kept.delete(kept.keys().next().value as string);
      }
      const out = new Map<string, number[]>();
      for (const k of keys) {
        const v = kept.get(k);
        if (!v) continue;
        // Least recently used first out: a hit moves to the back.
        kept.delete(k);
        kept.set(k, v);
        out.set(k, Array.from(v));
      }
      return out;
    },
    get size() {
      return kept.size;
    },
  };
}
