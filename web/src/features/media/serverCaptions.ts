import type { CaptionProblem } from "./speech";

/** Seconds of speech per request: short enough to feel live, long enough for whole phrases. */
export const SEGMENT_MS = 5_000;
/** A recording this small holds no speech worth sending (headers and silence). */
const MIN_BYTES = 1_000;
/** After this many failed segments in a row, captions stop and say so. */
const MAX_FAILURES = 3;

export type Transcribe = (audio: Blob) => Promise<string>;
/** Thrown by a `Transcribe` when the server has no engine (HTTP 409): captions stop at once. */
export class TranscriptionUnavailable extends Error {}

/** The first recording format this browser supports, preferring Opus. */
function recordingType(): string | undefined {
  if (typeof MediaRecorder === "undefined") return undefined;
  return ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/webm", "audio/mp4"].find((t) => MediaRecorder.isTypeSupported(t));
}

export function serverCaptionsPossible(stream: MediaStream | null): boolean {
  return !!stream && stream.getAudioTracks().length > 0 && recordingType() !== undefined;
}

/**
 * Captions from the studio's transcription engine, for browsers without speech recognition:
 * the microphone is recorded on this device in five-second pieces, each sent on its own (so
 * every piece is a whole file), and each answer becomes a finished phrase, a few seconds behind
 * the speaker. Pieces are sent one at a time, in order; nothing is kept.
 */
export class ServerCaptioner {
  private recorder: MediaRecorder | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private failures = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly stream: MediaStream,
    private readonly transcribe: Transcribe,
    private readonly onText: (text: string, final: boolean) => void,
    private readonly onProblem: (problem: CaptionProblem) => void,
    private readonly segmentMs = SEGMENT_MS,
  ) {}

  start(): boolean {
    if (!serverCaptionsPossible(this.stream)) return false;
    this.running = true;
    this.record();
    return true;
  }

  private record(): void {
    const mimeType = recordingType();
    const recorder = new MediaRecorder(new MediaStream(this.stream.getAudioTracks()), mimeType ? { mimeType } : undefined);
    const parts: Blob[] = [];
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) parts.push(e.data);
    };
    recorder.onstop = () => {
      const piece = new Blob(parts, { type: recorder.mimeType || mimeType || "audio/webm" });
      if (this.running) this.record();
      if (piece.size >= MIN_BYTES) this.queue = this.queue.then(() => this.send(piece));
    };
    this.recorder = recorder;
    recorder.start();
    this.timer = setTimeout(() => {
      if (recorder.state !== "inactive") recorder.stop();
    }, this.segmentMs);
  }

  private async send(piece: Blob): Promise<void> {
    if (!this.running) return;
    try {
      const text = (await this.transcribe(piece)).trim();
      this.failures = 0;
      if (text && this.running) this.onText(text, true);
    } catch (err) {
      this.failures += 1;
      if (err instanceof TranscriptionUnavailable || this.failures >= MAX_FAILURES) {
        this.stop();
        this.onProblem("unavailable");
      }
    }
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.recorder && this.recorder.state !== "inactive") this.recorder.stop();
    this.recorder = null;
  }
}
