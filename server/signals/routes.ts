import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IdParams } from "../../domain/api/common";
import { OrgSignalsSettings, SessionMood, SignalsConsentAnswer, SignalsConsentInput, SignalsSummary } from "../../domain/signals";
import type { AppContext } from "../context";
import { notFound, unauthenticated } from "../errors";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, requestOrigin, type ZApp } from "../http/types";
import { sessionService } from "../sessions/service";
import { signalsService } from "./service";

/** The face models ship inside the npm package; the studio serves them itself so no device talks to a CDN. */
export const HUMAN_MODELS_DIR = fileURLToPath(new URL("../../node_modules/@vladmandic/human/models/", import.meta.url));
const MODEL_FILE = /^[\w-]{1,64}\.(json|bin)$/;
/** TensorFlow.js's WebAssembly kernels, the version Human bundles; served so nothing comes from a CDN. */
export const TFJS_WASM_DIR = fileURLToPath(new URL("../../node_modules/@tensorflow/tfjs-backend-wasm/dist/", import.meta.url));
const WASM_FILES = new Set(["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"]);

export function signalsRoutes(app: ZApp, ctx: AppContext) {
  const signals = signalsService(ctx);
  const sessions = sessionService(ctx, ctx.live);
  const tags = ["signals"];

  app.get(
    "/api/sessions/:id/signals/consent",
    { config: { access: "participant" }, schema: { tags, summary: "My current choice of voice and face signals here, and what the organisation allows", params: IdParams, response: { 200: SignalsConsentAnswer, ...errorResponses } } },
    async (req) => {
      if (!req.actor) throw unauthenticated();
      const participantId = await signals.seatOf(req.actor, req.params.id);
      return signals.answer(req.params.id, participantId);
    },
  );

  app.post(
    "/api/sessions/:id/signals/consent",
    {
      config: { access: "participant" },
      schema: {
        tags,
        summary: "Choose voice and/or face signals for this session (an empty list: text only); recorded with the consent text's version",
        params: IdParams,
        body: SignalsConsentInput,
        response: { 200: SignalsConsentAnswer, ...errorResponses },
      },
    },
    async (req) => {
      if (!req.actor) throw unauthenticated();
      const participantId = await signals.seatOf(req.actor, req.params.id);
      return signals.consent(req.params.id, participantId, req.body.kinds);
    },
  );

  app.get(
    "/api/orgs/current/signals",
    { config: { access: "org.read" }, schema: { tags, summary: "Whether voice and face signals are allowed in the organisation", response: { 200: OrgSignalsSettings, ...errorResponses } } },
    async (req) => signals.orgSwitches(requireOrgActor(req).orgId),
  );

  app.put(
    "/api/orgs/current/signals",
    { config: { access: "settings.manage" }, schema: { tags, summary: "Allow or switch off voice and face signals for the whole organisation", body: OrgSignalsSettings, response: { 200: OrgSignalsSettings, ...errorResponses } } },
    async (req) => signals.setOrgSwitches(requireOrgActor(req).orgId, req.body),
  );

  app.get(
    "/api/sessions/:id/signals",
    { config: { access: "sessions.run" }, schema: { tags, summary: "After the session: group engagement per minute and each person's talk share", params: IdParams, response: { 200: SignalsSummary, ...errorResponses } } },
    async (req) => {
      await sessions.get(requireOrgActor(req), req.params.id, requestOrigin(req));
      return signals.summary(req.params.id);
    },
  );

  app.get(
    "/api/sessions/:id/signals/mood",
    { config: { access: "sessions.run" }, schema: { tags, summary: "Text valence over the session (no names) and the cards shown, with a nudge when the mood dropped", params: IdParams, response: { 200: SessionMood, ...errorResponses } } },
    async (req) => {
      await sessions.get(requireOrgActor(req), req.params.id, requestOrigin(req));
      return signals.mood(req.params.id);
    },
  );

  /** Files from an npm package the browser models need, served so nothing comes from a CDN. */
  const vendorFile = (route: string, dir: string, allowed: (file: string) => boolean, type: (file: string) => string) =>
    app.get(route, { schema: { hide: true } }, async (req, reply) => {
      const { file } = req.params as { file: string };
      if (!allowed(file)) throw notFound("That file");
      const path = join(dir, file);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw notFound("That file");
      return reply.type(type(file)).header("content-length", info.size).header("cache-control", "public, max-age=604800").send(createReadStream(path));
    });
  vendorFile("/vendor/human/models/:file", HUMAN_MODELS_DIR, (f) => MODEL_FILE.test(f), (f) => (f.endsWith(".json") ? "application/json" : "application/octet-stream"));
  vendorFile("/vendor/tfjs-wasm/:file", TFJS_WASM_DIR, (f) => WASM_FILES.has(f), () => "application/wasm");
}
