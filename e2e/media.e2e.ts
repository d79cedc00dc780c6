import { expect, test, type Locator, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../playwright.config";
import { expectPanelAccessible, joinCall, panelOf } from "./media-support";
import { signUp, uniqueEmail, watchConsole } from "./support";

// Chromium's fake camera (a moving test pattern) and microphone (a beeping tone), granted without a prompt.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
  },
});
test.setTimeout(240_000);

const remoteTiles = (page: Page) => panelOf(page).locator('[data-testid="media-tile"][data-self="false"]');

/** A remote person's picture is really arriving: the video element has decoded frames of a real size. */
async function expectRemoteVideo(tile: Locator): Promise<void> {
  await expect
    .poll(async () => tile.locator("video").evaluate((v: HTMLVideoElement) => v.videoWidth > 0 && ((v.srcObject as MediaStream | null)?.getVideoTracks().some((t) => t.readyState === "live") ?? false)), { timeout: 45_000 })
    .toBe(true);
}

/**
 * Makes the first connection on this page lose every network candidate of the other side's first
 * ICE attempt, as when a signal goes missing or the browser's candidate gathering stalls under load.
 * Counts what it dropped and the other side's later ICE generations.
 */
const LOSE_FIRST_CANDIDATES = `(() => {
  const Original = window.RTCPeerConnection;
  const lost = (window.__lost = { candidates: 0, laterAttempts: 0 });
  let first = true;
  const ufragOf = (sdp) => (/a=ice-ufrag:(\\S+)/.exec(sdp || "") || [])[1] || null;
  window.RTCPeerConnection = class extends Original {
    constructor(...args) {
      super(...args);
      if (!first) return;
      first = false;
      let lostUfrag = null;
      const setRemote = this.setRemoteDescription.bind(this);
      this.setRemoteDescription = (d) => {
        const ufrag = ufragOf(d && d.sdp);
        if (lostUfrag === null) lostUfrag = ufrag;
        else if (ufrag && ufrag !== lostUfrag) lost.laterAttempts += 1;
        if (d && d.sdp && ufrag === lostUfrag) d = { type: d.type, sdp: d.sdp.split("\\r\\n").filter((l) => !l.startsWith("a=candidate")).join("\\r\\n") };
        return setRemote(d);
      };
      const addCandidate = this.addIceCandidate.bind(this);
      this.addIceCandidate = (c) => {
        if (lostUfrag !== null && (!c || !c.usernameFragment || c.usernameFragment === lostUfrag)) {
          if (c) lost.candidates += 1;
          return Promise.resolve();
        }
        return addCandidate(c);
      };
    }
  };
})()`;

