/** Why the camera or microphone could not be used, in words the panel can translate. */
export type DeviceProblem = "denied" | "missing" | "busy" | "insecure" | "unsupported" | "failed";

export interface DeviceChoice {
  cameraId?: string;
  microphoneId?: string;
  camera: boolean;
  microphone: boolean;
}

export class DeviceError extends Error {
  constructor(readonly problem: DeviceProblem) {
    super(problem);
  }
}

export function problemOf(err: unknown): DeviceProblem {
  const name = err instanceof DOMException || err instanceof Error ? err.name : "";
  if (err instanceof DeviceError) return err.problem;
  if (name === "NotAllowedError" || name === "SecurityError" || name === "PermissionDeniedError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError" || name === "DevicesNotFoundError") return "missing";
  if (name === "NotReadableError" || name === "AbortError" || name === "TrackStartError") return "busy";
  return "failed";
}

/** A small picture is enough for a grid of up to eight; it keeps a phone cool and the uplink light. */
const VIDEO = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } };

/**
 * Opens the chosen camera and microphone. When both were asked for and one fails, the other
 * is still used (someone without a camera can talk); the problem is returned to be shown.
 */
export async function openLocalMedia(choice: DeviceChoice): Promise<{ stream: MediaStream; problem: DeviceProblem | null }> {
  if (typeof window !== "undefined" && !window.isSecureContext) throw new DeviceError("insecure");
  if (!navigator.mediaDevices?.getUserMedia) throw new DeviceError("unsupported");
  const audio: MediaTrackConstraints | false = choice.microphone ? { deviceId: choice.microphoneId ? { exact: choice.microphoneId } : undefined, echoCancellation: true, noiseSuppression: true } : false;
  const video: MediaTrackConstraints | false = choice.camera ? { ...VIDEO, deviceId: choice.cameraId ? { exact: choice.cameraId } : undefined } : false;
  if (!audio && !video) return { stream: new MediaStream(), problem: null };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio, video }), problem: null };
  } catch (err) {
    const problem = problemOf(err);
    if (!audio || !video || problem === "insecure") throw new DeviceError(problem);
    // One of the two may work on its own.
    for (const only of [{ audio, video: false as const }, { audio: false as const, video }]) {
      try {
        return { stream: await navigator.mediaDevices.getUserMedia(only), problem };
      } catch {
        /* try the other one */
      }
    }
    throw new DeviceError(problem);
  }
}

export interface DeviceLists {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

export async function listDevices(): Promise<DeviceLists> {
  const all = navigator.mediaDevices?.enumerateDevices ? await navigator.mediaDevices.enumerateDevices() : [];
  return { cameras: all.filter((d) => d.kind === "videoinput" && d.deviceId), microphones: all.filter((d) => d.kind === "audioinput" && d.deviceId) };
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
