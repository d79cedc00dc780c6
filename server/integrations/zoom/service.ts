import type { ConnectZoomInput, SessionZoom, ZoomConnection, ZoomMeeting, ZoomRecordEvent } from "../../../domain/api/integrations";
import type { Role } from "../../../domain/api/common";
import { decryptCredential, encryptCredential } from "../../ai/providers/index";
import type { AppContext } from "../../context";
import { AppError, conflict, invalid, notFound, rateLimited, unauthenticated, unprocessable } from "../../errors";
import type { Actor } from "../../policies";
import { sessionService } from "../../sessions/service";
import type { Seat } from "../seat";
import { ZoomClient, ZoomFailure, type ZoomCredentials } from "./client";
import { zoomRepository, type ZoomConnectionRow, type ZoomMeetingRow } from "./repository";
import { meetingSdkSignature } from "./sdk";
import { urlValidationAnswer, verifyZoomSignature } from "./webhook";

type OrgActor = Actor & { orgId: string; role: Role };

const RECORDED_EVENTS = new Set<ZoomRecordEvent["event"]>(["meeting.started", "meeting.ended", "meeting.participant_joined", "meeting.participant_left"]);

/** One client per app, so cached tokens are shared by every request on this node. */
const clients = new WeakMap<AppContext, ZoomClient>();
export function zoomClientOf(ctx: AppContext): ZoomClient {
  let c = clients.get(ctx);
  if (!c) clients.set(ctx, (c = new ZoomClient(ctx.config.zoom)));
  return c;
}

/** A Zoom failure as the studio's client sees it: never a 5xx, always what to do next. */
export function zoomError(err: unknown): unknown {
  if (!(err instanceof ZoomFailure)) return err;
  if (err.kind === "rate_limited") return rateLimited(err.retryAfterSeconds ?? 10, `${err.message} Try again in a moment.`);
  if (err.kind === "rejected") return new AppError(422, "zoom_rejected", `${err.message} An admin can reconnect Zoom in the organisation settings.`);
  return new AppError(422, "zoom_unavailable", `${err.message} Try again in a moment.`);
}

export function agendaFor(joinUrl: string, joinCode: string): string {
  return [
    "Cards and reflections for this meeting are on the studio's table.",
    `Open ${joinUrl} on your phone or in a second tab and join with the code ${joinCode}.`,
  ].join("\n");
}

interface WebhookBody {
  event?: unknown;
  event_ts?: unknown;
  payload?: {
    plainToken?: unknown;
    account_id?: unknown;
    object?: {
      id?: unknown;
      uuid?: unknown;
      start_time?: unknown;
      end_time?: unknown;
      participant?: { user_name?: unknown; user_id?: unknown; participant_uuid?: unknown; id?: unknown; join_time?: unknown; leave_time?: unknown };
    };
  };
}

function isoOr(value: unknown, fallback: Date): Date {
  if (typeof value !== "string") return fallback;
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t) : fallback;
}

