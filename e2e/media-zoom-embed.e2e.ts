import { expect, test, type BrowserContext, type ConsoleMessage, type Page, type Request } from "@playwright/test";
import { jwtVerify } from "jose";
import { E2E_ZOOM_ACCOUNT } from "../server/integrations/zoom/fake";
import { expectAccessible, signUp, uniqueEmail } from "./support";

test.setTimeout(180_000);

const SDK_KEY = "e2eSdkKey0123456789";
const SDK_SECRET = "e2e-sdk-secret-abcdefghijklmnopqrstuvwxyz";

/**
 * Nothing leaves the machine: every request to another host is recorded and refused as if the
 * network were down, which is what the Meeting SDK meets here (there is no real Zoom). The one
 * the SDK sends to join is Zoom's `wc/info`, with the meeting number and the signature.
 */
async function offline(context: BrowserContext) {
  const offsite: Request[] = [];
  await context.route(
    (url) => url.hostname !== "127.0.0.1" && url.protocol !== "blob:" && url.protocol !== "data:",
    async (route) => {
      offsite.push(route.request());
      await route.abort("internetdisconnected");
    },
  );
  return offsite;
}

/** Console errors of the studio's own page, and CSP refusals anywhere (the call's page included). */
function watchErrors(page: Page) {
  const studio: string[] = [];
  const csp: string[] = [];
  page.on("console", (msg: ConsoleMessage) => {
    if (/Content Security Policy/i.test(msg.text())) csp.push(msg.text());
    if (msg.type() !== "error") return;
    const from = msg.location().url;
    // The SDK's own complaints about the refused network are expected inside the call's page.
    if (from.includes("/zoom-embed/") || /ERR_INTERNET_DISCONNECTED/.test(msg.text())) return;
    studio.push(msg.text());
  });
  page.on("pageerror", (err) => studio.push(`uncaught: ${err.message}`));
  return { studio, csp };
}

