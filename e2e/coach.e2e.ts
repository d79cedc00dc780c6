import { expect, test, type Route } from "@playwright/test";
import { expectAccessible, signUp, uniqueEmail, watchConsole } from "./support";

test.setTimeout(180_000);

function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test("a person coaches themselves: topic, cards, a streamed conversation, a rating, a kept summary and its step", async ({ page }) => {
  await signUp(page, { name: "Noa", email: uniqueEmail("noa") });
  const log = watchConsole(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coach" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Coach" })).toBeVisible();
  await page.getByLabel("What is on your mind?").fill("a new start at work");

  // Face down: a random card, turned over by hand.
  await page.getByRole("button", { name: "Draw a card face down" }).click();
  const hand = page.getByRole("region", { name: "Your cards" });
  await hand.getByRole("button", { name: "Turn card 1 over" }).click();
  await expect(hand.getByRole("figure")).toHaveCount(1);

  // Drawn for me: suggestions for the topic, each with its reason; choosing one is told to the studio.
  await page.getByRole("radio", { name: /Draw a card for me/ }).check();
  await page.getByRole("button", { name: "Suggest cards" }).click();
  const suggestions = page.getByRole("list", { name: "Suggested cards" });
  await expect(suggestions.getByRole("listitem").first()).toContainText("Why:");
  const chosenFeedback = page.waitForResponse((r) => r.url().endsWith("/api/feedback") && r.request().method() === "POST");
  await suggestions.getByRole("button", { name: /^Choose / }).first().click();
  expect((await chosenFeedback).status()).toBe(204);
  await expect(hand.getByRole("figure")).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Your cards (2 of 3)" })).toBeVisible();
  await expectAccessible(page, "coach start");

  await page.getByRole("button", { name: "Begin the conversation" }).click();
  await expect(page).toHaveURL(/\/coach\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "a new start at work" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Cards in this conversation" }).getByRole("figure")).toHaveCount(2);
  const phases = page.getByRole("navigation", { name: "Phases of the conversation" });
  await expect(phases.locator('[aria-current="step"]')).toContainText("Pause");

  // A turn: the reply arrives as a server-sent event stream and lands in the conversation.
  const conversation = page.getByRole("list", { name: "Conversation" });
  const words = page.getByLabel("Your words");
  await words.fill("I feel tired and worried about my job.");
  const streamed = page.waitForResponse((r) => /\/messages$/.test(r.url()));
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const res = await streamed;
  expect(res.headers()["content-type"]).toContain("text/event-stream");
  expect(await res.text()).toMatch(/event: delta[\s\S]*event: done/);
  const coachTurn = conversation.getByRole("listitem").filter({ hasText: /^Coach/ }).first();
  await expect(coachTurn).toContainText("?");
  await expect(conversation.getByRole("listitem").filter({ hasText: "I feel tired and worried about my job." })).toHaveCount(1);
  await expect(words).toHaveValue("");

  // Rating the coach's turn.
  const rated = page.waitForResponse((r) => r.url().endsWith("/api/feedback"));
  await coachTurn.getByRole("button", { name: "Helpful", exact: true }).click();
  expect((await rated).status()).toBe(204);
  await expect(coachTurn.getByText("Thank you: marked as helpful.")).toBeVisible();

  // Stopping: the built-in coach answers faster than anyone can press Stop, so this reply is
  // held back on the way; Stop aborts the request, and words the server never got return to the box.
  let held: Route | null = null;
  await page.route("**/api/coach/conversations/*/messages", (route) => {
    held = route;
  });
  await words.fill("I keep thinking about starting over.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const stop = page.getByRole("button", { name: "Stop" });
  await expect(stop).toBeVisible();
  await expect(page.getByText("The coach is thinking…")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toHaveCount(0);
  await expectAccessible(page, "coach while streaming");
  await stop.click();
  await expect(page.getByText("You stopped the reply.")).toBeVisible();
  await expect(stop).toHaveCount(0);
  await expect(words).toHaveValue("I keep thinking about starting over.");
  expect(held).not.toBeNull();
  await page.unroute("**/api/coach/conversations/*/messages");

  // The next turn goes through again.
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(conversation.getByRole("listitem").filter({ hasText: /^Coach/ })).toHaveCount(2);
  await expect(words).toHaveValue("");
  await expectAccessible(page, "coach conversation");

  // Dictation exists where the browser has speech recognition, and says so where it does not.
  const dictation = await page.evaluate(() => "SpeechRecognition" in window || "webkitSpeechRecognition" in window);
  if (dictation) await expect(page.getByRole("button", { name: "Dictate" })).toBeVisible();
  else await expect(page.getByText("Dictation is not available in this browser; you can type instead.")).toBeVisible();

  // The summary: edit a commitment with its time frame, keep it with consent to remember.
  await page.getByRole("button", { name: "Finish and review the summary" }).click();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByText(/The coach's proposal/)).toBeVisible();
  await summary.getByRole("button", { name: "Add a commitment" }).click();
  const last = summary.getByLabel(/^Commitment \d+$/).last();
  await last.fill("Call my sister about the new job");
  await summary.getByLabel("Time frame").last().fill("within 24 hours");
  await summary.getByLabel("Due on (optional)").last().fill(dayFromNow(1));
  // A second step that is already overdue, so its reminder comes within the reminder job's minute.
  await summary.getByRole("button", { name: "Add a commitment" }).click();
  await summary.getByLabel(/^Commitment \d+$/).last().fill("Write down three ideas");
  await summary.getByLabel("Due on (optional)").last().fill(dayFromNow(-1));
  await summary.getByLabel(/Let the coach remember/).check();
  await expectAccessible(page, "coach summary");
  await summary.getByRole("button", { name: "Keep the summary" }).click();
  await expect(summary.getByText("The summary is kept.")).toBeVisible();

  await summary.getByRole("link", { name: "See my steps" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My steps" })).toBeVisible();
  const step = page.getByRole("listitem").filter({ hasText: "Call my sister about the new job (within 24 hours)" });
  await expect(step).toBeVisible();
  await expect(step).toContainText("due");
  await expectAccessible(page, "commitments");

  // The overdue step's reminder: a badge in the header and a notice on the page; marking it done clears both.
  const badge = page.getByRole("banner").getByRole("link", { name: /Steps due: 1/ });
  await expect(async () => {
    await page.reload();
    await expect(badge).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [5_000] });
  const due = page.getByRole("region", { name: "Steps due now: 1" });
  await expect(due).toContainText("Write down three ideas");
  await expectAccessible(page, "due reminder");
  await due.getByRole("button", { name: "Mark done" }).click();
  await expect(due).toHaveCount(0);
  await expect(badge).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Done and dropped" })).toContainText("Write down three ideas");

  // Reflecting on the step opens a conversation about it.
  await step.getByRole("button", { name: "Reflect with the coach" }).click();
  await expect(page).toHaveURL(/\/coach\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: /Following up on my step: Call my sister/ })).toBeVisible();

  // What the coach remembers, and forgetting it.
  await page.goto("/coach/memories");
  const memory = page.getByRole("listitem").filter({ hasText: "Call my sister about the new job" });
  await expect(memory).toBeVisible();
  await expectAccessible(page, "memories");
  await memory.getByRole("button", { name: /^Forget/ }).click();
  await page.getByRole("dialog", { name: "Forget this?" }).getByRole("button", { name: "Forget" }).click();
  await expect(page.getByText(/^Forgotten:/)).toBeVisible();
  await expect(memory).toHaveCount(0);

  // Earlier conversations reopen from the coach's page, and the page fits a 360 px phone.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/coach");
  await expect(page.getByRole("link", { name: /a new start at work/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByRole("link", { name: /a new start at work/ }).click();
  await expect(page.getByRole("list", { name: "Conversation" }).getByRole("listitem").filter({ hasText: /^Coach/ })).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);


  // The organisation's model for the coach: the key is write-only and only said to be stored.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/org");
  const ai = page.getByRole("region", { name: "The coach's model" });
  await expect(ai.getByText("API key: none stored")).toBeVisible();
  await ai.getByLabel("Provider").selectOption({ label: "OpenAI-compatible (OpenAI, Ollama, llama.cpp, vLLM…)" });
  await ai.getByLabel("Base URL").fill("ftp://models.example.com");
  await ai.getByLabel("Model").fill("small-model");
  await ai.getByLabel("API key").fill("sk-test-secret");
  await ai.getByRole("button", { name: "Save the coach's settings" }).click();
  await expect(ai.getByText("Must be an http(s) URL", { exact: true })).toBeVisible();
  await ai.getByLabel("Base URL").fill("http://127.0.0.1:9/v1");
  await ai.getByRole("button", { name: "Save the coach's settings" }).click();
  await expect(ai.getByText("The coach's settings are saved.")).toBeVisible();
  await expect(ai.getByText("API key: a key is stored (it is never shown)")).toBeVisible();
  await expect(ai.getByLabel("API key")).toHaveValue("");
  await expectAccessible(page, "coach model settings");
  await page.reload();
  await expect(page.getByRole("region", { name: "The coach's model" }).getByText("This organisation has its own settings.")).toBeVisible();
  expect(await page.content()).not.toContain("sk-test-secret");

  expect(log.errors.filter((e) => !/Failed to load resource|AbortError|aborted/i.test(e))).toEqual([]);
});

test("a participant talks privately with the coach about their own card in a live session, and a crisis gets help first", async ({ page, browser }) => {
  await signUp(page, { name: "Fay", email: uniqueEmail("fay.coach") });
  await page.goto("/sessions");
  await page.getByLabel("Journey", { exact: true }).selectOption({ label: "Team Retrospective" });
  await page.getByLabel("Title", { exact: true }).fill("Coach check-in");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";

  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const guest = await context.newPage();
  const log = watchConsole(guest);
  await guest.goto("/join");
  await guest.getByLabel("Session code").fill(code);
  await guest.getByLabel("Your name").fill("Ana");
  await guest.getByRole("button", { name: "Join", exact: true }).click();
  await expect(guest.getByRole("heading", { level: 2, name: "My cards" })).toBeVisible();

  // One photo card, face up, to each participant.
  await page.getByRole("button", { name: "Next phase: Expand" }).click();
  const deck = page.getByLabel("Deck", { exact: true });
  const photo = await deck.locator("option", { hasText: "Quiet Horizons" }).getAttribute("value");
  await deck.selectOption(photo ?? "");
  await page.getByRole("radio", { name: "Face up" }).check();
  await page.getByRole("radio", { name: "Each participant" }).check();
  await page.getByLabel("How many").fill("1");
  await page.getByRole("button", { name: "Deal cards" }).click();
  await expect(guest.getByRole("button", { name: /^Turn face down: .+$/ })).toBeVisible();

  const panel = guest.getByRole("region", { name: "My private coach" });
  await expect(panel.getByText("Only you see this conversation; the facilitator does not.")).toBeVisible();
  await panel.getByRole("button", { name: "Open" }).click();
  await expect(panel.getByText("The coach will talk with you about the 1 card(s) you hold face up.")).toBeVisible();
  await panel.getByRole("button", { name: "Talk with the coach about my cards" }).click();
  await expect(panel.getByRole("region", { name: "Cards in this conversation" }).getByRole("figure")).toHaveCount(1);

  const words = panel.getByLabel("Your words");
  await words.fill("I see a road and I feel hopeful about it.");
  await panel.getByRole("button", { name: "Send", exact: true }).click();
  const turns = panel.getByRole("list", { name: "Conversation" });
  await expect(turns.getByRole("listitem").filter({ hasText: /^Coach/ })).toHaveCount(1);
  await expect(turns.getByRole("listitem").filter({ hasText: /^Coach/ })).toContainText("?");
  await expectAccessible(guest, "participant coach panel");
  expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // A message suggesting self-harm: no coaching, help resources shown plainly.
  await words.fill("I want to kill myself.");
  await panel.getByRole("button", { name: "Send", exact: true }).click();
  const help = turns.getByRole("region", { name: "You deserve support right now" });
  await expect(help).toBeVisible();
  await expect(help.getByRole("listitem").first()).toBeVisible();
  await expectAccessible(guest, "safety answer");

  // A reload reopens the same private conversation.
  await guest.reload();
  await guest.getByRole("region", { name: "My private coach" }).getByRole("button", { name: "Open" }).click();
  await expect(guest.getByRole("region", { name: "My private coach" }).getByRole("list", { name: "Conversation" }).getByRole("listitem").filter({ hasText: /^Coach/ })).toHaveCount(2);

  // The guest keeps a summary of their private conversation (no memories or reminders without an account).
  const reopened = guest.getByRole("region", { name: "My private coach" });
  await reopened.getByRole("button", { name: "Finish and review the summary" }).click();
  const summary = reopened.getByRole("region", { name: "Summary" });
  await expect(summary.getByText(/The coach's proposal/)).toBeVisible();
  await expect(summary.getByLabel(/Let the coach remember/)).toHaveCount(0);
  await summary.getByRole("button", { name: "Add a theme" }).click();
  await summary.getByLabel(/^Theme \d+$/).last().fill("hope on the road");
  await summary.getByRole("button", { name: "Keep the summary" }).click();
  await expect(summary.getByText("The summary is kept.")).toBeVisible();
  await expectAccessible(guest, "participant summary");
  expect(log.errors).toEqual([]);
  await context.close();
});
