/** Query keys in one place; organisation-scoped data carries the org id so a switch refetches. */
export const queryKeys = {
  me: ["me"] as const,
  members: (orgId: string) => ["org", orgId, "members"] as const,
  invitations: (orgId: string) => ["org", orgId, "invitations"] as const,
  invitation: (token: string) => ["invitation", token] as const,
};