test("a facilitator and a participant see and hear each other, mute, and keep their call through a breakout and back", async ({ page, browser }) => {
  const facilitatorLog = watchConsole(page);
  await page.context().grantPermissions(["camera", "microphone"]);
  await signUp(page, { name: "Fay", email: uniqueEmail("fay.media") });
  const token = ((await (await page.request.post("/api/auth/refresh")).json()) as { accessToken: string }).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const journeys = (await (await page.request.get("/api/journeys", { headers: auth })).json()) as { items: { id: string }[] };
  const created = await page.request.post("/api/sessions", { headers: auth, data: { title: "Video circle", journeyId: journeys.items[0].id } });
  const session = (await created.json()) as { id: string; joinCode: string };

  // The participant joins on a phone-sized screen.
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  await context.grantPermissions(["camera", "microphone"]);
  const dana = await context.newPage();
  const danaLog = watchConsole(dana);
  await dana.goto("/join");
  await dana.getByLabel("Session code").fill(session.joinCode.toLowerCase());
  await dana.getByLabel("Your name").fill("Dana");
  await dana.getByRole("button", { name: "Join", exact: true }).click();
  await expect(dana.getByRole("heading", { level: 2, name: "Audio and video" })).toBeVisible();

  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Audio and video" })).toBeVisible();
  await expectPanelAccessible(page, "before joining");

  await joinCall(page);
  await joinCall(dana);

  // Each sees the other's picture arrive.
  await expect(remoteTiles(page)).toHaveCount(1);
  await expect(remoteTiles(dana)).toHaveCount(1);
  await expect(remoteTiles(page).getByText("Dana")).toBeVisible();
  await expect(remoteTiles(dana).getByText("Fay")).toBeVisible();
  await expectRemoteVideo(remoteTiles(page));
  await expectRemoteVideo(remoteTiles(dana));
  await expect(panelOf(dana).getByRole("status")).toHaveText("Main room: one other person in the call.");
  await expectPanelAccessible(page, "in a call");
  await expectPanelAccessible(dana, "in a call on a phone");
  // Nothing in the panel is wider than a 360 px phone.
  expect(await panelOf(dana).evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);

  // Dana mutes: the facilitator sees it in words, not only in colour.
  await panelOf(dana).getByRole("button", { name: "Mute microphone" }).click();
  await expect(panelOf(dana).getByRole("button", { name: "Unmute microphone" })).toHaveAttribute("aria-pressed", "true");
  await expect(remoteTiles(page)).toHaveAttribute("data-muted", "true");
  await expect(remoteTiles(page).getByText("Muted")).toBeVisible();
  await panelOf(dana).getByRole("button", { name: "Unmute microphone" }).click();
  await expect(remoteTiles(page).getByText("Muted")).toHaveCount(0);

  // Breakouts: Dana goes to room 1, the facilitator stays in the main room.
  await page.getByLabel("Rooms", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Open rooms" }).click();
  await expect(panelOf(dana).getByRole("status")).toHaveText("Breakout room 1: nobody else is in the call yet.");
  await expect(remoteTiles(dana)).toHaveCount(0);
  await expect(remoteTiles(page)).toHaveCount(0);

  // The facilitator visits room 1: both are in the same room again and the media reconnects.
  await panelOf(page).getByLabel("Be in the call of").selectOption({ label: "Breakout room 1" });
  await expect(panelOf(page).getByRole("status")).toHaveText("Breakout room 1: one other person in the call.");
  await expect(remoteTiles(dana)).toHaveCount(1);
  await expectRemoteVideo(remoteTiles(dana));
  await expectRemoteVideo(remoteTiles(page));

  // Closing the rooms brings everyone back to the main room, still connected.
  await page.getByRole("button", { name: "Close all rooms" }).click();
  await expect(panelOf(dana).getByRole("status")).toHaveText("Main room: one other person in the call.");
  await expect(panelOf(page).getByRole("status")).toHaveText("Main room: one other person in the call.");
  await expectRemoteVideo(remoteTiles(page));
  await expectRemoteVideo(remoteTiles(dana));

  // Leaving ends the call on the other side too.
  await panelOf(dana).getByRole("button", { name: "Leave the call" }).click();
  await expect(remoteTiles(page)).toHaveCount(0);
  await expect(panelOf(page).getByRole("status")).toHaveText("Main room: nobody else is in the call yet.");

  expect(facilitatorLog.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  expect(danaLog.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  await context.close();
});

test("a call whose first connection attempt gets no network candidates connects by itself", async ({ page, browser }) => {
  await page.context().grantPermissions(["camera", "microphone"]);
  await page.addInitScript(LOSE_FIRST_CANDIDATES);
  await signUp(page, { name: "Gal", email: uniqueEmail("gal.media") });
  const token = ((await (await page.request.post("/api/auth/refresh")).json()) as { accessToken: string }).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const journeys = (await (await page.request.get("/api/journeys", { headers: auth })).json()) as { items: { id: string }[] };
  const session = (await (await page.request.post("/api/sessions", { headers: auth, data: { title: "Patchy network", journeyId: journeys.items[0].id } })).json()) as { id: string; joinCode: string };

  const context = await browser.newContext();
  await context.grantPermissions(["camera", "microphone"]);
  const omer = await context.newPage();
  await omer.addInitScript(LOSE_FIRST_CANDIDATES);
  await omer.goto("/join");
  await omer.getByLabel("Session code").fill(session.joinCode.toLowerCase());
  await omer.getByLabel("Your name").fill("Omer");
  await omer.getByRole("button", { name: "Join", exact: true }).click();
  await page.goto(`/sessions/${session.id}`);

  await joinCall(page);
  await joinCall(omer);
  await expect(remoteTiles(page)).toHaveCount(1);
  await expect(remoteTiles(omer)).toHaveCount(1);
  // Neither side can reach the other with its first candidates; the studio tries again by itself.
  await expectRemoteVideo(remoteTiles(page));
  await expectRemoteVideo(remoteTiles(omer));
  const lost = async (p: Page) => p.evaluate(() => (window as unknown as { __lost: { candidates: number; laterAttempts: number } }).__lost);
  const [gal, omers] = [await lost(page), await lost(omer)];
  expect(gal.candidates + omers.candidates).toBeGreaterThan(0);
  expect(gal.laterAttempts + omers.laterAttempts).toBeGreaterThan(0);
  await context.close();
});
