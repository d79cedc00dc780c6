import { FACE_MAX_FPS } from "../../../../domain/signals";

// How often the face pipeline may run, and where the head points, from the face detector alone.
// Pure maths, so the rules are tested without a camera.

/** The share of one core the face pipeline may use; the rest is the session's. */
export const FACE_CPU_SHARE = 0.2;
/**
 * The longest wait between two frames, only against a clock jump (a laptop waking up). The CPU
 * share holds for any frame up to FACE_MAX_INTERVAL_MS × FACE_CPU_SHARE = 24 s.
 */
export const FACE_MAX_INTERVAL_MS = 120_000;
/** Weight of the newest frame in the smoothed frame cost. */
export const FACE_COST_SMOOTHING = 0.3;

/**
 * The smoothed cost of one frame: an exponential average, except that a frame slower than the
 * average counts in full at once, so the pipeline backs off on the first sign of a slow device
 * and speeds up again only gradually.
 */
export function smoothFrameCost(previousMs: number | undefined, frameMs: number): number {
  if (previousMs === undefined || frameMs >= previousMs) return frameMs;
  return previousMs + FACE_COST_SMOOTHING * (frameMs - previousMs);
}

/**
 * Milliseconds from the start of one frame to the start of the next: the frame cost divided by
 * the CPU share (a 300 ms frame waits until 1.5 s after it began), never faster than
 * FACE_MAX_FPS and never longer than FACE_MAX_INTERVAL_MS.
 */
export function frameIntervalMs(costMs: number): number {
  return Math.min(FACE_MAX_INTERVAL_MS, Math.max(1000 / FACE_MAX_FPS, costMs / FACE_CPU_SHARE));
}

type Point = readonly [number, number, number?];

/** The face detector's six keypoints, in image pixels, in its order. */
export interface FaceKeypoints {
  eyes: readonly [Point, Point];
  nose: Point;
  mouth: Point;
}

/** Nose tip in front of the eyes, as a share of half the distance between the eyes (adult average ≈ 0.75). */
const NOSE_DEPTH_TO_HALF_EYES = 0.75;
/** Where the nose tip sits between the eyes (0) and the mouth (1) on a face seen straight on. */
const NOSE_HEIGHT_FRONTAL = 0.55;
/** Distance from eyes to mouth over the nose tip's depth in front of them (≈ 7 cm / 2.5 cm). */
const EYES_TO_MOUTH_OVER_NOSE_DEPTH = 2.8;

/**
 * Yaw and pitch in radians, estimated from the detector's eyes, nose and mouth: the nose tip
 * stands in front of the face, so turning the head moves it sideways between the eyes and
 * nodding moves it up or down between the eyes and the mouth. Measured along the line through
 * the eyes, so a tilted head is not mistaken for a turned one. A coarse estimate (a few degrees
 * off at best) that is only compared against ±25°; `undefined` when the points are degenerate.
 */
export function headPose({ eyes, nose, mouth }: FaceKeypoints): { yaw: number; pitch: number } | undefined {
  const [a, b] = eyes;
  const midX = (a[0] + b[0]) / 2;
  const midY = (a[1] + b[1]) / 2;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const eyeDistance = Math.hypot(dx, dy);
  if (!(eyeDistance > 1)) return undefined;
  // Unit vectors along the eye line (u) and across it (v); the sign of u follows the detector's order.
  const ux = dx / eyeDistance;
  const uy = dy / eyeDistance;
  const along = (p: Point) => (p[0] - midX) * ux + (p[1] - midY) * uy;
  const across = (p: Point) => -(p[0] - midX) * uy + (p[1] - midY) * ux;
  const mouthDown = across(mouth);
  if (!(Math.abs(mouthDown) > 1)) return undefined;
  const sideways = along(nose) / (eyeDistance / 2);
  const yaw = Math.atan(sideways / NOSE_DEPTH_TO_HALF_EYES);
  const height = across(nose) / mouthDown;
  const pitch = Math.atan((NOSE_HEIGHT_FRONTAL - height) * EYES_TO_MOUTH_OVER_NOSE_DEPTH);
  return { yaw, pitch };
}
