import type { UpdateProfileInput, User } from "../../../../domain/api/auth";
import { api } from "../../lib/api";

export const profileApi = {
  update: (input: UpdateProfileInput) => api.patch<{ user: User }>("/api/me", input, { org: false }),
  deleteAccount: (password: string) => api.del("/api/me", { password }, { org: false }),
};
