import { expect, test, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../playwright.config";
import { expectAccessible, signUp, uniqueEmail, watchConsole } from "./support";

// Chromium's fake microphone (a beeping tone) and camera (a moving test pattern), granted without a prompt.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
  },
});
test.setTimeout(180_000);

/** The keys a `signals:share` may carry; anything else (samples, pixels, landmarks) would fail the test. */
const SHARE_KEYS = new Set(["sessionId", "windowMs", "engagement", "valence", "speakingMs", "voice", "face"]);
const VOICE_KEYS = new Set(["activity", "speakingMs", "loudness", "pitchVariation", "speakingRate"]);
const FACE_KEYS = new Set(["presence", "attention", "expressions", "fps"]);
const EXPRESSIONS = new Set(["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"]);

function onlyNumbers(value: unknown, keys: Set<string>): boolean {
  if (!value || typeof value !== "object") return false;
  return Object.entries(value).every(([k, v]) => keys.has(k) && typeof v === "number" && Number.isFinite(v));
}

/** Every socket frame the page sends, as text; binary frames are counted, because none should exist. */
function recordSocket(page: Page) {
  const shares: { at: number; raw: string; body: Record<string, unknown> }[] = [];
  const sent = { binary: 0, largest: 0 };
  page.on("websocket", (ws) =>
    ws.on("framesent", (frame) => {
      if (typeof frame.payload !== "string") {
        sent.binary += 1;
        return;
      }
      sent.largest = Math.max(sent.largest, frame.payload.length);
      const m = /^42\/live,\d*(.*)$/s.exec(frame.payload);
      if (!m) return;
      const [event, body] = JSON.parse(m[1]) as [string, Record<string, unknown>];
      if (event === "signals:share") shares.push({ at: Date.now(), raw: frame.payload, body });
    }),
  );
  return { shares, sent };
}

test("a participant shares voice and face signals with consent, the facilitator sees them live, and they stop when consent is withdrawn", async ({ page, browser }) => {
  const facilitatorLog = watchConsole(page);
  await signUp(page, { name: "Fay", email: uniqueEmail("fay.signals") });
  const token = ((await (await page.request.post("/api/auth/refresh")).json()) as { accessToken: string }).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const journeys = (await (await page.request.get("/api/journeys", { headers: auth })).json()) as { items: { id: string }[] };
  const created = await page.request.post("/api/sessions", { headers: auth, data: { title: "Signals circle", journeyId: journeys.items[0].id } });
  const session = (await created.json()) as { id: string; joinCode: string };

  // The participant joins with the code on a device with a (fake) microphone and camera.
  const context = await browser.newContext();
  await context.grantPermissions(["microphone", "camera"]);
  const dana = await context.newPage();
  const danaLog = watchConsole(dana);
  const traffic = recordSocket(dana);
  const uploads: number[] = [];
  dana.on("request", (r) => {
    if (r.method() !== "GET") uploads.push(r.postDataBuffer()?.length ?? 0);
  });
  await dana.goto("/join");
  await dana.getByLabel("Session code").fill(session.joinCode.toLowerCase());
  await dana.getByLabel("Your name").fill("Dana");
  await dana.getByRole("button", { name: "Join", exact: true }).click();
  await expect(dana).toHaveURL(new RegExp(`/join/${session.joinCode}$`));
  await expect(dana.getByRole("heading", { level: 2, name: "My cards" })).toBeVisible();

  await page.goto(`/sessions/${session.id}/signals`);
  const strip = page.getByTestId("engagement-strip");
  await expect(strip.getByText("Dana")).toBeVisible();
  await expect(strip.getByText("text only")).toBeVisible();

  await dana.goto(`/join/${session.joinCode}/signals`);
  await expect(dana.getByRole("heading", { level: 2, name: "Voice and face signals" })).toBeVisible();
  await expect(dana.getByText("Text only: no voice or face signals are measured.")).toBeVisible();
  await expectAccessible(dana, "signals consent");
  await dana.getByRole("checkbox", { name: /Voice/ }).check();
  await dana.getByRole("checkbox", { name: /Face/ }).check();
  await dana.getByRole("button", { name: "Save my choice" }).click();
  await expect(dana.getByText("Now sharing: Voice, Face.")).toBeVisible();

  // Within a window or two the device shows its own numbers and the facilitator sees Dana live.
  await expect(dana.getByTestId("my-signals")).toBeVisible({ timeout: 40_000 });
  await expect(strip.getByText(/engagement (low|medium|high)/)).toBeVisible({ timeout: 30_000 });
  await expect(strip.getByText(/Voice/)).toBeVisible();
  await expect.poll(() => traffic.shares.filter((s) => s.body.face).length, { timeout: 40_000 }).toBeGreaterThan(0);

  // Withdrawn: the microphone and camera stop, the facilitator sees that Dana stopped, and nothing more is sent.
  await dana.getByRole("button", { name: "Stop all signals" }).click();
  await expect(dana.getByText("Text only: no voice or face signals are measured.")).toBeVisible();
  await expect(strip.getByText("stopped sharing")).toBeVisible({ timeout: 15_000 });
  const sentBefore = traffic.shares.length;
  await page.waitForTimeout(12_000);
  expect(traffic.shares.length).toBe(sentBefore);
  await expect(strip.getByText("stopped sharing")).toBeVisible();

  // Only numbers ever left the device: known keys, finite numbers, small frames, no binary data, no uploads.
  expect(traffic.shares.length).toBeGreaterThan(0);
  for (const { raw, body } of traffic.shares) {
    expect(raw.length).toBeLessThan(1000);
    expect(Object.keys(body).every((k) => SHARE_KEYS.has(k))).toBe(true);
    expect(body.sessionId).toBe(session.id);
    if (body.voice) expect(onlyNumbers(body.voice, VOICE_KEYS)).toBe(true);
    if (body.face) {
      const { expressions, ...rest } = body.face as Record<string, unknown>;
      expect(onlyNumbers(rest, FACE_KEYS)).toBe(true);
      expect(Object.keys(expressions as object).length === 0 || onlyNumbers(expressions, EXPRESSIONS)).toBe(true);
    }
  }
  expect(traffic.sent.binary).toBe(0);
  expect(traffic.sent.largest).toBeLessThan(4000);
  expect(Math.max(0, ...uploads)).toBeLessThan(4000);
  expect(danaLog.errors.filter((e) => !/favicon|webgl|WebGL|backend/i.test(e))).toEqual([]);
  expect(facilitatorLog.errors).toEqual([]);
  await context.close();
});
