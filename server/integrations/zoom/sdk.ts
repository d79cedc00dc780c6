import { SignJWT } from "jose";

/** A Meeting SDK signature lasts two hours, the longest Zoom accepts is 48. */
const SIGNATURE_SECONDS = 2 * 3600;

/**
 * The Meeting SDK's join signature: an HS256 JWT signed with the SDK secret, with `appKey`
 * (the SDK key), `mn` (meeting number), `role` (1 host, 0 attendee), `iat`, `exp` and
 * `tokenExp`. The SDK key goes in `appKey` only: since 5.0 the SDK requires `appKey` and warns
 * that the older `sdkKey` claim is deprecated.
 */
export async function meetingSdkSignature(sdkKey: string, sdkSecret: string, meetingNumber: string, role: 0 | 1, nowMs = Date.now()) {
  // Issued a little in the past so a client whose clock runs slow does not see a future token.
  const iat = Math.floor(nowMs / 1000) - 30;
  const exp = iat + SIGNATURE_SECONDS;
  const signature = await new SignJWT({ appKey: sdkKey, mn: meetingNumber, role, iat, exp, tokenExp: exp })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(sdkSecret));
  return { signature, expiresAt: new Date(exp * 1000).toISOString() };
}
