import { describe, expect, it } from "vitest";
import { isLookingAtScreen } from "../../../../domain/signals";
import { FACE_CPU_SHARE, FACE_MAX_INTERVAL_MS, frameIntervalMs, headPose, smoothFrameCost } from "./pace";

describe("face pipeline pace", () => {
  it("runs at 2 frames per second while frames are cheap", () => {
    expect(frameIntervalMs(20)).toBe(500);
    expect(frameIntervalMs(100)).toBe(500);
  });

  it("stretches the interval so analysis stays within its CPU share on a slow device", () => {
    expect(frameIntervalMs(300)).toBe(1500);
    for (const cost of [150, 400, 1200, 4000]) expect(cost / frameIntervalMs(cost)).toBeLessThanOrEqual(FACE_CPU_SHARE + 1e-9);
    expect(frameIntervalMs(60_000)).toBe(FACE_MAX_INTERVAL_MS);
  });

  it("backs off at the first slow frame and recovers gradually", () => {
    let cost = smoothFrameCost(undefined, 100);
    expect(cost).toBe(100);
    cost = smoothFrameCost(cost, 2000);
    expect(cost).toBe(2000);
    const recovering: number[] = [];
    for (let i = 0; i < 5; i++) recovering.push((cost = smoothFrameCost(cost, 100)));
    expect(recovering[0]).toBeCloseTo(1430);
    expect(recovering.every((c, i) => i === 0 || c < recovering[i - 1])).toBe(true);
    expect(recovering[4]).toBeGreaterThan(100);
  });

  it("sees a face straight on as looking at the screen", () => {
    const pose = headPose({ eyes: [[100, 100], [160, 100]], nose: [130, 133], mouth: [130, 160] })!;
    expect(Math.abs(pose.yaw)).toBeLessThan(0.05);
    expect(Math.abs(pose.pitch)).toBeLessThan(0.05);
    expect(isLookingAtScreen(pose.yaw, pose.pitch)).toBe(true);
  });

  it("does not mistake a tilted head for a turned one", () => {
    // The frontal face above, rotated by 30° in the image plane around the eyes' midpoint.
    const rotate = ([x, y]: [number, number]): [number, number] => {
      const c = Math.cos(Math.PI / 6);
      const s = Math.sin(Math.PI / 6);
      return [130 + (x - 130) * c - (y - 100) * s, 100 + (x - 130) * s + (y - 100) * c];
    };
    const pose = headPose({ eyes: [rotate([100, 100]), rotate([160, 100])], nose: rotate([130, 133]), mouth: rotate([130, 160]) })!;
    expect(Math.abs(pose.yaw)).toBeLessThan(0.05);
    expect(isLookingAtScreen(pose.yaw, pose.pitch)).toBe(true);
  });

  it("sees a head turned or bowed well away as not looking", () => {
    const turned = headPose({ eyes: [[100, 100], [140, 100]], nose: [148, 133], mouth: [135, 160] })!;
    expect(Math.abs(turned.yaw)).toBeGreaterThan(0.45);
    expect(isLookingAtScreen(turned.yaw, turned.pitch)).toBe(false);
    const bowed = headPose({ eyes: [[100, 100], [160, 100]], nose: [130, 125], mouth: [130, 128] })!;
    expect(Math.abs(bowed.pitch)).toBeGreaterThan(0.45);
    expect(isLookingAtScreen(bowed.yaw, bowed.pitch)).toBe(false);
  });

  it("gives no pose for degenerate points", () => {
    expect(headPose({ eyes: [[100, 100], [100, 100]], nose: [100, 120], mouth: [100, 140] })).toBeUndefined();
    expect(headPose({ eyes: [[100, 100], [160, 100]], nose: [130, 100], mouth: [130, 100] })).toBeUndefined();
  });
});
