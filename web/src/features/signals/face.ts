import type { Config, Human } from "@vladmandic/human";
import { EXPRESSIONS, FACE_MAX_FPS, isLookingAtScreen, summariseFace, type Expression, type FaceFrame, type FaceWindow } from "../../../../domain/signals";
import { FACE_MAX_INTERVAL_MS, frameIntervalMs, headPose, smoothFrameCost } from "./pace";

/** The models and the WebAssembly kernels are served by the studio from npm packages, never fetched from a CDN. */
const MODELS = "/vendor/human/models/";
const WASM = "/vendor/tfjs-wasm/";
export type FaceBackend = "wasm" | "webgl" | "cpu";
/** WebAssembly first: for these two small models it beats WebGL without a GPU by far and is close with one. */
const BACKENDS: FaceBackend[] = ["wasm", "webgl", "cpu"];

/** Human's emotion names, mapped onto ours. */
const NAMES: Record<string, Expression> = { neutral: "neutral", happy: "happy", sad: "sad", angry: "angry", fear: "fearful", disgust: "disgusted", surprise: "surprised" };

/**
 * Only what the signals need: the face detector (whose six keypoints also give the head's
 * direction) and the expression model. No mesh, iris, description, body, hand, object, gesture
 * or segmentation models are loaded, and Human's input filters are off.
 */
const CONFIG: Partial<Config> = {
  modelBasePath: MODELS,
  wasmPath: WASM,
  debug: false,
  warmup: "none",
  cacheSensitivity: 0,
  filter: { enabled: false } as Config["filter"],
  face: {
    enabled: true,
    // Without the mesh to confirm a face, the detector alone must be surer than its default 0.2.
    detector: { enabled: true, rotation: false, maxDetected: 1, minConfidence: 0.5, return: false },
    mesh: { enabled: false },
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
  /** The current wait from one frame's start to the next, after back-off. */
  intervalMs: number;
  backend: string;
}

/**
 * The camera, reduced on the device to "a face is here, looking at the screen, with these
 * expression probabilities" at most twice a second. Frames go from the camera to the model
 * and are dropped; no image is drawn, kept or sent.
 *
 * Staying light: the camera delivers a small picture at a low frame rate and most of its frames
 * are skipped; the models run once on start-up (shaders and kernels prepared) before anything
 * is counted; each frame's cost is measured and the next frame waits until cost ÷ FACE_CPU_SHARE
 * after it began (see pace.ts), so analysis takes at most a fifth of one core on a slow device
 * and runs at 2 frames per second on a fast one. Nothing is analysed while the page is
 * hidden.
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
  private latest: FaceFrame | undefined;
  private costMs: number | undefined;
  private intervalMs = 1000 / FACE_MAX_FPS;
  private stopped = false;
  private lastLoad: FaceLoad = { fps: 0, busyShare: 0, frameMs: 0, intervalMs: 0, backend: "" };

  /** `backend` is for measurements; the app lets the sampler choose. */
  constructor(private readonly options: { backend?: FaceBackend } = {}) {}

  async start(): Promise<void> {
    this.stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 320 }, height: { ideal: 240 }, frameRate: { ideal: 5, max: 10 } },
      audio: false,
    });
    const video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    video.srcObject = this.stream;
    await video.play();
    this.video = video;
    const { Human } = await import("@vladmandic/human");
    // The first backend that loads and runs a frame; the CPU one always can.
    let human: Human | null = null;
    let lastError: unknown;
    for (const backend of this.options.backend ? [this.options.backend, "cpu" as const] : BACKENDS) {
      const candidate = new Human({ ...CONFIG, backend });
      try {
        await candidate.load();
        await candidate.tf.ready();
        // Human falls back silently when a backend fails to start; only the one asked for counts.
        if (candidate.tf.getBackend() !== backend) throw new Error(`${backend} backend unavailable`);
        // Warm-up: the first run prepares kernels and is several times slower than the rest.
        await candidate.detect(video);
        human = candidate;
        break;
      } catch (error) {
        lastError = error;
      }
    }
    if (!human) throw lastError instanceof Error ? lastError : new Error("no backend for face signals");
    if (this.stopped) return;
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
    if (typeof document !== "undefined" && document.hidden) {
      this.schedule(this.intervalMs);
      return;
    }
    const began = performance.now();
    try {
      const result = await human.detect(video);
      this.frames.push(frameOf(began, result.face[0]));
    } catch {
      this.frames.push({ t: began, present: false, looking: false, expressions: {} });
    }
    if (this.stopped) return;
    const spent = performance.now() - began;
    this.busyMs += spent;
    this.analysed += 1;
    this.costMs = smoothFrameCost(this.costMs, spent);
    this.intervalMs = frameIntervalMs(this.costMs);
    this.schedule(Math.max(0, began + this.intervalMs - performance.now()));
  }

  /**
   * The window since the last call, and how hard the device worked for it. On a device so slow
   * that a window passed without a frame, the latest frame (up to FACE_MAX_INTERVAL_MS old)
   * stands for it, with 0 frames per second; without one there is no face window at all, rather
   * than one that says nobody is there.
   */
  take(): { face: FaceWindow | undefined; load: FaceLoad } {
    const now = performance.now();
    const ms = Math.max(1000, now - this.windowStart);
    const latest = this.frames.at(-1) ?? this.latest;
    let face: FaceWindow | undefined;
    if (this.frames.length) face = summariseFace(this.frames, ms);
    else if (latest && now - latest.t <= FACE_MAX_INTERVAL_MS) face = { ...summariseFace([latest], ms), fps: 0 };
    this.latest = latest;
    this.lastLoad = {
      fps: Math.round((this.analysed / (ms / 1000)) * 100) / 100,
      busyShare: Math.round((this.busyMs / ms) * 1000) / 1000,
      frameMs: this.analysed ? Math.round(this.busyMs / this.analysed) : 0,
      intervalMs: Math.round(this.intervalMs),
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

type DetectedFace = Awaited<ReturnType<Human["detect"]>>["face"][number] | undefined;

/** One frame as numbers: a face or not, facing the screen or not, expression probabilities. */
function frameOf(t: number, face: DetectedFace): FaceFrame {
  if (!face) return { t, present: false, looking: false, expressions: {} };
  const expressions: Partial<Record<Expression, number>> = {};
  for (const e of face.emotion ?? []) if (NAMES[e.emotion]) expressions[NAMES[e.emotion]] = e.score;
  for (const e of EXPRESSIONS) expressions[e] ??= 0;
  // The detector's keypoints, in its order: two eyes, nose, mouth, two ears.
  const [eyeA, eyeB, nose, mouth] = face.mesh ?? [];
  const pose = eyeA && eyeB && nose && mouth ? headPose({ eyes: [eyeA, eyeB], nose, mouth }) : undefined;
  return { t, present: true, looking: Boolean(pose && isLookingAtScreen(pose.yaw, pose.pitch)), expressions };
}
