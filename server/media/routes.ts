import { createHash } from "node:crypto";
import { z } from "zod";
import { defaultArtSpec, renderCardArt } from "../../content/index";
import type { AppContext } from "../context";
import type { ZApp } from "../http/types";
import { fileKey, mediaFor, SERVED_FILE } from "./index";

// An SVG opened directly is a document: forbid scripts, plugins and outside loads, whatever it holds.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
const ART_MAX_AGE = 30 * 24 * 3600;

const DefaultArtParams = z.object({ file: z.string().max(80) });
const FileParams = z.object({ orgId: z.uuid(), file: z.string().max(80) });
const SignedQuery = z.object({ exp: z.string().max(20).optional(), sig: z.string().max(100).optional() });

const notFoundBody = (what: string) => ({ error: { code: "not_found", message: `${what} was not found.` } });

/**
 * Image routes live outside /api: browsers load them with `<img>`, which sends no Bearer
 * token, so they carry no access policy. Default art is public; uploaded images need a
 * signed URL. Neither counts against the per-caller API limit (a deck view loads dozens).
 */
export function mediaRoutes(app: ZApp, ctx: AppContext) {
  const { storage, signer } = mediaFor(ctx);
  const artCache = new Map<string, { svg: string; etag: string }>();

  app.get("/media/default/:file", { schema: { hide: true, params: DefaultArtParams } }, async (req, reply) => {
    const id = /^([0-9a-f-]{36})\.svg$/.exec(req.params.file)?.[1];
    // renderCardArt draws any seed; only the default deck's own cards are served here.
    if (!id || !defaultArtSpec(id)) return reply.code(404).send(notFoundBody("This picture"));
    let art = artCache.get(id);
    if (!art) {
      const svg = renderCardArt(id);
      art = { svg, etag: `"${createHash("sha256").update(svg).digest("base64url").slice(0, 22)}"` };
      artCache.set(id, art);
    }
    reply
      .header("cache-control", `public, max-age=${ART_MAX_AGE}`)
      .header("etag", art.etag)
      .header("content-security-policy", SVG_CSP)
      .header("x-content-type-options", "nosniff");
    if (req.headers["if-none-match"] === art.etag) return reply.code(304).send();
    return reply.type("image/svg+xml; charset=utf-8").send(art.svg);
  });

  app.get("/media/files/:orgId/:file", { schema: { hide: true, params: FileParams, querystring: SignedQuery } }, async (req, reply) => {
    const m = SERVED_FILE.exec(req.params.file);
    const path = `/media/files/${req.params.orgId}/${req.params.file}`;
    const left = m ? signer.verify(path, req.query.exp, req.query.sig) : null;
    // One answer for "unknown", "expired" and "forged": a guessed URL learns nothing.
    if (!m || left === null) return reply.code(404).send(notFoundBody("This image"));
    const data = await storage.get(fileKey(`cards/${req.params.orgId}/${m[1]}`, m[2] as "web" | "thumb"));
    if (!data) return reply.code(404).send(notFoundBody("This image"));
    return reply
      .header("cache-control", `private, max-age=${Math.min(left, 86_400)}`)
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("x-content-type-options", "nosniff")
      .type("image/webp")
      .send(data);
  });
}
