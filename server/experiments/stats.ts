import { createHash } from "node:crypto";

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion: unlike the normal approximation it stays inside
 * 0..1 and behaves with few exposures or rates near 0 or 1, which is where early A/B tests live.
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): { low: number; high: number } | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  // At 0 or all successes the bound is exactly 0 or 1; floating point would leave 0.9999….
  return { low: successes === 0 ? 0 : Math.max(0, centre - half), high: successes === trials ? 1 : Math.min(1, centre + half) };
}

/**
 * A stable point in [0, 1) for this unit in this experiment: the same person always lands in
 * the same arm (on every node, after restarts), and different experiments split independently.
 */
export function bucketOf(experimentId: string, unitId: string): number {
  const h = createHash("sha256").update(`${experimentId}:${unitId}`).digest();
  return h.readUInt32BE(0) / 2 ** 32;
}

export function assignArm<T extends { key: string; weight: number }>(experimentId: string, unitId: string, arms: readonly T[]): T {
  const total = arms.reduce((s, a) => s + a.weight, 0);
  let point = bucketOf(experimentId, unitId) * total;
  for (const arm of arms) {
    if (point < arm.weight) return arm;
    point -= arm.weight;
  }
  return arms[arms.length - 1];
}
