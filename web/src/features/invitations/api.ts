import type { InvitationPreview } from "../../../../domain/api/orgs";
import type { Membership } from "../../../../domain/api/auth";
import { api } from "../../lib/api";

export const fetchInvitation = (token: string) =>
  api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`, { auth: false });

export const acceptInvitation = (token: string) =>
  api.post<Membership>(`/api/invitations/${encodeURIComponent(token)}/accept`, undefined, { org: false });
