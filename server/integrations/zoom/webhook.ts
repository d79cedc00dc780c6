import { createHmac, timingSafeEqual } from "node:crypto";

/** Zoom signs each delivery within seconds of sending it; older ones are replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type SignatureCheck = "ok" | "missing" | "bad" | "stale";

export function zoomSignature(secret: string, timestamp: string, rawBody: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

/**
 * Zoom's v0 scheme: `x-zm-signature` is `v0=` + hex HMAC-SHA256 of `v0:{x-zm-request-timestamp}:{raw body}`
 * keyed with the app's webhook secret token; the timestamp is in seconds.
 */
export function verifyZoomSignature(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  rawBody: string,
  nowMs = Date.now(),
): SignatureCheck {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return "missing";
  if (!/^\d{9,11}$/.test(timestamp)) return "bad";
  const expected = Buffer.from(zoomSignature(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "bad";
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) return "stale";
  return "ok";
}

/** The answer to Zoom's `endpoint.url_validation` challenge. */
export function urlValidationAnswer(secret: string, plainToken: string) {
  return { plainToken, encryptedToken: createHmac("sha256", secret).update(plainToken).digest("hex") };
}
