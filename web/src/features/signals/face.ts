import type { Config, Human } from "@vladmandic/human";
import { EXPRESSIONS, FACE_MAX_FPS, isLookingAtScreen, summariseFace, type Expression, type FaceFrame, type FaceWindow } from "../../../../domain/signals";

/** The models are served by the studio from the npm package, never fetched from a CDN. */
const MODELS = "/vendor/human/models/";

/** Human's emotion names, mapped onto ours. */
const NAMES: Record<string, Expression> = { neutral: "neutral", happy: "happy", sad: "sad", angry: "angry", fear: "fearful", disgust: "disgusted", surprise: "surprised" };

const CONFIG: Partial<Config> = {
  modelBasePath: MODELS,
  debug: false,
  warmup: "none",
  cacheSensitivity: 0,
  filter: { enabled: false } as Config["filter"],
  face: {
    enabled: true,
    detector: { enabled: true, rotation: false, maxDetected: 1, return: false },
    mesh: { enabled: true },
    attention: { enabled: false },
    iris: { enabled: false },
    emotion: { enabled: true },
    description: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
  } as Config["face"],
  body: { enabled: false } as Config["body"],
  hand: { enabled: false } as Config["hand"],
  object: { enabled: false } as Config["object"],
  gesture: { enabled: false },
  segmentation: { enabled: false } as Config["segmentation"],
};

export interface FaceLoad {
  /** Frames analysed per second over the last window. */
  fps: number;
  /** Share of wall time spent analysing (a stand-in for CPU use on the main thread). */
  busyShare: number;
  /** Mean milliseconds per analysed frame. */
  frameMs: number;
  backend: string;
}

/**
 * The camera, reduced on the device to "a face is here, looking at the screen, with these
 * expression probabilities" at most twice a second. Frames go from the camera to the model
 * and are dropped; no image is drawn, kept or sent. On a slow device the interval grows so
 * analysis uses at most about a fifth of the time.
 */
export class FaceSampler {
  private stream: MediaStream | null = null;
  private video: HTMLVideoElement | null = null;
  private human: Human | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private frames: FaceFrame[] = [];
  private busyMs = 0;
  private analysed = 0;
  private windowStart = 0;
  private intervalMs = 1000 / FACE_MAX_FPS;
  private stopped = false;
  private lastLoad: FaceLoad = { fps: 0, busyShare: 0, frameMs: 0, backend: "" };

  /** `backend` is for measurements; the app lets the sampler choose. */
  constructor(private readonly options: { backend?: "webgl" | "cpu" } = {}) {}

  async start(): Promise<void> {
    this.stream = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 10 } }, audio: false });
    const video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    video.srcObject = this.stream;
    await video.play();
    this.video = video;
    const { Human } = await import("@vladmandic/human");
    let human = new Human({ ...CONFIG, backend: this.options.backend ?? "webgl" });
    try {
      await human.load();
      await human.tf.ready();
    } catch {
      // No WebGL (headless, old GPU): the CPU backend works everywhere, slower, and the back-off copes.
      human = new Human({ ...CONFIG, backend: "cpu" });
      await human.load();
    }
    this.human = human;
    this.windowStart = performance.now();
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.analyse(), delay);
  }

  private async analyse(): Promise<void> {
    const human = this.human;
    const video = this.video;
    if (!human || !video || this.stopped) return;
    const began = performance.now();
    try {
      const result = await human.detect(video);
      const face = result.face[0];
      const expressions: Partial<Record<Expression, number>> = {};
      for (const e of face?.emotion ?? []) if (NAMES[e.emotion]) expressions[NAMES[e.emotion]] = e.score;
      if (face) for (const e of EXPRESSIONS) expressions[e] ??= 0;
      const angle = face?.rotation?.angle;
      this.frames.push({ t: began, present: Boolean(face), looking: Boolean(face && angle && isLookingAtScreen(angle.yaw, angle.pitch)), expressions });
    } catch {
      this.frames.push({ t: began, present: false, looking: false, expressions: {} });
    }
    const spent = performance.now() - began;
    this.busyMs += spent;
    this.analysed += 1;
    // Keep analysis under ~20% of the time: a 300 ms frame waits 1.5 s before the next one.
    this.intervalMs = Math.max(1000 / FACE_MAX_FPS, Math.min(30_000, spent * 5));
    this.schedule(Math.max(0, this.intervalMs - spent));
  }

  /** The window since the last call, and how hard the device worked for it. */
  take(): { face: FaceWindow; load: FaceLoad } {
    const now = performance.now();
    const ms = Math.max(1000, now - this.windowStart);
    const face = summariseFace(this.frames, ms);
    this.lastLoad = {
      fps: Math.round((this.analysed / (ms / 1000)) * 100) / 100,
      busyShare: Math.round((this.busyMs / ms) * 1000) / 1000,
      frameMs: this.analysed ? Math.round(this.busyMs / this.analysed) : 0,
      backend: this.human?.tf.getBackend() ?? "",
    };
    this.frames = [];
    this.busyMs = 0;
    this.analysed = 0;
    this.windowStart = now;
    return { face, load: this.lastLoad };
  }

  load(): FaceLoad {
    return this.lastLoad;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    if (this.video) this.video.srcObject = null;
    this.video = null;
    this.human = null;
  }
}
