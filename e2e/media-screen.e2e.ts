import { expect, test, type Locator, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../playwright.config";
import { expectPanelAccessible, joinCall, panelOf } from "./media-support";
import { signUp, uniqueEmail, watchConsole } from "./support";

// Chromium's fake camera and microphone, granted without a prompt. With the fake media UI,
// getDisplayMedia also answers without a picker, with a fake 1280×720 "entire screen".
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
  },
});
// Two people, two connections and four share changes on a 2-core machine; a run takes well under
// a minute, the margin is for a busy machine where connecting alone can take several seconds.
test.setTimeout(120_000);

/** The camera asks for 640 px wide; the fake screen is 1280 px wide, so the width tells which one arrives. */
const CAMERA_WIDTH = 640;

/**
 * Lets the test play a person who closes the screen picker: while `window.__cancelPicker` is
 * true, getDisplayMedia fails as Chromium does then, with a NotAllowedError.
 */
const CANCELLABLE_PICKER = `(() => {
  const md = navigator.mediaDevices;
  if (!md || !md.getDisplayMedia) return;
  const real = md.getDisplayMedia.bind(md);
  window.__cancelPicker = false;
  md.getDisplayMedia = (options) => window.__cancelPicker ? Promise.reject(new DOMException("Permission denied by user", "NotAllowedError")) : real(options);
})()`;

const remoteTiles = (page: Page) => panelOf(page).locator('[data-testid="media-tile"][data-self="false"]');
const selfTile = (page: Page) => panelOf(page).locator('[data-testid="media-tile"][data-self="true"]');

/** The width of the live picture a tile really shows (0 while no frame has been decoded). */
async function pictureWidth(tile: Locator): Promise<number> {
  return tile.locator("video").evaluate((v: HTMLVideoElement) => {
    const live = (v.srcObject as MediaStream | null)?.getVideoTracks().some((t) => t.readyState === "live") ?? false;
    return live ? v.videoWidth : 0;
  });
}

async function expectCameraPicture(tile: Locator): Promise<void> {
  await expect.poll(() => pictureWidth(tile), { timeout: 30_000, message: "the camera picture arrives" }).toBe(CAMERA_WIDTH);
}

async function expectScreenPicture(tile: Locator): Promise<void> {
  await expect.poll(() => pictureWidth(tile), { timeout: 30_000, message: "the shared screen arrives" }).toBeGreaterThan(CAMERA_WIDTH);
}

