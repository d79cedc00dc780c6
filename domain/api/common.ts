import { z } from "zod";

/** Stable error codes of the public contract (shared/CONTRACT.md). */
export const ErrorCode = z.enum([
  "invalid",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "too_large",
  "unsupported_type",
  "unprocessable",
  "rate_limited",
  "unavailable",
  "internal",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });

export const Role = z.enum(["owner", "admin", "facilitator", "member"]);
export type Role = z.infer<typeof Role>;

/** Roles ordered from least to most powerful; policies compare by rank. */
export const ROLE_RANK: Record<Role, number> = { member: 0, facilitator: 1, admin: 2, owner: 3 };

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullish() });