export function zoomService(ctx: AppContext) {
  const repo = zoomRepository(ctx.database.db);
  const client = zoomClientOf(ctx);
  const secret = ctx.config.secretKey;
  const origin = (requestOrigin: string) => ctx.config.publicUrl ?? requestOrigin;
  const seal = (plain: string, orgId: string) => encryptCredential(secret, plain, `zoom:${orgId}`);
  const open = (sealed: string, orgId: string) => decryptCredential(secret, sealed, `zoom:${orgId}`);

  function credentialsOf(row: ZoomConnectionRow): ZoomCredentials {
    const clientSecret = open(row.clientSecretSealed, row.orgId);
    if (clientSecret === null) throw unprocessable("The stored Zoom credentials can no longer be read (the server's secret changed). An admin can reconnect Zoom.");
    return { accountId: row.accountId, clientId: row.clientId, clientSecret };
  }

  /**
   * The host's ZAK for the organisation's meetings. The studio creates them with
   * `POST /users/me/meetings`, so their host is `me`, the account's user the app acts as; the
   * meeting record keeps no other host. A failure says so plainly (422 zoom_host_token, with
   * Zoom's reason in `details.reason`); the facilitator still has the start link.
   */
  async function hostZak(connection: ZoomConnectionRow, sessionId: string): Promise<string> {
    try {
      return await client.hostZak(credentialsOf(connection), "me");
    } catch (err) {
      if (!(err instanceof ZoomFailure)) throw err;
      ctx.log.warn({ err: err.message, status: err.status, sessionId }, "zoom host token not given");
      const reason = err.kind === "rejected" ? `${err.message} The Zoom app needs the scope user:read:token:admin (older apps: user:read:admin).` : err.message;
      throw new AppError(422, "zoom_host_token", `Zoom did not give a host token: ${reason}`, { reason, zoomStatus: err.status });
    }
  }

  function presentMeeting(row: ZoomMeetingRow, facilitator: boolean, meetingSdk: boolean): ZoomMeeting {
    return {
      meetingId: row.meetingId,
      joinUrl: row.joinUrl,
      startUrl: facilitator ? open(row.startUrlSealed, row.orgId) : null,
      password: row.password,
      agenda: row.agenda,
      meetingSdk,
      createdAt: row.createdAt.toISOString(),
    };
  }

  return {
    async view(orgId: string, requestOrigin: string): Promise<ZoomConnection> {
      const row = await repo.connection(orgId);
      return {
        connected: Boolean(row),
        meetingSdk: Boolean(row?.sdkKey && row.sdkSecretSealed),
        connectedAt: row?.connectedAt.toISOString() ?? null,
        webhookUrl: `${origin(requestOrigin)}/api/integrations/zoom/webhook/${orgId}`,
      };
    },

    /** Checks the credentials with Zoom (a token is requested) before keeping them, sealed. */
    async connect(actor: OrgActor, input: ConnectZoomInput, requestOrigin: string): Promise<ZoomConnection> {
      const creds = { accountId: input.accountId, clientId: input.clientId, clientSecret: input.clientSecret };
      const previous = await repo.connection(actor.orgId);
      if (previous) {
        const old = open(previous.clientSecretSealed, previous.orgId);
        if (old !== null) client.forget({ accountId: previous.accountId, clientId: previous.clientId, clientSecret: old });
      }
      try {
        await client.accessToken(creds);
      } catch (err) {
        throw zoomError(err);
      }
      await repo.saveConnection({
        orgId: actor.orgId,
        accountId: input.accountId,
        clientId: input.clientId,
        clientSecretSealed: seal(input.clientSecret, actor.orgId),
        webhookSecretSealed: seal(input.webhookSecretToken, actor.orgId),
        sdkKey: input.sdkKey || null,
        sdkSecretSealed: input.sdkSecret ? seal(input.sdkSecret, actor.orgId) : null,
        connectedBy: actor.userId,
      });
      return this.view(actor.orgId, requestOrigin);
    },

    async disconnect(orgId: string) {
      const row = await repo.connection(orgId);
      if (!row) throw notFound("A Zoom connection");
      const old = open(row.clientSecretSealed, orgId);
      if (old !== null) client.forget({ accountId: row.accountId, clientId: row.clientId, clientSecret: old });
      await repo.removeConnection(orgId);
    },

    /** Creates the session's Zoom meeting; the session itself never depends on Zoom answering. */
    async createMeeting(actor: OrgActor, sessionId: string, input: { durationMinutes?: number }, requestOrigin: string): Promise<ZoomMeeting> {
      const sessions = sessionService(ctx, ctx.live);
      const { row: session } = await sessions.forFacilitator(actor, sessionId);
      if (session.status === "ended") throw conflict("This session has ended.");
      const connection = await repo.connection(session.orgId);
      if (!connection) throw unprocessable("Zoom is not connected for this organisation. An admin can connect it in the organisation settings.");
      if (await repo.meetingOfSession(sessionId)) throw conflict("This session already has a Zoom meeting.");
      const joinUrl = `${origin(requestOrigin)}/join/${session.joinCode}`;
      const agenda = agendaFor(joinUrl, session.joinCode);
      const startsLater = session.scheduledAt && session.scheduledAt.getTime() > Date.now();
      let created;
      try {
        created = await client.createMeeting(credentialsOf(connection), {
          topic: session.title,
          agenda,
          startTime: startsLater ? session.scheduledAt!.toISOString().replace(/\.\d{3}Z$/, "Z") : undefined,
          durationMinutes: input.durationMinutes,
        });
      } catch (err) {
        ctx.log.warn({ err: (err as Error).message, sessionId }, "zoom meeting not created");
        throw zoomError(err);
      }
      const saved = await repo.saveMeeting({
        sessionId,
        orgId: session.orgId,
        meetingId: String(created.id),
        joinUrl: created.join_url,
        startUrlSealed: seal(created.start_url, session.orgId),
        password: created.password ?? null,
        agenda,
      });
      if (!saved) throw conflict("This session already has a Zoom meeting.");
      const row = (await repo.meetingOfSession(sessionId))!;
      return presentMeeting(row, true, Boolean(connection.sdkKey && connection.sdkSecretSealed));
    },

    async forSeat(seat: Seat): Promise<SessionZoom> {
      const connection = await repo.connection(seat.orgId);
      const row = await repo.meetingOfSession(seat.sessionId);
      const sdk = Boolean(connection?.sdkKey && connection.sdkSecretSealed);
      return { connected: Boolean(connection), meeting: row && row.orgId === seat.orgId ? presentMeeting(row, seat.facilitator, sdk) : null };
    },

    async sdkSignature(seat: Seat) {
      const row = await repo.meetingOfSession(seat.sessionId);
      if (!row || row.orgId !== seat.orgId) throw notFound("The session's Zoom meeting");
      const connection = await repo.connection(seat.orgId);
      const sdkSecret = connection?.sdkSecretSealed ? open(connection.sdkSecretSealed, seat.orgId) : null;
      if (!connection?.sdkKey || !sdkSecret) throw unprocessable("Zoom's Meeting SDK is not set up for this organisation. An admin can add the SDK key and secret in the Zoom settings.");
      const role = seat.facilitator ? 1 : 0;
      // Starting the meeting as its host needs the host's ZAK with the join; attendees never get one.
      const zak = role === 1 ? await hostZak(connection, seat.sessionId) : undefined;
      const { signature, expiresAt } = await meetingSdkSignature(connection.sdkKey, sdkSecret, row.meetingId, role);
      return { signature, sdkKey: connection.sdkKey, meetingNumber: row.meetingId, role: role as 0 | 1, password: row.password, expiresAt, ...(zak ? { zak } : {}) };
    },

    /**
     * A delivery from Zoom for this organisation: verified with its own webhook secret, then
     * recorded on the session whose meeting it names, if that meeting is this organisation's.
     */
    async webhook(orgId: string, headers: { signature?: string; timestamp?: string }, rawBody: string, body: WebhookBody) {
      const connection = await repo.connection(orgId);
      if (!connection) throw notFound("A Zoom connection for this address");
      const webhookSecret = open(connection.webhookSecretSealed, orgId);
      if (webhookSecret === null) throw unauthenticated("The webhook secret can no longer be read; reconnect Zoom.");
      const check = verifyZoomSignature(webhookSecret, headers, rawBody);
      if (check === "missing") throw unauthenticated("Zoom's signature headers are missing.");
      if (check === "bad") throw unauthenticated("The signature does not match this organisation's webhook secret token.");
      if (check === "stale") throw unauthenticated("The delivery's timestamp is too old or too far in the future.");

      if (typeof body.event !== "string") throw invalid("A Zoom event needs an event name.");
      if (body.event === "endpoint.url_validation") {
        const plain = body.payload?.plainToken;
        if (typeof plain !== "string" || plain.length === 0 || plain.length > 200) throw invalid("The validation request needs a plainToken.");
        return { kind: "validation" as const, answer: urlValidationAnswer(webhookSecret, plain) };
      }
      const event = body.event as ZoomRecordEvent["event"];
      if (!RECORDED_EVENTS.has(event)) return { kind: "ignored" as const };
      const object = body.payload?.object;
      const meetingId = typeof object?.id === "number" || typeof object?.id === "string" ? String(object.id) : null;
      if (!meetingId) throw invalid("The event names no meeting.");
      // Another Zoom account's delivery, or a meeting this organisation did not create: not ours to record.
      if (body.payload?.account_id !== undefined && body.payload.account_id !== connection.accountId) return { kind: "ignored" as const };
      const meeting = await repo.meetingInOrg(orgId, meetingId);
      if (!meeting) return { kind: "ignored" as const };

      const eventTs = typeof body.event_ts === "number" ? body.event_ts : Date.now();
      const fallback = new Date(eventTs);
      const p = object?.participant;
      const at =
        event === "meeting.started"
          ? isoOr(object?.start_time, fallback)
          : event === "meeting.ended"
            ? isoOr(object?.end_time, fallback)
            : event === "meeting.participant_joined"
              ? isoOr(p?.join_time, fallback)
              : isoOr(p?.leave_time, fallback);
      const who = p ? String(p.participant_uuid ?? p.user_id ?? p.id ?? p.user_name ?? "") : "";
      const participantName = p && typeof p.user_name === "string" ? p.user_name.slice(0, 200) : null;
      const stored = await repo.addEvent({
        orgId,
        sessionId: meeting.sessionId,
        meetingId,
        event,
        participantName,
        at,
        dedupeKey: `${event}:${meetingId}:${String(object?.uuid ?? "")}:${who}:${at.toISOString()}`.slice(0, 500),
      });
      return { kind: stored ? ("recorded" as const) : ("duplicate" as const) };
    },

    /** The session record's Zoom part: the meeting and what happened in it. */
    async record(sessionId: string, orgId: string) {
      const meeting = await repo.meetingOfSession(sessionId);
      if (!meeting || meeting.orgId !== orgId) return null;
      const events = await repo.eventsOfSession(sessionId);
      return {
        meetingId: meeting.meetingId,
        joinUrl: meeting.joinUrl,
        events: events.filter((e) => e.orgId === orgId).map((e) => ({ event: e.event as ZoomRecordEvent["event"], participantName: e.participantName, at: e.at.toISOString() })),
      };
    },
  };
}
export type ZoomService = ReturnType<typeof zoomService>;
