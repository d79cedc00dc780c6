import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../playwright.config";
import { signUp, uniqueEmail, watchConsole } from "./support";

// Chromium's fake camera and microphone, granted without a prompt.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
  },
});
test.setTimeout(180_000);

/**
 * Headless Chromium has the speech recognition constructor but no recognizer behind it. This
 * stands in for it: the page's captions start it, and the test says what it "heard" with
 * `window.__say(text, final)`, which answers false while nothing is listening.
 */
const FAKE_RECOGNITION = `(() => {
  const listening = [];
  class FakeRecognition {
    constructor() { this.lang = ""; this.continuous = false; this.interimResults = false; this.onresult = null; this.onerror = null; this.onend = null; this.running = false; }
    start() { this.running = true; listening.push(this); }
    stop() { this.running = false; listening.splice(listening.indexOf(this), 1); }
  }
  window.SpeechRecognition = FakeRecognition;
  window.webkitSpeechRecognition = FakeRecognition;
  window.__say = (text, final) => {
    const r = listening.find((l) => l.running);
    if (!r || !r.onresult) return false;
    r.onresult({ resultIndex: 0, results: { length: 1, 0: { isFinal: final, 0: { transcript: text } } } });
    return true;
  };
})()`;

/** A browser without any speech recognition (Firefox, for example). */
const NO_RECOGNITION = `(() => {
  delete window.SpeechRecognition;
  delete window.webkitSpeechRecognition;
})()`;

const panelOf = (page: Page) => page.getByTestId("media-panel");

async function createSession(page: Page, facilitator: string): Promise<{ id: string; joinCode: string; auth: { authorization: string } }> {
  await signUp(page, { name: facilitator, email: uniqueEmail(`${facilitator.toLowerCase()}.speech`) });
  const token = ((await (await page.request.post("/api/auth/refresh")).json()) as { accessToken: string }).accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const journeys = (await (await page.request.get("/api/journeys", { headers: auth })).json()) as { items: { id: string }[] };
  const created = await page.request.post("/api/sessions", { headers: auth, data: { title: "Speaking circle", journeyId: journeys.items[0].id } });
  expect(created.status()).toBe(201);
  return { ...((await created.json()) as { id: string; joinCode: string }), auth };
}

/** A guest joins the session on a phone-sized screen and then its call. */
async function joinAsGuest(browser: Browser, joinCode: string, name: string, script: string, prepare?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  await context.grantPermissions(["camera", "microphone"]);
  const page = await context.newPage();
  await page.addInitScript(script);
  await prepare?.(page);
  const log = watchConsole(page);
  await page.goto("/join");
  await page.getByLabel("Session code").fill(joinCode.toLowerCase());
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  const panel = panelOf(page);
  await panel.getByRole("button", { name: "Set up camera and microphone" }).click();
  await expect(panel.getByLabel("Your camera preview")).toBeVisible();
  await panel.getByRole("button", { name: "Join the call" }).click();
  await expect(panel.getByRole("group", { name: "Call controls" })).toBeVisible();
  return { context, page, log };
}

async function expectAccessible(page: Page, selector: string, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility problems (${label})`).toEqual([]);
}

test("the captions say plainly when neither this browser nor the studio can caption", async ({ page, browser }) => {
  const session = await createSession(page, "Gil");
  // This studio runs without a transcription engine, and says so.
  const status = await page.request.get("/api/media/transcription", { headers: session.auth });
  expect(status.status()).toBe(200);
  expect(((await status.json()) as { available: boolean }).available).toBe(false);

  const hana = await joinAsGuest(browser, session.joinCode, "Hana", NO_RECOGNITION);
  const panel = panelOf(hana.page);
  const line = panel.getByTestId("captions-availability");
  await expect(line).toHaveText("Live captions are not available in this browser, and this studio has no transcription engine configured. You still see the captions of others.");
  const button = panel.getByRole("button", { name: "Turn captions on" });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(/no transcription engine configured/);
  // Said once, not twice.
  await expect(panel.getByText(/This browser has no speech recognition/)).toHaveCount(0);
  await expectAccessible(hana.page, '[data-testid="media-panel"]', "captions unavailable");
  expect(hana.log.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  await hana.context.close();
});

test("the captions say when the studio has a transcription engine", async ({ page, browser }) => {
  const session = await createSession(page, "Ido");
  // A studio with an engine configured, as its server would answer.
  const withEngine = (p: Page) => p.route("**/api/media/transcription", (route) => route.fulfill({ json: { available: true, engine: "whisper", reason: null } }));

  const noRecognition = await joinAsGuest(browser, session.joinCode, "Noa", NO_RECOGNITION, withEngine);
  await expect(panelOf(noRecognition.page).getByTestId("captions-availability")).toHaveText(
    "Live captions are not available in this browser. This studio has a transcription engine on its server (whisper), but captions in a call come from each person's browser. You still see the captions of others.",
  );
  await expect(panelOf(noRecognition.page).getByRole("button", { name: "Turn captions on" })).toBeDisabled();

  const withRecognition = await joinAsGuest(browser, session.joinCode, "Ran", FAKE_RECOGNITION, withEngine);
  await expect(panelOf(withRecognition.page).getByTestId("captions-availability")).toHaveText(
    "Your captions come from this browser's speech recognition. This studio also has a transcription engine on its server (whisper).",
  );
  await expect(panelOf(withRecognition.page).getByRole("button", { name: "Turn captions on" })).toBeEnabled();
  await noRecognition.context.close();
  await withRecognition.context.close();
});
