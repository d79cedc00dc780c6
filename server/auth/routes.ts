import type { FastifyReply, FastifyRequest } from "fastify";
import { AuthResult, LoginInput, RefreshResult, RegisterInput } from "../../domain/api/auth";
import type { AppContext } from "../context";
import { errorResponses, NoContent, type ZApp } from "../http/types";
import { authService, type IssuedTokens } from "./service";

export const REFRESH_COOKIE = "pyou_rt";
const COOKIE_PATH = "/api/auth";

function isSecure(req: FastifyRequest, ctx: AppContext): boolean {
  return req.protocol === "https" || (ctx.config.publicUrl?.startsWith("https://") ?? false);
}

export function setRefreshCookie(reply: FastifyReply, req: FastifyRequest, ctx: AppContext, tokens: IssuedTokens) {
  reply.setCookie(REFRESH_COOKIE, tokens.refreshToken, {
    httpOnly: true,
    sameSite: "strict",
    secure: isSecure(req, ctx),
    path: COOKIE_PATH,
    expires: tokens.refreshExpiresAt,
  });
}

export function clearRefreshCookie(reply: FastifyReply, req: FastifyRequest, ctx: AppContext) {
  reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: "strict", secure: isSecure(req, ctx) });
}

export function authRoutes(app: ZApp, ctx: AppContext) {
  const auth = authService(ctx);

  app.post(
    "/api/auth/register",
    { config: { access: "public" }, schema: { tags: ["auth"], summary: "Create an account", body: RegisterInput, response: { 201: AuthResult, ...errorResponses } } },
    async (req, reply) => {
      const { user, tokens } = await auth.register(req.body, req.ip);
      setRefreshCookie(reply, req, ctx, tokens);
      return reply.code(201).send({ user, accessToken: tokens.accessToken });
    },
  );

  app.post(
    "/api/auth/login",
    { config: { access: "public" }, schema: { tags: ["auth"], summary: "Sign in", body: LoginInput, response: { 200: AuthResult, ...errorResponses } } },
    async (req, reply) => {
      const { user, tokens } = await auth.login(req.body, req.ip);
      setRefreshCookie(reply, req, ctx, tokens);
      return { user, accessToken: tokens.accessToken };
    },
  );

  app.post(
    "/api/auth/refresh",
    { config: { access: "public" }, schema: { tags: ["auth"], summary: "Exchange the refresh cookie for a new access token (rotates the cookie)", response: { 200: RefreshResult, ...errorResponses } } },
    async (req, reply) => {
      try {
        const tokens = await auth.refresh(req.cookies[REFRESH_COOKIE]);
        setRefreshCookie(reply, req, ctx, tokens);
        return { accessToken: tokens.accessToken };
      } catch (err) {
        clearRefreshCookie(reply, req, ctx);
        throw err;
      }
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { access: "public" }, schema: { tags: ["auth"], summary: "Sign out this device (revokes the refresh token)", response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      await auth.logout(req.cookies[REFRESH_COOKIE]);
      clearRefreshCookie(reply, req, ctx);
      return reply.code(204).send(null);
    },
  );
}
