import { DeleteAccountInput, MeResult, UpdateProfileInput, User } from "../../domain/api/auth";
import { z } from "zod";
import type { AppContext } from "../context";
import { REFRESH_COOKIE, clearRefreshCookie } from "../auth/routes";
import { requireUser } from "../http/auth-hook";
import { errorResponses, NoContent, type ZApp } from "../http/types";
import { userService } from "./service";

export function userRoutes(app: ZApp, ctx: AppContext) {
  const users = userService(ctx);

  app.get(
    "/api/me",
    { config: { access: "user" }, schema: { tags: ["account"], summary: "The signed-in person and their organisations", response: { 200: MeResult, ...errorResponses } } },
    async (req) => users.me(requireUser(req).userId),
  );

  app.patch(
    "/api/me",
    { config: { access: "user" }, schema: { tags: ["account"], summary: "Change name, email or password", body: UpdateProfileInput, response: { 200: z.object({ user: User }), ...errorResponses } } },
    async (req) => users.update(requireUser(req).userId, req.body, req.cookies[REFRESH_COOKIE]),
  );

  app.delete(
    "/api/me",
    { config: { access: "user" }, schema: { tags: ["account"], summary: "Delete the account and its personal data", body: DeleteAccountInput, response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      await users.deleteAccount(requireUser(req).userId, req.body.password);
      clearRefreshCookie(reply, req, ctx);
      return reply.code(204).send(null);
    },
  );
}
