import { expect, test, type APIRequestContext } from "@playwright/test";
import { io } from "socket.io-client";
import { PASSWORD, expectAccessible, signIn, uniqueEmail, watchConsole } from "./support";

test.setTimeout(180_000);

type Ack = { ok: boolean; seq?: number };

/** Runs a short session through the public API and Socket.IO, as the apps would, and ends it. */
async function runSession(request: APIRequestContext, baseURL: string, token: string, title: string) {
  const headers = { authorization: `Bearer ${token}` };
  const journeys = (await (await request.get("/api/journeys", { headers })).json()) as { items: { id: string }[] };
  const created = (await (await request.post("/api/sessions", { headers, data: { title, journeyId: journeys.items[0].id } })).json()) as { id: string; joinCode: string };
  const joined = (await (await request.post("/api/sessions/join", { data: { joinCode: created.joinCode, displayName: "Dana" } })).json()) as { token: string };
  const connect = (t: string) => io(`${baseURL}/live`, { auth: { token: t }, transports: ["websocket"], reconnection: false, forceNew: true });
  const fac = connect(token);
  const guest = connect(joined.token);
  try {
    const send = async (s: typeof fac, type: string, payload: unknown = {}) => {
      const ack = (await s.timeout(10_000).emitWithAck("session:command", { id: `${type}-${Math.random()}`, type, payload })) as Ack;
      expect(ack.ok, type).toBe(true);
    };
    await fac.timeout(10_000).emitWithAck("session:join", { sessionId: created.id });
    await guest.timeout(10_000).emitWithAck("session:join", { sessionId: created.id });
    await send(fac, "phase.next");
    await send(guest, "reflection.add", { text: "I feel hopeful and light today", visibility: "shared" });
    await send(guest, "chat.send", { text: "Thank you everyone" });
    await send(guest, "commitment.add", { text: "Walk by the sea on Friday" });
    await send(fac, "phase.next");
    await send(fac, "session.end");
  } finally {
    fac.close();
    guest.close();
  }
  return created.id;
}

test("a facilitator reads the dashboard and a session report, on a desktop and on a phone", async ({ page, request, baseURL }) => {
  const log = watchConsole(page);
  const email = uniqueEmail("ana");
  const reg = await request.post("/api/auth/register", { data: { email, password: PASSWORD, name: "Ana Analyst" } });
  expect(reg.status()).toBe(201);
  const { accessToken } = (await reg.json()) as { accessToken: string };
  const sessionId = await runSession(request, baseURL ?? "", accessToken, "Evening circle");

  await signIn(page, email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Evening circle" })).toBeVisible();
  await expect(page.getByText("Sessions per day")).toBeVisible();
  // Every chart has a table behind it.
  await page.getByText("Show as a table").first().click();
  await expect(page.getByRole("table").first()).toBeVisible();
  await expectAccessible(page, "the facilitator dashboard");

  // Admins (the owner is one) can switch to the organisation, where small groups are hidden.
  await page.getByRole("button", { name: "Organisation" }).click();
  await expect(page.getByText(/any figure about fewer than 5 people is hidden/)).toBeVisible();
  await expectAccessible(page, "the organisation dashboard");
  await page.getByRole("button", { name: "My sessions" }).click();

  await page.getByRole("link", { name: "Evening circle" }).click();
  await expect(page).toHaveURL(new RegExp(`/analytics/sessions/${sessionId}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Report: Evening circle" })).toBeVisible();
  await expect(page.getByText("Walk by the sea on Friday")).toBeVisible();
  await expect(page.getByText("Mood of what the group shared")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PDF" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await expectAccessible(page, "the session report");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Report: Evening circle" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectAccessible(page, "the session report on a phone");
  expect(log.errors).toEqual([]);
});

test("the landing and sign-in pages do not load the chart library", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/");
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const bodies = await Promise.all(scripts.map(async (u) => (await page.request.get(u)).text()));
  expect(bodies.some((b) => b.includes("recharts-wrapper"))).toBe(false);
});
