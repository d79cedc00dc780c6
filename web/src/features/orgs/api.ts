import type { Invitation, InviteInput, Member, Org } from "../../../../domain/api/orgs";
import type { Role } from "../../../../domain/api/common";
import { api } from "../../lib/api";

export interface InviteResult {
  invitation: Invitation;
  link: string;
  emailed: boolean;
}

export const orgsApi = {
  create: (name: string) => api.post<Org>("/api/orgs", { name }),
  rename: (name: string) => api.patch<Org>("/api/orgs/current", { name }),
  members: () => api.get<{ items: Member[] }>("/api/orgs/current/members").then((r) => r.items),
  changeRole: (userId: string, role: Role) => api.patch<Member>(`/api/orgs/current/members/${userId}`, { role }),
  removeMember: (userId: string) => api.del(`/api/orgs/current/members/${userId}`),
  /** Leaving is its own action: removing others is for owners only. */
  leave: () => api.post<void>("/api/orgs/current/leave"),
  invitations: () => api.get<{ items: Invitation[] }>("/api/orgs/current/invitations").then((r) => r.items),
  invite: (input: InviteInput) => api.post<InviteResult>("/api/orgs/current/invitations", input),
  revokeInvitation: (id: string) => api.del(`/api/orgs/current/invitations/${id}`),
};
