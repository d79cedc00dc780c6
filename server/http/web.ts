import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * The embedded Zoom call's page (web/zoom-embed, built into <dist>/zoom-embed) runs Zoom's
 * Meeting SDK, which talks to Zoom's servers, runs its media code from blob: workers and shows
 * Zoom's images and sounds; only the studio's own pages may frame it.
 */
export const ZOOM_EMBED_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "frame-ancestors 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data: https://zoom.us https://*.zoom.us wss://*.zoom.us https://*.zoomgov.com wss://*.zoomgov.com",
  "img-src 'self' data: blob: https:",
  "media-src 'self' data: blob: https:",
  "font-src 'self' data: https:",
  "style-src 'self' 'unsafe-inline'",
  "frame-src 'self' https://*.zoom.us",
].join("; ");

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html never is,
 * so a deploy is picked up on the next load. Unknown non-API paths get the app (client routing).
 */
export async function installWeb(app: FastifyInstance, webDist: string): Promise<void> {
  const hasBuild = existsSync(join(webDist, "index.html"));
  const zoomEmbed = join(webDist, "zoom-embed") + sep;
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      setHeaders(res, path) {
        if (path.includes(`${join(webDist, "assets")}`) || path.startsWith(join(zoomEmbed, "assets"))) res.header("cache-control", "public, max-age=31536000, immutable");
        else res.header("cache-control", "no-cache");
        if (path.startsWith(zoomEmbed)) res.header("content-security-policy", ZOOM_EMBED_CSP);
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split("?")[0];
    const isApi = path.startsWith("/api/") || path === "/api" || path.startsWith("/socket.io") || path.startsWith("/media/") || path === "/metrics";
    if (!isApi && (req.method === "GET" || req.method === "HEAD") && !/\.[a-z0-9]{1,8}$/i.test(path)) {
      if (hasBuild) return reply.header("cache-control", "no-cache").sendFile("index.html");
      return reply
        .code(503)
        .type("text/plain; charset=utf-8")
        .send("The web app has not been built yet. Run `npm start` (it builds it) or `npm run build`.");
    }
    return reply.code(404).send({ error: { code: "not_found", message: `Nothing at ${req.method} ${path}.` } });
  });
}
