import type { ErrorCode } from "../domain/api/common";

/** A failure the client can understand and act on; turned into the contract's error shape in one place. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalid = (message: string, details?: unknown) => new AppError(400, "invalid", message, details);
export const unauthenticated = (message = "Please sign in to continue.") => new AppError(401, "unauthenticated", message);
export const forbidden = (message = "You are not allowed to do this.") => new AppError(403, "forbidden", message);
export const notFound = (what = "The item") => new AppError(404, "not_found", `${what} was not found.`);
export const conflict = (message: string, details?: unknown) => new AppError(409, "conflict", message, details);
export const tooLarge = (message: string) => new AppError(413, "too_large", message);
export const unsupportedType = (message: string) => new AppError(415, "unsupported_type", message);
export const unprocessable = (message: string, details?: unknown) => new AppError(422, "unprocessable", message, details);
export const rateLimited = (retryAfterSeconds: number, message = "Too many requests. Please wait a moment and try again.") =>
  new AppError(429, "rate_limited", message, { retryAfterSeconds }, { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) });
export const unavailable = (message: string) => new AppError(503, "unavailable", message);