async function joinRequest(offsite: Request[]) {
  await expect.poll(() => offsite.filter((r) => r.url().endsWith("/api/v1/wc/info")).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const req = offsite.find((r) => r.url().endsWith("/api/v1/wc/info"))!;
  expect(req.url()).toBe("https://zoom.us/api/v1/wc/info");
  expect(req.method()).toBe("POST");
  return new URLSearchParams(req.postData() ?? "");
}

async function verifiedClaims(signature: string) {
  const { payload, protectedHeader } = await jwtVerify(signature, new TextEncoder().encode(SDK_SECRET), { algorithms: ["HS256"] });
  expect(protectedHeader.alg).toBe("HS256");
  return payload;
}

test("with Meeting SDK credentials, facilitator and participant open the Zoom call in the session view; without Zoom the studio says why", async ({ page, browser }) => {
  const errors = watchErrors(page);
  const offsite = await offline(page.context());
  await signUp(page, { name: "Zia Host", email: uniqueEmail("zia-embed") });

  // Zoom connected without Meeting SDK credentials: links only, no call in the page.
  await page.goto("/org");
  await page.getByLabel("Account ID").fill(E2E_ZOOM_ACCOUNT.accountId);
  await page.getByLabel("Client ID").fill(E2E_ZOOM_ACCOUNT.clientId);
  await page.getByLabel("Client secret").fill(E2E_ZOOM_ACCOUNT.clientSecret);
  await page.getByLabel("Webhook secret token").fill("e2e-webhook-secret-token");
  await page.getByRole("button", { name: "Connect Zoom" }).click();
  await expect(page.getByTestId("zoom-status")).toHaveText(/No Meeting SDK credentials/);

  await page.goto("/sessions");
  await page.getByLabel("Title", { exact: true }).fill("Cards and call");
  await page.getByLabel("Also create a Zoom meeting").check();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionUrl = page.url();
  const join = page.getByRole("link", { name: /Join on Zoom/ });
  await expect(join).toBeVisible();
  const meetingId = /\/j\/(\d+)/.exec((await join.getAttribute("href")) ?? "")?.[1] ?? "";
  expect(meetingId).toMatch(/^\d{11}$/);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  await expect(page.getByRole("button", { name: "Open the call here" })).toHaveCount(0);

  // The admin adds the Meeting SDK key and secret.
  await page.goto("/org");
  await page.getByLabel("Account ID").fill(E2E_ZOOM_ACCOUNT.accountId);
  await page.getByLabel("Client ID").fill(E2E_ZOOM_ACCOUNT.clientId);
  await page.getByLabel("Client secret").fill(E2E_ZOOM_ACCOUNT.clientSecret);
  await page.getByLabel("Webhook secret token").fill("e2e-webhook-secret-token");
  await page.getByLabel("Meeting SDK key (optional)").fill(SDK_KEY);
  await page.getByLabel("Meeting SDK secret (optional)").fill(SDK_SECRET);
  await page.getByRole("button", { name: "Replace the credentials" }).click();
  await expect(page.getByTestId("zoom-status")).toHaveText(/Meeting SDK credentials are set/);

  // The facilitator opens the call in the console.
  await page.goto(sessionUrl);
  const toggle = page.getByRole("button", { name: "Open the call here" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  const embedPage = page.waitForResponse((r) => r.url().endsWith("/zoom-embed/index.html"), { timeout: 30_000 });
  const sdkScript = page.waitForResponse((r) => /\/zoom-embed\/assets\/call-[\w-]+\.js$/.test(r.url()), { timeout: 30_000 });
  const sdkMedia = page.waitForResponse((r) => r.url().endsWith("/zoom-embed/lib/av/js_media.min.js"), { timeout: 45_000 });
  await toggle.click();
  await expect(page.getByRole("button", { name: "Close the call" })).toHaveAttribute("aria-expanded", "true");
  const frame = page.locator('iframe[title="Zoom call"]');
  await expect(frame).toHaveAttribute("allow", "camera; microphone; display-capture; autoplay");

  // The page and the SDK come from the studio (not Zoom's CDN), with the page's own CSP.
  const pageResponse = await embedPage;
  expect(pageResponse.status()).toBe(200);
  const csp = pageResponse.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("wss://*.zoom.us");
  expect((await sdkScript).status()).toBe(200);
  // The SDK's init passed and its join began: it loads its media code from the assetPath given.
  expect((await sdkMedia).status()).toBe(200);

  // Then the SDK asks Zoom to join: the right meeting, the studio's SDK key, the host's name,
  // and a signature made with the organisation's SDK secret (host role for a facilitator).
  const hostJoin = await joinRequest(offsite);
  expect(hostJoin.get("meetingNumber")).toBe(meetingId);
  expect(hostJoin.get("apiKey")).toBe(SDK_KEY);
  expect(hostJoin.get("userName")).toBe("Zia Host");
  expect(hostJoin.get("lang")).toBe("en-US");
  const hostClaims = await verifiedClaims(hostJoin.get("signature") ?? "");
  expect(hostClaims).toMatchObject({ mn: meetingId, role: 1, appKey: SDK_KEY, sdkKey: SDK_KEY });
  expect(Number(hostClaims.exp) * 1000).toBeGreaterThan(Date.now());

  // Zoom cannot be reached here: the studio says so, with Zoom's reason, instead of waiting.
  const failure = page.getByRole("alert").filter({ hasText: "Zoom could not join the meeting" });
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await expect(failure).toContainText("connection error");
  await expect(page.getByTestId("zoom-call")).toHaveAttribute("data-phase", "failed");
  // Only the join went off-site: nothing from Zoom's CDN.
  expect(offsite.map((r) => r.url())).toEqual(["https://zoom.us/api/v1/wc/info"]);
  await expectAccessible(page, "console with the Zoom call open");

  // Trying again loads the page anew and asks Zoom again.
  await page.getByRole("button", { name: "Try again" }).click();
  await expect.poll(() => offsite.length, { timeout: 30_000 }).toBe(2);
  await expect(failure).toBeVisible({ timeout: 30_000 });

  // Closing the call removes it.
  await page.getByRole("button", { name: "Close the call" }).click();
  await expect(frame).toHaveCount(0);
  expect(errors.csp).toEqual([]);
  expect(errors.studio).toEqual([]);

  // A participant on a phone: attendee role, their own name.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const guestOffsite = await offline(phone);
  const guest = await phone.newPage();
  const guestErrors = watchErrors(guest);
  await guest.goto("/join");
  await guest.getByLabel("Session code").fill(code);
  await guest.getByLabel("Your name").fill("Dana");
  await guest.getByRole("button", { name: "Join", exact: true }).click();
  await guest.getByRole("button", { name: "Open the call here" }).click();
  const guestJoin = await joinRequest(guestOffsite);
  expect(guestJoin.get("meetingNumber")).toBe(meetingId);
  expect(guestJoin.get("userName")).toBe("Dana");
  expect(await verifiedClaims(guestJoin.get("signature") ?? "")).toMatchObject({ mn: meetingId, role: 0, appKey: SDK_KEY });
  await expect(guest.getByRole("alert").filter({ hasText: "Zoom could not join the meeting: connection error" })).toBeVisible({ timeout: 30_000 });
  const overflow = await guest.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(guestErrors.csp).toEqual([]);
  expect(guestErrors.studio).toEqual([]);
  await phone.close();
});

test("a server without the embedded call's page shows the call as unavailable, and the Zoom links still work", async ({ page }) => {
  // As when web/zoom-embed was not installed: the page is missing.
  await page.route("**/zoom-embed/index.html", (route) => route.fulfill({ status: 404, contentType: "application/json", body: '{"error":{"code":"not_found"}}' }));
  await signUp(page, { name: "Noa", email: uniqueEmail("noa-embed") });
  await page.goto("/org");
  await page.getByLabel("Account ID").fill(E2E_ZOOM_ACCOUNT.accountId);
  await page.getByLabel("Client ID").fill(E2E_ZOOM_ACCOUNT.clientId);
  await page.getByLabel("Client secret").fill(E2E_ZOOM_ACCOUNT.clientSecret);
  await page.getByLabel("Webhook secret token").fill("e2e-webhook-secret-token");
  await page.getByLabel("Meeting SDK key (optional)").fill(SDK_KEY);
  await page.getByLabel("Meeting SDK secret (optional)").fill(SDK_SECRET);
  await page.getByRole("button", { name: "Connect Zoom" }).click();
  await expect(page.getByTestId("zoom-status")).toHaveText(/Meeting SDK credentials are set/);
  await page.goto("/sessions");
  await page.getByLabel("Title", { exact: true }).fill("No embed here");
  await page.getByLabel("Also create a Zoom meeting").check();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("link", { name: /Join on Zoom/ })).toBeVisible();
  await expect(page.getByTestId("zoom-call-unavailable")).toHaveText(/cannot open inside the studio on this server/);
  await expect(page.getByRole("button", { name: "Open the call here" })).toHaveCount(0);
});
