import { randomInt } from "node:crypto";
import type { Figure } from "../../domain/api/analytics";

/** A figure describing fewer people than this is withheld on the organisation dashboard. */
export const MIN_GROUP_SIZE = 5;

/** Uniform in (0, 1) from the system's CSPRNG, so noise cannot be predicted from Math.random's state. */
function uniformOpen(): number {
  return (randomInt(1, 2 ** 47) + 0.5) / 2 ** 47;
}

/**
 * Laplace(0, b) noise with b = sensitivity / ε: mean 0, variance 2b². A count changes by at
 * most 1 when one person is added or removed, so sensitivity 1 gives ε-differential privacy
 * per released count.
 */
export function laplaceNoise(epsilon: number, sensitivity = 1, uniform: () => number = uniformOpen): number {
  const b = sensitivity / epsilon;
  const u = uniform() - 0.5;
  return -b * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

export interface PrivacyRules {
  /** Withhold figures over fewer than MIN_GROUP_SIZE people. */
  suppressSmallGroups: boolean;
  /** Add Laplace noise to counts with this ε; null adds none. */
  epsilon: number | null;
}

export const OPEN: PrivacyRules = { suppressSmallGroups: false, epsilon: null };

/**
 * Turns a true value into what the dashboard may show. `people` is how many people the
 * figure is about; the threshold is checked on the true number (it is never shown), and
 * noise is rounded and floored at zero afterwards, which costs no privacy.
 */
export function protect(value: number, people: number, rules: PrivacyRules, kind: "count" | "measure" = "count"): Figure {
  if (rules.suppressSmallGroups && people < MIN_GROUP_SIZE) return { value: null, suppressed: true };
  if (kind === "count" && rules.epsilon !== null) return { value: Math.max(0, Math.round(value + laplaceNoise(rules.epsilon))), suppressed: false };
  return { value, suppressed: false };
}
