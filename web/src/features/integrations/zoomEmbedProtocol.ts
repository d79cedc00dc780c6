/**
 * The messages between a session view and the embedded Zoom call. The call is its own page
 * (web/zoom-embed, served at ZOOM_EMBED_PAGE) because the Meeting SDK needs React 18 and the
 * studio runs React 19; the session view shows it in an iframe of the same origin.
 *
 *   call → studio   status "ready"      the page and the SDK loaded; waiting for the details
 *   studio → call   join {…}            meeting number, signature (from the server), name, and
 *                                       for the facilitator the host's ZAK (to start the meeting)
 *   call → studio   status "starting" (init) → "joining" → "joined" | "failed", later "left"
 *   studio → call   leave
 *
 * The signature and the ZAK travel by postMessage, never in the page's address, so it stays out of the
 * history and the logs. Each side accepts only the other window, on this origin, in this shape.
 * No React and no i18n here: the call page bundles this file too.
 */

export const ZOOM_EMBED_PAGE = "/zoom-embed/index.html";

const FROM_CALL = "pyou-zoom-call";
const FROM_STUDIO = "pyou-studio";

/** The languages the Meeting SDK offers (Hebrew is not one of them: it falls back to English). */
const SDK_LANGUAGES = ["en-US", "de-DE", "es-ES", "fr-FR", "ja-JP", "pt-PT", "ru-RU", "zh-CN", "zh-TW", "ko-KR", "vi-VN", "it-IT", "pl-PL", "tr-TR", "id-ID", "nl-NL", "sv-SE"] as const;
export type SdkLanguage = (typeof SDK_LANGUAGES)[number];

export interface JoinDetails {
  meetingNumber: string;
  signature: string;
  userName: string;
  password: string;
  language: SdkLanguage;
  /** The host's Zoom Access Key: only a facilitator's join has one (starting the meeting needs it). */
  zak?: string;
}

/** Where a call failed: the SDK's init, its join, or the connection once in the meeting. */
export type CallFailureStage = "init" | "join" | "connection";

export type CallStatus =
  | { status: "ready" | "starting" | "joining" | "joined" | "left" }
  | { status: "failed"; stage: CallFailureStage; code: string | null; reason: string };

export type StudioMessage = { kind: "join"; join: JoinDetails } | { kind: "leave" };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;

export function sdkLanguage(appLanguage: string | undefined): SdkLanguage {
  const base = (appLanguage ?? "en").split("-")[0].toLowerCase();
  return SDK_LANGUAGES.find((l) => l.toLowerCase().startsWith(`${base}-`)) ?? "en-US";
}

export function joinMessage(join: JoinDetails) {
  return { source: FROM_STUDIO, kind: "join", join } as const;
}

export function leaveMessage() {
  return { source: FROM_STUDIO, kind: "leave" } as const;
}

export function statusMessage(status: CallStatus) {
  return { source: FROM_CALL, kind: "status", ...status } as const;
}

/** What the call page accepts from the studio; anything else is ignored (null). */
export function readStudioMessage(data: unknown): StudioMessage | null {
  if (!isRecord(data) || data.source !== FROM_STUDIO) return null;
  if (data.kind === "leave") return { kind: "leave" };
  if (data.kind !== "join" || !isRecord(data.join)) return null;
  const { meetingNumber, signature, userName, password, language, zak } = data.join;
  if (!text(meetingNumber, 20) || !/^\d{9,13}$/.test(meetingNumber)) return null;
  if (!text(signature, 4096) || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(signature)) return null;
  if (!text(userName, 200) || userName.trim() === "") return null;
  if (!text(password, 100)) return null;
  if (typeof language !== "string" || !(SDK_LANGUAGES as readonly string[]).includes(language)) return null;
  if (zak !== undefined && (!text(zak, 2048) || !/^[\w.-]+$/.test(zak))) return null;
  const join: JoinDetails = { meetingNumber, signature, userName: userName.trim(), password, language: language as SdkLanguage };
  return { kind: "join", join: zak === undefined ? join : { ...join, zak } };
}

