import { z } from "zod";
import { Email, Membership } from "./auth";
import { Role } from "./common";

export const OrgName = z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");

export const Org = z.object({ id: z.uuid(), name: z.string(), createdAt: z.string() });
export type Org = z.infer<typeof Org>;

export const CreateOrgInput = z.object({ name: OrgName });
export const UpdateOrgInput = z.object({ name: OrgName });

export const Member = z.object({
  user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
  role: Role,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

/** Roles an invitation or a role change may grant; ownership is not handed out by invitation. */
export const AssignableRole = z.enum(["admin", "facilitator", "member"]);
export const OwnerAssignableRole = Role;

export const UpdateMemberInput = z.object({ role: Role });

export const InviteInput = z.object({ email: Email, role: AssignableRole });
export type InviteInput = z.infer<typeof InviteInput>;

export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: Role,
  createdAt: z.string(),
  expiresAt: z.string(),
  invitedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

export const InviteResult = z.object({
  invitation: Invitation,
  /** Always returned so the inviter can copy it, whether or not email is configured. */
  link: z.string(),
  emailed: z.boolean(),
});

export const InvitationPreview = z.object({
  org: z.object({ id: z.uuid(), name: z.string() }),
  email: z.string(),
  role: Role,
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const TokenParams = z.object({ token: z.string().min(10).max(200) });
export const UserIdParams = z.object({ userId: z.uuid() });

export const AcceptInvitationResult = Membership;
