import { z } from "zod";
import { Role } from "./common";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email address is too long")
  .pipe(z.email({ message: "Enter a valid email address" }));

export const Password = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const DisplayName = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const User = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const RegisterInput = z.object({
  email: Email,
  password: Password,
  name: DisplayName,
  /** Joining through an invitation skips creating a personal organisation. */
  invitationToken: z.string().min(10).max(200).optional(),
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z.object({
  email: Email,
  password: z.string().min(1, "Enter your password").max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const AuthResult = z.object({ user: User, accessToken: z.string() });
export type AuthResult = z.infer<typeof AuthResult>;

export const RefreshResult = z.object({ accessToken: z.string() });

export const OrgRef = z.object({ id: z.uuid(), name: z.string() });
export const Membership = z.object({ org: OrgRef, role: Role });
export type Membership = z.infer<typeof Membership>;

export const MeResult = z.object({ user: User, memberships: z.array(Membership) });
export type MeResult = z.infer<typeof MeResult>;

export const UpdateProfileInput = z
  .object({
    name: DisplayName.optional(),
    email: Email.optional(),
    newPassword: Password.optional(),
    /** Required when the email or the password changes. */
    currentPassword: z.string().max(200).optional(),
  })
  .refine((v) => v.name !== undefined || v.email !== undefined || v.newPassword !== undefined, {
    message: "Nothing to change",
  });
export type UpdateProfileInput = z.infer<typeof UpdateProfileInput>;

export const DeleteAccountInput = z.object({ password: z.string().min(1, "Enter your password").max(200) });