/** What the studio accepts from the call page; anything else is ignored (null). */
export function readCallStatus(data: unknown): CallStatus | null {
  if (!isRecord(data) || data.source !== FROM_CALL || data.kind !== "status") return null;
  switch (data.status) {
    case "ready":
    case "starting":
    case "joining":
    case "joined":
    case "left":
      return { status: data.status };
    case "failed": {
      const stage = data.stage === "init" || data.stage === "join" || data.stage === "connection" ? data.stage : null;
      if (!stage || !text(data.reason, 500)) return null;
      return { status: "failed", stage, code: text(data.code, 40) ? data.code : null, reason: data.reason };
    }
    default:
      return null;
  }
}

/**
 * A failure as the SDK reports it: an object `{ type, reason, errorCode }` (for example
 * JOIN_MEETING_FAILED, "connection error", -3000), an Error, or a bare string.
 */
export function callFailure(err: unknown, stage: CallFailureStage): Extract<CallStatus, { status: "failed" }> {
  let reason = "";
  let code: string | null = null;
  if (isRecord(err)) {
    if (typeof err.reason === "string") reason = err.reason;
    else if (typeof err.message === "string") reason = err.message;
    if (typeof err.errorCode === "number" || typeof err.errorCode === "string") code = String(err.errorCode);
    if (!reason && typeof err.type === "string") reason = err.type;
  } else if (typeof err === "string") {
    reason = err;
  }
  reason = reason.trim().slice(0, 500) || "unknown error";
  return { status: "failed", stage, code: code?.slice(0, 40) ?? null, reason };
}

/** True when an SDK call resolved with a failure object instead of rejecting. */
export function isSdkFailure(result: unknown): boolean {
  return isRecord(result) && typeof result.type === "string" && typeof result.reason === "string";
}

// ——— The studio's side: what the person sees while the call opens ———

export type CallPhase = "loading" | "signing" | "starting" | "joining" | "joined" | "left" | "failed";

export type CallProblem =
  | { kind: "page" | "signature" | "hostToken" | "timeout"; reason: string | null; code: null }
  | { kind: CallFailureStage; reason: string; code: string | null };

export interface CallState {
  phase: CallPhase;
  problem: CallProblem | null;
}

export type CallAction =
  | { type: "status"; status: CallStatus }
  | { type: "signature-failed"; reason: string }
  /** The facilitator's join data came without the host's ZAK: Zoom did not give one. */
  | { type: "host-token-failed"; reason: string }
  | { type: "deadline" };

export const initialCall: CallState = { phase: "loading", problem: null };

/**
 * How long each step may take before the studio says so instead of waiting on: the page and
 * its 3 MB script, the signature from the server, the SDK's init, and Zoom's answer to the join.
 */
export const CALL_DEADLINES_MS: Partial<Record<CallPhase, number>> = { loading: 30_000, signing: 20_000, starting: 30_000, joining: 45_000 };

export function callReducer(state: CallState, action: CallAction): CallState {
  switch (action.type) {
    case "status": {
      const s = action.status;
      // "ready" again means the page was loaded anew: it needs the details again.
      if (s.status === "ready") return { phase: "signing", problem: null };
      if (s.status === "failed") return { phase: "failed", problem: { kind: s.stage, reason: s.reason, code: s.code } };
      // A join that answers after the studio gave up is still a call that works.
      return { phase: s.status, problem: null };
    }
    case "signature-failed":
      return { phase: "failed", problem: { kind: "signature", reason: action.reason, code: null } };
    case "host-token-failed":
      return { phase: "failed", problem: { kind: "hostToken", reason: action.reason, code: null } };
    case "deadline":
      if (CALL_DEADLINES_MS[state.phase] === undefined) return state;
      return { phase: "failed", problem: state.phase === "loading" ? { kind: "page", reason: null, code: null } : { kind: "timeout", reason: null, code: null } };
  }
}
