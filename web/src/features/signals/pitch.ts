/**
 * Fundamental frequency of a short frame by normalised autocorrelation, searched between
 * 70 and 500 Hz (speaking voices); null when the frame has no clear period.
 */
export function estimatePitch(samples: ArrayLike<number>, sampleRate: number): number | null {
  const n = samples.length;
  const minLag = Math.floor(sampleRate / 500);
  const maxLag = Math.min(n - 1, Math.floor(sampleRate / 70));
  let energy = 0;
  for (let i = 0; i < n; i++) energy += samples[i] * samples[i];
  if (energy < 1e-6 || maxLag <= minLag) return null;
  let bestLag = -1;
  let best = 0;
  for (let lag = minLag; lag <= maxLag; lag++) {
    let sum = 0;
    for (let i = 0; i + lag < n; i++) sum += samples[i] * samples[i + lag];
    const r = sum / energy;
    if (r > best) {
      best = r;
      bestLag = lag;
    }
  }
  return best > 0.45 && bestLag > 0 ? sampleRate / bestLag : null;
}
