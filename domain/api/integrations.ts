import { z } from "zod";

const secret = (what: string, max = 500) => z.string().trim().min(1, `Enter the ${what}`).max(max);

/** Server-to-Server OAuth credentials of a Zoom app; write-only, stored encrypted. */
export const ConnectZoomInput = z
  .object({
    accountId: secret("account ID", 200),
    clientId: secret("client ID", 200),
    clientSecret: secret("client secret"),
    webhookSecretToken: secret("webhook secret token"),
    sdkKey: z.string().trim().max(200).optional(),
    sdkSecret: z.string().trim().max(500).optional(),
  })
  .refine((v) => Boolean(v.sdkKey) === Boolean(v.sdkSecret), { message: "Give both the Meeting SDK key and secret, or neither", path: ["sdkSecret"] });
export type ConnectZoomInput = z.infer<typeof ConnectZoomInput>;

/** What an admin sees of the connection: flags only, never a credential. */
export const ZoomConnection = z.object({
  connected: z.boolean(),
  meetingSdk: z.boolean(),
  connectedAt: z.string().nullable(),
  /** Where Zoom must send this organisation's events (paste into the Zoom app's event subscription). */
  webhookUrl: z.string(),
});
export type ZoomConnection = z.infer<typeof ZoomConnection>;

/** What facilitators may know: whether meetings can be created. */
export const ZoomAvailability = ZoomConnection.pick({ connected: true, meetingSdk: true });
export type ZoomAvailability = z.infer<typeof ZoomAvailability>;

export const CreateZoomMeetingInput = z
  .object({
    /** Minutes; Zoom shows it in the invitation. */
    durationMinutes: z.number().int().min(5).max(24 * 60).optional(),
  })
  .optional()
  .default({});

/** A session's Zoom meeting. `startUrl` (which starts the meeting as host) only reaches facilitators. */
export const ZoomMeeting = z.object({
  meetingId: z.string(),
  joinUrl: z.string(),
  startUrl: z.string().nullable(),
  password: z.string().nullable(),
  /** The text put in Zoom's agenda: the studio's join link and code. */
  agenda: z.string(),
  meetingSdk: z.boolean(),
  createdAt: z.string(),
});
export type ZoomMeeting = z.infer<typeof ZoomMeeting>;

export const SessionZoom = z.object({ meeting: ZoomMeeting.nullable(), connected: z.boolean() });
export type SessionZoom = z.infer<typeof SessionZoom>;

export const ZoomSdkSignature = z.object({
  signature: z.string(),
  sdkKey: z.string(),
  meetingNumber: z.string(),
  /** 1 starts the meeting as host, 0 joins as an attendee. */
  role: z.union([z.literal(0), z.literal(1)]),
  password: z.string().nullable(),
  expiresAt: z.string(),
});
export type ZoomSdkSignature = z.infer<typeof ZoomSdkSignature>;

/** Zoom meeting events as the session record tells them. */
export const ZoomRecordEvent = z.object({
  event: z.enum(["meeting.started", "meeting.ended", "meeting.participant_joined", "meeting.participant_left"]),
  participantName: z.string().nullable(),
  at: z.string(),
});
export type ZoomRecordEvent = z.infer<typeof ZoomRecordEvent>;
