import { api } from "../../lib/api";

// The API client keeps its access token private; the live connection and the QR image need
// it as a raw value, so they get one from the refresh endpoint and reuse it for a while.
const REUSE_MS = 60_000;
let cached: { token: string; at: number } | null = null;

export async function userToken(options: { fresh?: boolean } = {}): Promise<string | null> {
  if (!options.fresh && cached && Date.now() - cached.at < REUSE_MS) return cached.token;
  const token = await api.refresh();
  cached = token ? { token, at: Date.now() } : null;
  return token;
}