test("a participant shares their screen with the facilitator, stops, and a closed screen picker keeps the call going", async ({ page, browser }) => {
  const facilitatorLog = watchConsole(page);
  await page.context().grantPermissions(["camera", "microphone"]);
  await signUp(page, { name: "Fay", email: uniqueEmail("fay.screen") });
  const token = ((await (await page.request.post("/api/auth/refresh")).json()) as { accessToken: string }).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const journeys = (await (await page.request.get("/api/journeys", { headers: auth })).json()) as { items: { id: string }[] };
  const session = (await (await page.request.post("/api/sessions", { headers: auth, data: { title: "Show and tell", journeyId: journeys.items[0].id } })).json()) as { id: string; joinCode: string };

  const context = await browser.newContext();
  await context.grantPermissions(["camera", "microphone"]);
  const dana = await context.newPage();
  await dana.addInitScript(CANCELLABLE_PICKER);
  const danaLog = watchConsole(dana);
  await dana.goto("/join");
  await dana.getByLabel("Session code").fill(session.joinCode.toLowerCase());
  await dana.getByLabel("Your name").fill("Dana");
  await dana.getByRole("button", { name: "Join", exact: true }).click();
  await expect(dana.getByRole("heading", { level: 2, name: "Audio and video" })).toBeVisible();
  await page.goto(`/sessions/${session.id}`);

  await joinCall(page);
  await joinCall(dana);
  await expect(remoteTiles(page)).toHaveCount(1);
  await expect(remoteTiles(page).getByText("Dana")).toBeVisible();
  await expectCameraPicture(remoteTiles(page));
  await expectCameraPicture(remoteTiles(dana));

  const share = panelOf(dana).getByRole("button", { name: "Share screen" });
  const stop = panelOf(dana).getByRole("button", { name: "Stop sharing" });
  const fayShareOfDana = remoteTiles(page).getByLabel("Screen shared by Dana");
  const cancelled = "Nothing is shared: the screen picker was closed or sharing was not allowed. You are still in the call, and you can share again at any time.";

  // Dana closes the screen picker: a calm note tied to the button, no alert, and the call goes on.
  await dana.evaluate(() => ((window as unknown as { __cancelPicker: boolean }).__cancelPicker = true));
  await share.click();
  await expect(panelOf(dana).getByText(cancelled)).toBeVisible();
  await expect(share).toHaveAccessibleDescription(cancelled);
  await expect(share).toHaveAttribute("aria-pressed", "false");
  await expect(panelOf(dana).getByRole("alert")).toHaveText("");
  await expect(panelOf(dana).getByRole("status")).toHaveText("Main room: one other person in the call.");
  await expect(remoteTiles(page).getByText("Sharing screen")).toHaveCount(0);
  await expect(fayShareOfDana).toHaveCount(0);
  await expectCameraPicture(remoteTiles(page));
  await expectCameraPicture(remoteTiles(dana));
  await expectPanelAccessible(dana, "after the screen picker was closed");

  // Dana shares, from the keyboard: the note goes, and her own tile shows her screen.
  await dana.evaluate(() => ((window as unknown as { __cancelPicker: boolean }).__cancelPicker = false));
  await share.focus();
  await dana.keyboard.press("Enter");
  await expect(stop).toHaveAttribute("aria-pressed", "true");
  await expect(panelOf(dana).getByText(cancelled)).toHaveCount(0);
  await expect(selfTile(dana).getByLabel("Your shared screen")).toBeVisible();

  // The facilitator sees the screen itself arrive, named as Dana's shared screen.
  await expect(fayShareOfDana).toBeVisible();
  await expect(remoteTiles(page).getByText("Sharing screen")).toBeVisible();
  await expectScreenPicture(remoteTiles(page));
  await expectPanelAccessible(page, "while a participant shares a screen");

  // Someone who joins during the share sees the screen too, not the camera behind it.
  await panelOf(page).getByRole("button", { name: "Leave the call" }).click();
  await expect(remoteTiles(dana)).toHaveCount(0);
  await joinCall(page);
  await expect(remoteTiles(page)).toHaveCount(1);
  await expect(fayShareOfDana).toBeVisible();
  await expectScreenPicture(remoteTiles(page));

  // Dana stops: the shared screen goes from the facilitator's view, and Dana's camera is back in her tile.
  await stop.click();
  await expect(share).toHaveAttribute("aria-pressed", "false");
  await expect(fayShareOfDana).toHaveCount(0);
  await expect(remoteTiles(page).getByText("Sharing screen")).toHaveCount(0);
  await expect(remoteTiles(page)).toHaveCount(1);
  await expect(remoteTiles(page).getByText("Dana")).toBeVisible();
  await expectCameraPicture(remoteTiles(page));
  await expect(selfTile(dana).getByLabel("Your shared screen")).toHaveCount(0);

  // Sharing again and ending it with the browser's own "Stop sharing" control has the same effect.
  await share.click();
  await expect(fayShareOfDana).toBeVisible();
  await expectScreenPicture(remoteTiles(page));
  await selfTile(dana)
    .locator("video")
    .evaluate((v: HTMLVideoElement) => {
      const track = (v.srcObject as MediaStream).getVideoTracks()[0];
      track.stop();
      track.dispatchEvent(new Event("ended"));
    });
  await expect(share).toHaveAttribute("aria-pressed", "false");
  await expect(fayShareOfDana).toHaveCount(0);
  await expect(remoteTiles(page).getByText("Sharing screen")).toHaveCount(0);
  await expectCameraPicture(remoteTiles(page));
  await expect(panelOf(page).getByRole("status")).toHaveText("Main room: one other person in the call.");

  expect(facilitatorLog.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  expect(danaLog.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  await context.close();
});
