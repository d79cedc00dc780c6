import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_ZOOM_ACCOUNT } from "../server/integrations/zoom/fake";
import { expectAccessible, signUp, uniqueEmail, watchConsole } from "./support";

test.setTimeout(180_000);

const WEBHOOK_SECRET = "e2e-webhook-secret-token";

function signed(body: unknown) {
  const raw = JSON.stringify(body);
  const ts = String(Math.floor(Date.now() / 1000));
  return { raw, headers: { "content-type": "application/json", "x-zm-request-timestamp": ts, "x-zm-signature": `v0=${createHmac("sha256", WEBHOOK_SECRET).update(`v0:${ts}:${raw}`).digest("hex")}` } };
}

test("an admin connects Zoom, a session gets its meeting, participants see the join link and the record shows Zoom's events", async ({ page, browser, request }) => {
  const log = watchConsole(page);
  await signUp(page, { name: "Zia", email: uniqueEmail("zia") });

  // Organisation settings: connect Zoom. The credentials are checked with (the fake) Zoom and never shown again.
  await page.goto("/org");
  const panel = page.getByRole("region", { name: "Zoom" }).or(page.locator("section", { has: page.getByRole("heading", { name: "Zoom", exact: true }) }));
  await expect(page.getByTestId("zoom-status")).toHaveText(/Zoom is not connected/);
  const webhookUrl = (await panel.getByText(/\/api\/integrations\/zoom\/webhook\//).textContent())?.trim() ?? "";
  expect(webhookUrl).toMatch(/\/api\/integrations\/zoom\/webhook\/[0-9a-f-]{36}$/);
  await page.getByLabel("Account ID").fill(E2E_ZOOM_ACCOUNT.accountId);
  await page.getByLabel("Client ID").fill(E2E_ZOOM_ACCOUNT.clientId);
  await page.getByLabel("Client secret").fill("not-the-secret");
  await page.getByLabel("Webhook secret token").fill(WEBHOOK_SECRET);
  await page.getByRole("button", { name: "Connect Zoom" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /did not accept/ })).toBeVisible();
  log.clear(); // the browser reports the refused attempt's 422 itself; that one is expected
  await page.getByLabel("Client secret").fill(E2E_ZOOM_ACCOUNT.clientSecret);
  await page.getByRole("button", { name: "Connect Zoom" }).click();
  await expect(page.getByRole("status").filter({ hasText: "stored encrypted" })).toBeVisible();
  await expect(page.getByTestId("zoom-status")).toHaveText(/Zoom is connected/);
  await expect(page.getByLabel("Client secret")).toHaveValue("");
  expect(await page.content()).not.toContain(E2E_ZOOM_ACCOUNT.clientSecret);
  await expectAccessible(page, "organisation settings with Zoom");

  // A new session with its Zoom meeting.
  await page.goto("/sessions");
  await page.getByLabel("Title", { exact: true }).fill("Zoom circle");
  await page.getByLabel("Also create a Zoom meeting").check();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionId = page.url().split("/").pop() ?? "";
  const start = page.getByRole("link", { name: /Start the meeting as host/ });
  const join = page.getByRole("link", { name: /Join on Zoom/ });
  await expect(start).toHaveAttribute("href", /zoom\.us\/s\/\d+/);
  await expect(join).toHaveAttribute("href", /zoom\.us\/j\/\d+/);
  const meetingId = /\/j\/(\d+)/.exec((await join.getAttribute("href")) ?? "")?.[1] ?? "";
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  await page.getByText("Invitation text", { exact: true }).click();
  await expect(page.getByText(new RegExp(`join with the code ${code}`))).toBeVisible();

  // A participant on a 360 px phone sees the join link, never the host's start link.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const guest = await phone.newPage();
  await guest.goto("/join");
  await guest.getByLabel("Session code").fill(code);
  await guest.getByLabel("Your name").fill("Dana");
  await guest.getByRole("button", { name: "Join", exact: true }).click();
  await expect(guest.getByRole("link", { name: /Join on Zoom/ })).toHaveAttribute("href", new RegExp(`/j/${meetingId}`));
  await expect(guest.getByRole("link", { name: /Start the meeting/ })).toHaveCount(0);
  const overflow = await guest.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.close();

  // Zoom reports the meeting: signed deliveries are recorded, a forged one is refused.
  const orgPath = new URL(webhookUrl).pathname;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const started = signed({ event: "meeting.started", event_ts: Date.now(), payload: { account_id: E2E_ZOOM_ACCOUNT.accountId, object: { id: meetingId, uuid: "u1", start_time: now } } });
  expect((await request.post(orgPath, { headers: started.headers, data: started.raw })).status()).toBe(200);
  const joined = signed({
    event: "meeting.participant_joined",
    event_ts: Date.now(),
    payload: { account_id: E2E_ZOOM_ACCOUNT.accountId, object: { id: meetingId, uuid: "u1", participant: { user_name: "Dana on Zoom", participant_uuid: "p1", join_time: now } } },
  });
  expect((await request.post(orgPath, { headers: joined.headers, data: joined.raw })).status()).toBe(200);
  const forged = { ...joined.headers, "x-zm-signature": "v0=" + "0".repeat(64) };
  expect((await request.post(orgPath, { headers: forged, data: joined.raw })).status()).toBe(401);

  await page.goto(`/sessions/${sessionId}/record`);
  await expect(page.getByRole("heading", { name: "Zoom meeting" })).toBeVisible();
  await expect(page.getByText("The Zoom meeting started")).toBeVisible();
  await expect(page.getByText("Dana on Zoom joined on Zoom")).toBeVisible();
  expect(log.errors).toEqual([]);
});
