import type { TFunction } from "i18next";
import { ApiError } from "./api";

/**
 * The sentence to show for a failed call: the server's own message when it sent one
 * (it is specific, e.g. "transfer ownership first"), otherwise a translated one per code.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.hasServerMessage) return error.message;
    if (error.code === "rate_limited" && error.retryAfterSeconds !== undefined) {
      return t("errors.rate_limited_seconds", { seconds: error.retryAfterSeconds });
    }
    return t(`errors.${error.code}`, { defaultValue: t("errors.unknown") });
  }
  return t("errors.unknown");
}

/** The first message per field of an `invalid` answer. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    if (messages[0]) out[field] = messages[0];
  }
  return out;
}
