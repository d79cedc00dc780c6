import { createHash, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";

/** Separate keys per purpose, derived from the one SECRET_KEY, so a leak of one use does not expose another. */
export function deriveKey(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", secret, "points-of-you-studio", purpose, 32));
}

export interface AccessClaims {
  sub: string;
  typ: "access";
}
export interface ParticipantClaims {
  sub: string;
  typ: "participant";
  sid: string;
}

export class TokenService {
  private readonly accessKey: Uint8Array;
  constructor(
    secret: string,
    private readonly accessTtlSeconds: number,
  ) {
    this.accessKey = deriveKey(secret, "access-token");
  }

  signAccess(userId: string): Promise<string> {
    return new SignJWT({ typ: "access" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.accessTtlSeconds}s`)
      .sign(this.accessKey);
  }

  /** Participant tokens last as long as a session might: a guest's phone may sleep for hours. */
  signParticipant(participantId: string, sessionId: string): Promise<string> {
    return new SignJWT({ typ: "participant", sid: sessionId })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(participantId)
      .setIssuedAt()
      .setExpirationTime("7d")
      .sign(this.accessKey);
  }

  /**
   * Tokens already verified, until they expire: a client presents the same token on every
   * request, and checking its signature again is most of an authenticated read's cost.
   */
  private readonly verified = new Map<string, { claims: AccessClaims | ParticipantClaims; expMs: number }>();

  /** Returns the claims, or null for anything invalid or expired (callers answer 401). */
  async verify(token: string): Promise<AccessClaims | ParticipantClaims | null> {
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.expMs > Date.now()) return hit.claims;
      this.verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, this.accessKey, { algorithms: ["HS256"] });
      if (typeof payload.sub !== "string") return null;
      let claims: AccessClaims | ParticipantClaims | null = null;
      if (payload.typ === "access") claims = { sub: payload.sub, typ: "access" };
      else if (payload.typ === "participant" && typeof payload.sid === "string") claims = { sub: payload.sub, typ: "participant", sid: payload.sid };
      if (claims && typeof payload.exp === "number") {
        if (this.verified.size >= 20_000) this.verified.delete(this.verified.keys().next().value!);
        this.verified.set(token, { claims, expMs: payload.exp * 1000 });
      }
      return claims;
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return null;
      throw err;
    }
  }
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a sign-in around tens of milliseconds on a small server.
const ARGON = { algorithm: 2 as Algorithm /* Argon2id; the enum is ambient-const */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Spends the same effort as a real check, so an unknown email answers as slowly as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-" + randomBytes(8).toString("hex"));
  await verifyPassword(await dummyHash, password);
}
