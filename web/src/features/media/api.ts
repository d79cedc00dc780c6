import type { TranscriptionStatus } from "../../../../domain/api/media";
import { api, ApiError } from "../../lib/api";
import { TranscriptionUnavailable } from "./serverCaptions";

/**
 * How this session's media travels, as `POST /api/sessions/:id/media/token` answers: a mesh
 * with its STUN/TURN servers, or a LiveKit room. (The schema lives with the integrations, in
 * domain/api/media.ts.)
 */
export type MediaTransport = { mode: "mesh"; iceServers: RTCIceServer[] } | { mode: "livekit"; url: string; token: string; room: string };

const LOCAL_MESH: MediaTransport = { mode: "mesh", iceServers: [] };

/** A guest speaks with their seat token; a signed-in person with the app's own session. */
export async function mediaTransport(sessionId: string, seatToken?: string, visit: number | null = null): Promise<MediaTransport> {
  const path = `/api/sessions/${encodeURIComponent(sessionId)}/media/token`;
  // A facilitator visiting a breakout needs a token for that room.
  const body = visit === null ? {} : { breakoutRoom: visit };
  try {
    if (!seatToken) return await api.post<MediaTransport>(path, body);
    const res = await fetch(path, { method: "POST", headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: `Bearer ${seatToken}` }, body: JSON.stringify(body) });
    if (res.status === 404) return LOCAL_MESH;
    const data: unknown = await res.json().catch(() => null);
    if (!res.ok) throw new Error((data as { error?: { message?: string } } | null)?.error?.message ?? `The studio answered ${res.status}.`);
    return data as MediaTransport;
  } catch (err) {
    // No media configuration on this server (or an older one): peers on the same network still reach each other directly.
    if (err instanceof ApiError && err.status === 404) return LOCAL_MESH;
    throw err;
  }
}

/**
 * Whether this studio's server has a speech transcription engine (`GET /api/media/transcription`).
 * Live captions come from the browser; this only lets the panel say what the studio has.
 */
export async function transcriptionStatus(seatToken?: string): Promise<TranscriptionStatus> {
  const path = "/api/media/transcription";
  if (!seatToken) return api.get<TranscriptionStatus>(path);
  const res = await fetch(path, { headers: { Accept: "application/json", Authorization: `Bearer ${seatToken}` } });
  if (!res.ok) throw new Error(`The studio answered ${res.status}.`);
  return (await res.json()) as TranscriptionStatus;
}

/**
 * Words from a short recording of this person's microphone, on the studio's transcription
 * engine (`POST /api/sessions/:id/media/transcribe`). A 409 means the server has no engine.
 */
export async function transcribeRecording(sessionId: string, audio: Blob, language: string, seatToken?: string): Promise<string> {
  const path = `/api/sessions/${encodeURIComponent(sessionId)}/media/transcribe?language=${encodeURIComponent(language)}`;
  const type = audio.type || "audio/webm";
  if (!seatToken) {
    try {
      return (await api.post<{ text: string }>(path, undefined, { raw: { body: audio, type } })).text;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) throw new TranscriptionUnavailable(err.message);
      throw err;
    }
  }
  const res = await fetch(path, { method: "POST", headers: { Accept: "application/json", "Content-Type": type, Authorization: `Bearer ${seatToken}` }, body: audio });
  if (res.status === 409) throw new TranscriptionUnavailable(`The studio answered ${res.status}.`);
  if (!res.ok) throw new Error(`The studio answered ${res.status}.`);
  return ((await res.json()) as { text: string }).text;
}
