import { expect, test, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../playwright.config";
import { expectPanelAccessible, panelOf } from "./media-support";
import { expectAccessible, signUp, uniqueEmail, watchConsole } from "./support";

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

const coachOf = (page: Page) => page.getByRole("region", { name: "My private coach" });

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

/** Says a phrase into the fake recognizer once the page's captions are listening. */
async function say(page: Page, text: string, final = true): Promise<void> {
  await expect.poll(() => page.evaluate(([t, f]) => (window as unknown as { __say: (t: string, f: boolean) => boolean }).__say(t, f), [text, final] as const)).toBe(true);
}

test("a participant chooses which of their own caption lines go to their private coach, and nothing goes by itself", async ({ page, browser }) => {
  const session = await createSession(page, "Fay");
  const dana = await joinAsGuest(browser, session.joinCode, "Dana", FAKE_RECOGNITION);
  const eli = await joinAsGuest(browser, session.joinCode, "Eli", FAKE_RECOGNITION);
  const danaPanel = panelOf(dana.page);
  const danaToCoach = danaPanel.getByRole("region", { name: "Your words for your private coach" });

  // Before captions are on there is nothing to send.
  await expect(danaToCoach).toHaveCount(0);
  await danaPanel.getByRole("button", { name: "Turn captions on" }).click();
  await expect(danaToCoach.getByText("When you speak with captions on, your finished phrases appear here.")).toBeVisible();
  await panelOf(eli.page).getByRole("button", { name: "Turn captions on" }).click();

  await say(dana.page, "I keep thinking about a new start");
  await say(dana.page, "at wo", false);
  await say(dana.page, "at work and at home");
  await say(eli.page, "Eli has his own thoughts");

  // Dana sees both people's captions, but only her own finished phrases can go to her coach.
  const danaCaptions = danaPanel.getByRole("log");
  await expect(danaCaptions.getByText("Eli: Eli has his own thoughts")).toBeVisible();
  await expect(danaCaptions.getByText("Dana: at work and at home")).toBeVisible();
  const danaLines = danaToCoach.getByRole("list", { name: "Your recent phrases" }).getByRole("listitem");
  await expect(danaLines).toHaveText([/^I keep thinking about a new start/, /^at work and at home/]);
  await expect(danaToCoach.getByText("Eli has his own thoughts")).toHaveCount(0);
  await expect(panelOf(eli.page).getByRole("list", { name: "Your recent phrases" }).getByRole("listitem")).toHaveText([/^Eli has his own thoughts/]);

  // Speaking alone puts nothing in the coach: no draft, no conversation started.
  const danaCoach = coachOf(dana.page);
  await expect(danaCoach.getByTestId("coach-caption-draft")).toHaveCount(0);
  await expect(danaCoach.getByRole("button", { name: "Open" })).toBeVisible();

  // One line, by choice: it becomes a draft in her coach panel, which opens to show it.
  await danaToCoach.getByRole("button", { name: "Send to my coach: I keep thinking about a new start" }).click();
  await expect(danaToCoach.getByText("Your phrase is now a draft in your private coach.", { exact: false })).toBeVisible();
  const draft = danaCoach.getByRole("group", { name: "From your captions" });
  await expect(draft.getByLabel("Words to send to the coach")).toHaveValue("I keep thinking about a new start");
  // Still only a draft: the conversation has not started.
  await expect(danaCoach.getByRole("button", { name: "Talk with the coach about my cards" })).toBeVisible();
  await expect(danaCoach.getByRole("list", { name: "Conversation" })).toHaveCount(0);
  await expectPanelAccessible(dana.page, "media panel with phrases for the coach");
  await expectAccessible(dana.page, "the caption draft in the coach panel", '[data-testid="coach-caption-draft"]');
  expect(await dana.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // Dropped, then her last two phrases together.
  await draft.getByRole("button", { name: "Discard" }).click();
  await expect(draft).toHaveCount(0);
  await danaToCoach.getByLabel("How many of my last phrases").selectOption("2");
  await danaToCoach.getByRole("button", { name: "Send my last 2 phrases to my coach" }).click();
  await expect(draft.getByLabel("Words to send to the coach")).toHaveValue("I keep thinking about a new start\nat work and at home");

  // She changes a word and sends it herself; the coach answers in her private conversation.
  await draft.getByLabel("Words to send to the coach").fill("I keep thinking about a fresh start\nat work and at home");
  await draft.getByRole("button", { name: "Send to the coach" }).click();
  await expect(draft).toHaveCount(0);
  const turns = danaCoach.getByRole("list", { name: "Conversation" });
  await expect(turns.getByRole("listitem").filter({ hasText: /^You/ })).toContainText("I keep thinking about a fresh start");
  await expect(turns.getByRole("listitem").filter({ hasText: /^You/ })).toContainText("at work and at home");
  await expect(turns.getByRole("listitem").filter({ hasText: /^Coach/ })).toHaveCount(1);

  // Eli's coach never received anything.
  await expect(coachOf(eli.page).getByTestId("coach-caption-draft")).toHaveCount(0);
  await expect(coachOf(eli.page).getByRole("button", { name: "Open" })).toBeVisible();

  // The facilitator has no private coach here, so the console offers no such choice.
  await page.goto(`/sessions/${session.id}`);
  await panelOf(page).getByRole("button", { name: "Set up camera and microphone" }).click();
  await panelOf(page).getByRole("button", { name: "Join the call" }).click();
  await expect(panelOf(page).getByRole("group", { name: "Call controls" })).toBeVisible();
  await say(dana.page, "one more thing");
  await expect(panelOf(page).getByRole("log").getByText("Dana: one more thing")).toBeVisible();
  await expect(panelOf(page).getByRole("region", { name: "Your words for your private coach" })).toHaveCount(0);

  expect(dana.log.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  expect(eli.log.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  await dana.context.close();
  await eli.context.close();
});

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
  await expectPanelAccessible(hana.page, "captions unavailable");
  expect(hana.log.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  await hana.context.close();
});

test("with a transcription engine on the server, a browser without speech recognition captions through it", async ({ page, browser }) => {
  const session = await createSession(page, "Ido");
  // A studio with an engine configured, as its server would answer (the route itself, with a
  // registered engine, is covered in server/integrations/transcription.test.ts).
  const recordings: Buffer[] = [];
  const withEngine = async (p: Page) => {
    await p.route("**/api/media/transcription", (route) => route.fulfill({ json: { available: true, engine: "whisper", reason: null } }));
    await p.route("**/media/transcribe**", async (route) => {
      const body = route.request().postDataBuffer() ?? Buffer.alloc(0);
      recordings.push(body);
      await route.fulfill({ json: { text: `piece ${recordings.length}`, language: "en" } });
    });
  };

  const noRecognition = await joinAsGuest(browser, session.joinCode, "Noa", NO_RECOGNITION, withEngine);
  const panel = panelOf(noRecognition.page);
  await expect(panel.getByTestId("captions-availability")).toHaveText(
    "This browser has no speech recognition, so the studio's transcription engine (whisper) captions what you say, a few seconds behind. You still see the captions of others.",
  );

  // The facilitator is in the call to receive the captions.
  await page.goto(`/sessions/${session.id}`);
  await panelOf(page).getByRole("button", { name: "Set up camera and microphone" }).click();
  await panelOf(page).getByRole("button", { name: "Join the call" }).click();
  await expect(panelOf(page).getByRole("group", { name: "Call controls" })).toBeVisible();

  const button = panel.getByRole("button", { name: "Turn captions on" });
  await expect(button).toBeEnabled();
  await button.click();
  // Five-second recordings of the fake microphone, each a whole WebM file, become phrases for the room.
  await expect(panelOf(page).getByRole("log").getByText("Noa: piece 1")).toBeVisible({ timeout: 20_000 });
  expect(recordings[0].subarray(0, 4).toString("hex")).toBe("1a45dfa3");
  expect(recordings[0].byteLength).toBeGreaterThan(1000);
  await expect(panelOf(page).getByRole("log").getByText("Noa: piece 2")).toBeVisible({ timeout: 20_000 });
  expect(recordings[1].subarray(0, 4).toString("hex")).toBe("1a45dfa3");
  await panel.getByRole("button", { name: "Turn captions off" }).click();
  const sent = recordings.length;
  await noRecognition.page.waitForTimeout(6_000);
  expect(recordings.length).toBeLessThanOrEqual(sent + 1);

  const withRecognition = await joinAsGuest(browser, session.joinCode, "Ran", FAKE_RECOGNITION, withEngine);
  await expect(panelOf(withRecognition.page).getByTestId("captions-availability")).toHaveText(
    "Your captions come from this browser's speech recognition. This studio also has a transcription engine on its server (whisper).",
  );
  await expect(panelOf(withRecognition.page).getByRole("button", { name: "Turn captions on" })).toBeEnabled();
  expect(noRecognition.log.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  await noRecognition.context.close();
  await withRecognition.context.close();
});
