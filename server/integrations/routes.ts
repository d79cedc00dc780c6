import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams } from "../../domain/api/common";
import { ConnectZoomInput, CreateZoomMeetingInput, SessionZoom, ZoomAvailability, ZoomConnection, ZoomMeeting, ZoomSdkSignature } from "../../domain/api/integrations";
import { MediaConnection, MediaTokenInput, TranscribeQuery, TranscriptionResult, TranscriptionStatus } from "../../domain/api/media";
import type { AppContext } from "../context";
import { conflict, invalid, unprocessable } from "../errors";
import { requireOrgActor } from "../http/auth-hook";
import { errorResponses, NoContent, requestOrigin, type ZApp } from "../http/types";
import { mediaConnection } from "./media";
import { seatOf } from "./seat";
import { transcriptionService } from "./transcription";
import { zoomService } from "./zoom/service";

const withClientErrors = { ...errorResponses, 422: errorResponses[400] } as const;
const OrgParams = z.object({ orgId: z.uuid() });
/** The SDK's join data; a facilitator's also carries the host's ZAK, which starting the meeting as host needs. */
const ZoomJoinData = ZoomSdkSignature.extend({
  zak: z.string().optional().describe("The host's Zoom Access Key, for facilitators only (role 1): the Meeting SDK's join needs it to start the meeting"),
});
/** About two minutes of Opus audio; captions send a few seconds at a time. */
const MAX_AUDIO_BYTES = 2 * 1024 * 1024;
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Audio and video connections (mesh or LiveKit), Zoom, and server-side transcription. */
export async function integrationRoutes(app: ZApp, ctx: AppContext) {
  const zoom = zoomService(ctx);
  const transcription = transcriptionService(ctx.config.transcription);
  ctx.onClose(() => transcription.close());

  app.post(
    "/api/sessions/:id/media/token",
    {
      config: { access: "participant" },
      schema: {
        tags: ["media"],
        summary: "How this person's browser joins the session's audio and video: mesh ICE servers, or a LiveKit room token for their room",
        params: IdParams,
        body: MediaTokenInput,
        response: { 200: MediaConnection, ...withClientErrors },
      },
    },
    async (req) => mediaConnection(ctx.config, await seatOf(ctx, req.actor!, req.params.id), req.body?.breakoutRoom),
  );

  app.get(
    "/api/media/transcription",
    { config: { access: "participant" }, schema: { tags: ["media"], summary: "Whether this server can transcribe speech, and why not", response: { 200: TranscriptionStatus, ...errorResponses } } },
    async () => transcription.status(),
  );

  // Audio arrives as the request body itself (a short recording from the person's microphone).
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(/^audio\/(webm|ogg|wav|x-wav|mp4|mpeg)(;.*)?$/, { parseAs: "buffer", bodyLimit: MAX_AUDIO_BYTES }, (_req, body, done) => done(null, body));
    scope.post(
      "/api/sessions/:id/media/transcribe",
      {
        config: { access: "participant" },
        schema: {
          tags: ["media"],
          summary: "Words from a short recording of the caller's own microphone (up to 2 MB), on this server's transcription engine; 409 when it has none",
          description: "The body is the recording itself, as audio/webm, audio/ogg, audio/wav, audio/mp4 or audio/mpeg. Nothing is stored: the text comes back to the caller, who shares it as a caption.",
          params: IdParams,
          querystring: TranscribeQuery,
          response: { 200: TranscriptionResult, ...withClientErrors },
        },
      },
      async (req) => {
        await seatOf(ctx, req.actor!, req.params.id);
        const engine = await transcription.engine();
        if (!engine) throw conflict((await transcription.status()).reason ?? "This server cannot transcribe speech.", { code: "transcription_unavailable" });
        const audio = req.body;
        if (!Buffer.isBuffer(audio) || audio.byteLength === 0) throw invalid("Send the recording as the request body, as audio/webm, audio/ogg, audio/wav, audio/mp4 or audio/mpeg.");
        const mimeType = (req.headers["content-type"] ?? "").split(";")[0].trim();
        try {
          const { text, language } = await engine.transcribe(new Uint8Array(audio.buffer, audio.byteOffset, audio.byteLength), { mimeType, language: req.query.language });
          return { text: text.trim().slice(0, 2000), language };
        } catch (err) {
          ctx.log.warn({ err }, "transcription failed");
          throw unprocessable("The recording could not be transcribed. Try a shorter or clearer recording.");
        }
      },
    );
  });

  app.get(
    "/api/orgs/current/zoom",
    { config: { access: "settings.manage" }, schema: { tags: ["organisations"], summary: "Whether Zoom is connected (credentials are never returned)", response: { 200: ZoomConnection, ...errorResponses } } },
    async (req) => zoom.view(requireOrgActor(req).orgId, requestOrigin(req)),
  );

  app.get(
    "/api/integrations/zoom",
    {
      config: { access: "sessions.run" },
      schema: { tags: ["integrations"], summary: "Whether the organisation can create Zoom meetings (for facilitators)", response: { 200: ZoomAvailability, ...errorResponses } },
    },
    async (req) => {
      const view = await zoom.view(requireOrgActor(req).orgId, requestOrigin(req));
      return { connected: view.connected, meetingSdk: view.meetingSdk };
    },
  );

  app.put(
    "/api/orgs/current/zoom",
    {
      config: { access: "settings.manage" },
      schema: {
        tags: ["organisations"],
        summary: "Connect the organisation's Zoom account (Server-to-Server OAuth); checked with Zoom, stored encrypted",
        body: ConnectZoomInput,
        response: { 200: ZoomConnection, ...withClientErrors },
      },
    },
    async (req) => zoom.connect(requireOrgActor(req), req.body, requestOrigin(req)),
  );

  app.delete(
    "/api/orgs/current/zoom",
    { config: { access: "settings.manage" }, schema: { tags: ["organisations"], summary: "Disconnect Zoom and forget its credentials", response: { 204: NoContent, ...errorResponses } } },
    async (req, reply) => {
      await zoom.disconnect(requireOrgActor(req).orgId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/api/sessions/:id/zoom",
    {
      config: { access: "sessions.run" },
      schema: {
        tags: ["sessions"],
        summary: "Create the session's Zoom meeting; its agenda carries the studio's join link and code",
        params: IdParams,
        body: CreateZoomMeetingInput,
        response: { 201: ZoomMeeting, ...withClientErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await zoom.createMeeting(requireOrgActor(req), req.params.id, req.body ?? {}, requestOrigin(req))),
  );

  app.get(
    "/api/sessions/:id/zoom",
    {
      config: { access: "participant" },
      schema: { tags: ["sessions"], summary: "The session's Zoom meeting: join link for everyone, start link for facilitators", params: IdParams, response: { 200: SessionZoom, ...withClientErrors } },
    },
    async (req) => zoom.forSeat(await seatOf(ctx, req.actor!, req.params.id)),
  );

  app.post(
    "/api/sessions/:id/zoom/sdk-signature",
    {
      config: { access: "participant" },
      schema: {
        tags: ["sessions"],
        summary: "A Zoom Meeting SDK signature for the session's meeting (host, with the host's ZAK, for facilitators)",
        params: IdParams,
        response: { 200: ZoomJoinData, ...withClientErrors },
      },
    },
    async (req) => zoom.sdkSignature(await seatOf(ctx, req.actor!, req.params.id)),
  );

  // Zoom signs the exact bytes it sent, so this route reads its body as text and parses it itself.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(
      "/api/integrations/zoom/webhook/:orgId",
      {
        config: { access: "public" },
        schema: {
          tags: ["integrations"],
          summary: "Zoom event deliveries for one organisation (signature-verified): URL validation and meeting events",
          params: OrgParams,
          response: { 200: z.union([z.object({ plainToken: z.string(), encryptedToken: z.string() }), z.object({ received: z.boolean() })]), ...withClientErrors },
        },
      },
      async (req) => {
        const raw = typeof req.body === "string" ? req.body : "";
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          throw invalid("The body must be JSON.");
        }
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw invalid("The body must be a JSON object.");
        const result = await zoom.webhook(req.params.orgId, { signature: header(req.headers["x-zm-signature"]), timestamp: header(req.headers["x-zm-request-timestamp"]) }, raw, parsed);
        if (result.kind === "validation") return result.answer;
        return { received: result.kind === "recorded" || result.kind === "duplicate" };
      },
    );
  });
}
