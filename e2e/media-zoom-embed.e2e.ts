import { expect, test, type BrowserContext, type ConsoleMessage, type Page, type Request } from "@playwright/test";
import { jwtVerify } from "jose";
import { E2E_ZOOM_ACCOUNT, E2E_ZOOM_ACCOUNT_NO_ZAK, type FakeZoomAccount } from "../server/integrations/zoom/fake";
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
  // The SDK's complaints about the signature's claims (for example a deprecated `sdkKey`).
  const claims: string[] = [];
  page.on("console", (msg: ConsoleMessage) => {
    if (/Content Security Policy/i.test(msg.text())) csp.push(msg.text());
    if (/sdkKey|appKey/.test(msg.text())) claims.push(msg.text());
    if (msg.type() !== "error") return;
    const from = msg.location().url;
    // The SDK's own complaints about the refused network are expected inside the call's page.
    if (from.includes("/zoom-embed/") || /ERR_INTERNET_DISCONNECTED/.test(msg.text())) return;
    studio.push(msg.text());
  });
  page.on("pageerror", (err) => studio.push(`uncaught: ${err.message}`));
  return { studio, csp, claims };
}

async function joinRequest(offsite: Request[]) {
  await expect.poll(() => offsite.filter((r) => r.url().endsWith("/api/v1/wc/info")).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const req = offsite.find((r) => r.url().endsWith("/api/v1/wc/info"))!;
  expect(req.url()).toBe("https://zoom.us/api/v1/wc/info");
  expect(req.method()).toBe("POST");
  return new URLSearchParams(req.postData() ?? "");
}

/** The studio's answer with the join data (signature, and the host's ZAK for a facilitator). */
async function joinData(page: Page) {
  const res = await page.waitForResponse((r) => r.url().endsWith("/zoom/sdk-signature") && r.request().method() === "POST", { timeout: 30_000 });
  return { status: res.status(), body: (await res.json()) as { role?: number; zak?: string; error?: { code: string; message: string } } };
}

/** A ZAK's claims, as the (fake) Zoom wrote them: whose token it is. */
function zakClaims(zak: string) {
  return JSON.parse(Buffer.from(zak.split(".")[1] ?? "", "base64url").toString("utf8")) as { uid?: string; aid?: string };
}

/** Organisation settings: connect the (fake) Zoom account with the Meeting SDK key and secret. */
async function connectZoom(page: Page, account: FakeZoomAccount, button: "Connect Zoom" | "Replace the credentials") {
  await page.goto("/org");
  await page.getByLabel("Account ID").fill(account.accountId);
  await page.getByLabel("Client ID").fill(account.clientId);
  await page.getByLabel("Client secret").fill(account.clientSecret);
  await page.getByLabel("Webhook secret token").fill("e2e-webhook-secret-token");
  await page.getByLabel("Meeting SDK key (optional)").fill(SDK_KEY);
  await page.getByLabel("Meeting SDK secret (optional)").fill(SDK_SECRET);
  await page.getByRole("button", { name: button }).click();
  await expect(page.getByTestId("zoom-status")).toHaveText(/Meeting SDK credentials are set/);
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
  const hostData = joinData(page);
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

  // The studio's join data for the facilitator carries the host's ZAK, which (the fake) Zoom
  // gave for the organisation's account.
  const { status: hostStatus, body: hostBody } = await hostData;
  expect(hostStatus).toBe(200);
  expect(hostBody.role).toBe(1);
  const zak = hostBody.zak ?? "";
  expect(zak).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(zakClaims(zak)).toMatchObject({ aid: E2E_ZOOM_ACCOUNT.accountId });

  // Then the SDK asks Zoom to join: the right meeting, the studio's SDK key, the host's name,
  // a signature made with the organisation's SDK secret (host role for a facilitator), and the
  // host's ZAK, which starting the meeting as host needs.
  const hostJoin = await joinRequest(offsite);
  expect(hostJoin.get("meetingNumber")).toBe(meetingId);
  expect(hostJoin.get("apiKey")).toBe(SDK_KEY);
  expect(hostJoin.get("userName")).toBe("Zia Host");
  expect(hostJoin.get("lang")).toBe("en-US");
  const hostClaims = await verifiedClaims(hostJoin.get("signature") ?? "");
  expect(hostClaims).toMatchObject({ mn: meetingId, role: 1, appKey: SDK_KEY });
  // The SDK key is in `appKey` only: the SDK warns that an `sdkKey` claim is deprecated.
  expect(hostClaims).not.toHaveProperty("sdkKey");
  expect(hostJoin.get("zsk")).toBe(zak);
  expect(hostJoin.get("ulsm")).toBe("1");
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
  expect(errors.claims).toEqual([]);

  // A participant on a phone: attendee role, their own name.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const guestOffsite = await offline(phone);
  const guest = await phone.newPage();
  const guestErrors = watchErrors(guest);
  await guest.goto("/join");
  await guest.getByLabel("Session code").fill(code);
  await guest.getByLabel("Your name").fill("Dana");
  await guest.getByRole("button", { name: "Join", exact: true }).click();
  const guestData = joinData(guest);
  await guest.getByRole("button", { name: "Open the call here" }).click();
  const { status: guestStatus, body: guestBody } = await guestData;
  expect(guestStatus).toBe(200);
  expect(guestBody.role).toBe(0);
  expect(guestBody).not.toHaveProperty("zak");
  const guestJoin = await joinRequest(guestOffsite);
  expect(guestJoin.get("meetingNumber")).toBe(meetingId);
  expect(guestJoin.get("userName")).toBe("Dana");
  expect(await verifiedClaims(guestJoin.get("signature") ?? "")).toMatchObject({ mn: meetingId, role: 0, appKey: SDK_KEY });
  // No host token in a participant's join.
  expect(guestJoin.get("zsk") ?? "").toBe("");
  expect(guestJoin.get("ztk") ?? "").toBe("");
  expect(guestJoin.get("ulsm")).toBe("0");
  await expect(guest.getByRole("alert").filter({ hasText: "Zoom could not join the meeting: connection error" })).toBeVisible({ timeout: 30_000 });
  const overflow = await guest.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(guestErrors.csp).toEqual([]);
  expect(guestErrors.studio).toEqual([]);
  expect(guestErrors.claims).toEqual([]);
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

test("when Zoom gives the facilitator no host token, the studio says so and the call does not start", async ({ page }) => {
  const errors = watchErrors(page);
  const offsite = await offline(page.context());
  await signUp(page, { name: "Omer Host", email: uniqueEmail("omer-nozak") });
  // The organisation's Zoom app was set up without the scope for the host's ZAK.
  await connectZoom(page, E2E_ZOOM_ACCOUNT_NO_ZAK, "Connect Zoom");
  await page.goto("/sessions");
  await page.getByLabel("Title", { exact: true }).fill("No host token");
  await page.getByLabel("Also create a Zoom meeting").check();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page.getByRole("link", { name: /Join on Zoom/ })).toBeVisible();

  const data = joinData(page);
  await page.getByRole("button", { name: "Open the call here" }).click();
  const { status, body } = await data;
  expect(status).toBe(422);
  expect(body.error?.code).toBe("zoom_host_token");
  const failure = page.getByRole("alert").filter({ hasText: "Zoom did not give a host token:" });
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await expect(failure).toContainText("does not contain scopes:[user:read:token:admin]");
  await expect(page.getByTestId("zoom-call")).toHaveAttribute("data-phase", "failed");
  // The call page never asked Zoom to join without it.
  expect(offsite).toEqual([]);
  // The browser reports the refused request's 422 itself; that one is expected.
  expect(errors.studio.filter((e) => !/status of 422/.test(e))).toEqual([]);
  expect(errors.csp).toEqual([]);
});
