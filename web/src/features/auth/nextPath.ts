/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeNextPath(raw: string | null, fallback = "/home"): string {
  if (!raw || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  return raw;
}
