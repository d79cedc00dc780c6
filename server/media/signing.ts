import { createHmac } from "node:crypto";
import { deriveKey, safeEqual } from "../auth/tokens";

const HOUR = 3600;
/** A signed link stays valid at least this long (a session, a long workshop day). */
const MIN_VALID_SECONDS = 24 * HOUR;
/**
 * Expiries are rounded up to this step, so every request within the same window gets the
 * very same URL and the browser's image cache keeps working across page loads.
 */
const WINDOW_SECONDS = 6 * HOUR;

/**
 * Signs media URLs. `<img>` cannot send a Bearer token, so a private image is reachable only
 * through a URL carrying an expiry and an HMAC over the path and that expiry.
 */
export class MediaSigner {
  private readonly key: Uint8Array;
  constructor(secret: string) {
    this.key = deriveKey(secret, "media-url");
  }

  private mac(path: string, exp: number): string {
    return createHmac("sha256", this.key).update(`${path}\n${exp}`).digest("base64url");
  }

  /** `path` is the served path, e.g. `/media/files/<org>/<file>`. */
  sign(path: string, nowMs = Date.now()): string {
    const exp = Math.ceil((nowMs / 1000 + MIN_VALID_SECONDS) / WINDOW_SECONDS) * WINDOW_SECONDS;
    return `${path}?exp=${exp}&sig=${this.mac(path, exp)}`;
  }

  /** Seconds until expiry when valid, otherwise null. */
  verify(path: string, exp: string | undefined, sig: string | undefined, nowMs = Date.now()): number | null {
    if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return null;
    const expiry = Number(exp);
    const left = expiry - Math.floor(nowMs / 1000);
    if (left <= 0) return null;
    return safeEqual(this.mac(path, expiry), sig) ? left : null;
  }
}
