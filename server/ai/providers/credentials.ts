import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { deriveKey } from "../../auth/tokens";

const VERSION = "v1";

/**
 * Provider keys at rest: AES-256-GCM with a key derived for this purpose only, a fresh
 * 96-bit nonce per value, and the organisation id as associated data so a stored key cannot
 * be copied into another organisation's settings and still decrypt.
 */
export function encryptCredential(secretKey: string, plain: string, context: string): string {
  const key = deriveKey(secretKey, "stored-credentials");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** The stored key, or null when it was tampered with or the secret changed. */
export function decryptCredential(secretKey: string, sealed: string, context: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(secretKey, "stored-credentials"), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
