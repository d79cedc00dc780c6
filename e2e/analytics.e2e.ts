import { expect, test, type APIRequestContext } from "@playwright/test";
import { io } from "socket.io-client";
import { PASSWORD, expectAccessible, signIn, uniqueEmail, watchConsole } from "./support";

test.setTimeout(180_000);

type Ack = { ok: boolean; seq?: number };

/** Runs a short session through the public API and Socket.IO, as the apps would, and ends it. */
async function runSession(request: APIRequestContext, baseURL: string, token: string, title: string, participantToken?: string) {
  const headers = { authorization: `Bearer ${token}` };
  const journeys = (await (await request.get("/api/journeys", { headers })).json()) as { items: { id: string }[] };
  const created = (await (await request.post("/api/sessions", { headers, data: { title, journeyId: journeys.items[0].id } })).json()) as { id: string; joinCode: string };
  // With an account's token the seat is that person's, so the session reaches their own journey.
  const joinHeaders: Record<string, string> = participantToken ? { authorization: `Bearer ${participantToken}` } : {};
  const joined = (await (await request.post("/api/sessions/join", { headers: joinHeaders, data: { joinCode: created.joinCode, displayName: "Dana" } })).json()) as { token: string };
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

test("a participant sees their own journey: trends with tables and summaries, commitments with status, their journal", async ({ page, request, baseURL }) => {
  const log = watchConsole(page);
  const register = async (name: string) => {
    const email = uniqueEmail(name.toLowerCase().split(" ")[0]);
    const res = await request.post("/api/auth/register", { data: { email, password: PASSWORD, name } });
    expect(res.status()).toBe(201);
    return { email, token: ((await res.json()) as { accessToken: string }).accessToken };
  };
  const facilitator = await register("Fay Facilitator");
  const pia = await register("Pia Participant");
  await runSession(request, baseURL ?? "", facilitator.token, "Spring circle", pia.token);
  // A session's figures are written just after it ends, in the background.
  await expect
    .poll(async () => ((await (await request.get("/api/analytics/me", { headers: { authorization: `Bearer ${pia.token}` } })).json()) as { sessions: unknown[] }).sessions.length, { timeout: 60_000 })
    .toBe(1);

  await signIn(page, pia.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My journey" }).click();
  await expect(page).toHaveURL(/\/me\/journey$/);
  await expect(page.getByRole("heading", { level: 1, name: "My journey" })).toBeVisible();
  // Trends: every chart says in words what it shows, and has a table behind it.
  const sessionsChart = page.getByRole("figure", { name: "Sessions per month" });
  await expect(sessionsChart.getByText(/You took part in 1 sessions over 1 months/)).toBeVisible();
  await sessionsChart.getByText("Show as a table").click();
  await expect(sessionsChart.getByRole("table")).toBeVisible();
  await expect(sessionsChart.getByRole("row")).toHaveCount(2);
  const mood = page.getByRole("figure", { name: "The mood of what you shared" });
  await expect(mood.getByText(/the mood of what you shared was/)).toBeVisible();
  await mood.getByText("Show as a table").click();
  await expect(mood.getByRole("cell", { name: /positive|neutral|heavy/ })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Commitments per month" }).getByText("You made 1 commitments and have done 0 of them.")).toBeVisible();
  // The commitment with its status in words, and the journal with what Pia wrote.
  const commitments = page.getByRole("region", { name: "My commitments" });
  await expect(commitments.getByRole("listitem").filter({ hasText: "Walk by the sea on Friday" })).toContainText("Open");
  const journal = page.getByRole("region", { name: "My journal" });
  await expect(journal.getByRole("heading", { name: /Spring circle/ })).toBeVisible();
  await expect(journal.getByText("I feel hopeful and light today")).toBeVisible();
  await expectAccessible(page, "the participant's journey");

  // A step of her own, marked done, shows after a reload with its status and in the trend's words.
  const auth = { authorization: `Bearer ${pia.token}` };
  const step = (await (await request.post("/api/commitments", { headers: auth, data: { text: "Call my brother" } })).json()) as { id: string };
  expect((await request.patch(`/api/commitments/${step.id}`, { headers: auth, data: { status: "done" } })).status()).toBe(200);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.reload();
  await expect(commitments.getByRole("listitem").filter({ hasText: "Call my brother" })).toContainText("Done");
  await expect(commitments.getByRole("listitem").filter({ hasText: "Walk by the sea on Friday" })).toContainText("Open");
  await expect(page.getByText("You made 2 commitments and have done 1 of them.")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await expectAccessible(page, "the participant's journey on a phone");
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
