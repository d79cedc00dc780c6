import type { Role } from "../../../domain/api/common";

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium" }).format(date);
}

/** Kept local (not the domain's ROLE_RANK) so pages do not pull the schema library into the bundle. */
export const canManageOrg = (role: Role | undefined): boolean => role === "owner" || role === "admin";
export const ROLES: readonly Role[] = ["owner", "admin", "facilitator", "member"];
export const INVITABLE_ROLES: readonly Exclude<Role, "owner">[] = ["admin", "facilitator", "member"];
