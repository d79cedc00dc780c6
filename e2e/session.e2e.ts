import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, expectAccessible, signUp, uniqueEmail, watchConsole } from "./support";

test.setTimeout(240_000);

async function joinAs(browser: Browser, code: string, name: string, phone: boolean, lobby = false) {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
  const page = await context.newPage();
  const log = watchConsole(page);
  await page.goto("/join");
  await page.getByLabel("Session code").fill(code.toLowerCase());
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/join/${code}$`));
  if (lobby) await expect(page.getByText(`Hello ${name}, you are in the lobby.`)).toBeVisible();
  else await expect(page.getByRole("heading", { level: 2, name: "My cards" })).toBeVisible();
  return { context, page, log };
}

async function nextPhase(page: Page, name: string) {
  await page.getByRole("button", { name: `Next phase: ${name}` }).click();
  await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
}

async function deal(page: Page, options: { face: "Face down" | "Face up"; to: "Each participant" | "The table"; count: number }) {
  const deck = page.getByLabel("Deck", { exact: true });
  const photo = await deck.locator("option", { hasText: "Quiet Horizons" }).getAttribute("value");
  await deck.selectOption(photo ?? "");
  await page.getByRole("radio", { name: options.face }).check();
  await page.getByRole("radio", { name: options.to }).check();
  await page.getByLabel("How many").fill(String(options.count));
  await page.getByRole("button", { name: "Deal cards" }).click();
}

test("a facilitator runs Pause → Expand → Focus → Do with two participants, one on a phone", async ({ page, browser }) => {
  const facilitatorLog = watchConsole(page);
  await signUp(page, { name: "Fay", email: uniqueEmail("fay") });

  // Facilitator: a new session from a default journey.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Live sessions" })).toBeVisible();
  const journey = page.getByLabel("Journey");
  await expect(journey.locator("option", { hasText: "Team Retrospective" })).toHaveCount(1);
  await journey.selectOption({ label: "Team Retrospective" });
  await page.getByLabel("Title", { exact: true }).fill("Team check-in");
  await expectAccessible(page, "sessions");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const sessionUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: "Team check-in" })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expect(page.getByLabel("Join link")).toHaveValue(new RegExp(`/join/${code}$`));
  await expect(page.getByRole("img", { name: `QR code to join the session with code ${code}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Pause", exact: true })).toBeVisible();
  await expectAccessible(page, "console");

  // Two participants join with the code: one at a desk, one on a phone.
  const ana = await joinAs(browser, code, "Ana", false);
  const ben = await joinAs(browser, code, "Ben", true);
  await expectAccessible(ben.page, "participant on a phone");
  await expect(page.getByRole("heading", { name: "People (3)" })).toBeVisible();

  // Pause: a timer everyone sees.
  await page.getByLabel("Minutes", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Start timer" }).click();
  await expect(ben.page.getByRole("timer")).toHaveAccessibleName(/Time left: [23]:\d\d/);

  // Expand: one photo card face down to each; Ben turns his over and changes it.
  await nextPhase(page, "Expand");
  await expect(ben.page.getByRole("heading", { level: 2, name: "Expand", exact: true })).toBeVisible();
  await deal(page, { face: "Face down", to: "Each participant", count: 1 });
  const benFlip = ben.page.getByRole("button", { name: "Turn over: Your card 1" });
  await expect(benFlip).toBeVisible();
  await benFlip.click();
  const benFaceUp = ben.page.getByRole("button", { name: /^Turn face down: .+$/ });
  await expect(benFaceUp).toBeVisible();
  const firstCard = await benFaceUp.getAttribute("aria-label");
  await ben.page.getByRole("button", { name: /^Change card: .+$/ }).click();
  await expect(ben.page.getByRole("button", { name: /^Turn face down: .+$/ })).not.toHaveAttribute("aria-label", firstCard ?? "");
  await expect(page.getByRole("heading", { name: "Ben's cards" })).toBeVisible();

  // Then a face-up spread on the table; Ana chooses one and shares a reflection.
  await deal(page, { face: "Face up", to: "The table", count: 4 });
  await expect(ana.page.getByRole("heading", { name: "On the table (4)" })).toBeVisible();
  await ana.page.getByRole("button", { name: /^Choose: .+$/ }).first().click();
  await expect(ana.page.getByRole("heading", { name: "On the table (3)" })).toBeVisible();
  await expect(ana.page.getByRole("button", { name: /^Turn face down: .+$/ })).toHaveCount(1);
  await ana.page.getByLabel("What do you notice?").fill("A path that keeps going after the light fades.");
  await ana.page.getByRole("radio", { name: "Shared with the group" }).check();
  await ana.page.getByRole("button", { name: "Share with the group" }).click();
  await expect(ana.page.getByText("Shared with the group.", { exact: true })).toBeVisible();
  await expect(page.getByText("A path that keeps going after the light fades.")).toBeVisible();
  await expect(ben.page.getByText("A path that keeps going after the light fades.")).toBeVisible();
  // The draft is gone once stored, so a reload does not bring it back.
  expect(await ana.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pyou.draft.") && k.endsWith(".reflection")))).toEqual([]);

  // The spotlight and the big screen in the room.
  await page.getByRole("button", { name: /^Spotlight: / }).first().click();
  await expect(page.getByRole("button", { name: /^In the spotlight: / })).toBeVisible();
  const table = await page.context().newPage();
  const tableLog = watchConsole(table);
  await table.goto(`${sessionUrl}/table`);
  await expect(table.getByRole("heading", { level: 2, name: "In the spotlight" })).toBeVisible();
  await expect(table.getByText(code, { exact: true })).toBeVisible();
  await expect(table.getByRole("heading", { name: "On the table (3)" })).toBeVisible();
  await expectAccessible(table, "table view");

  // Focus, with a breakout round: rooms, a broadcast, a call, then everyone back.
  await nextPhase(page, "Focus");
  await page.getByLabel("Rooms", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Open rooms" }).click();
  await expect(ben.page.getByRole("heading", { name: /^Breakout room [12]$/ })).toBeVisible();
  await expect(ben.page.getByRole("heading", { level: 2, name: "Focus", exact: true })).toBeVisible();
  await page.getByLabel("Message to all rooms").fill("Two more minutes in your rooms.");
  await page.getByRole("button", { name: "Send to all rooms" }).click();
  await expect(ben.page.getByRole("listitem").filter({ hasText: "Two more minutes in your rooms." })).toBeVisible();
  await ben.page.getByRole("button", { name: "Call the facilitator" }).click();
  await expect(page.getByText(/^Ben in room [12] called at/)).toBeVisible();
  await expectAccessible(ben.page, "participant in a breakout room");
  await page.getByRole("button", { name: "Close all rooms" }).click();
  await expect(ben.page.getByRole("heading", { name: /^Breakout room/ })).toHaveCount(0);

  // Do: Ben commits to a step with a time frame.
  await nextPhase(page, "Do");
  await expect(ben.page.getByRole("heading", { name: "My commitment" })).toBeVisible();
  await ben.page.getByLabel("One step I will take").fill("Ask Dana for a walk-through of the release");
  await ben.page.getByRole("radio", { name: "Within 24 hours" }).check();
  await ben.page.getByRole("button", { name: "Commit", exact: true }).click();
  await expect(ben.page.getByText("Your commitment is saved.")).toBeVisible();
  await expect(page.getByText("Ask Dana for a walk-through of the release")).toBeVisible();

  // End, with confirmation, straight to the record.
  await page.getByRole("button", { name: "End session" }).click();
  const dialog = page.getByRole("dialog", { name: "End this session?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "End session" }).click();
  await expect(page).toHaveURL(/\/record$/);
  await expect(page.getByRole("heading", { level: 1, name: "Record: Team check-in" })).toBeVisible();
  const phases = page.getByRole("region", { name: "Phases" }).getByRole("listitem");
  await expect(phases).toHaveCount(4);
  for (const [i, name] of ["Pause", "Expand", "Focus", "Do"].entries()) await expect(phases.nth(i)).toContainText(name);
  const cards = page.getByRole("region", { name: "Cards" });
  await expect(cards.getByText(/dealt/).first()).toBeVisible();
  await expect(cards.getByText(/chosen · Ana/)).toBeVisible();
  await expect(cards.getByText(/swapped for another · Ben/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Shared reflections" })).toContainText("A path that keeps going after the light fades.");
  await expect(page.getByRole("region", { name: "Commitments" })).toContainText("Ask Dana for a walk-through of the release");
  await expectAccessible(page, "record");

  // Participants see the end and how to keep their journal.
  await expect(ben.page.getByRole("heading", { level: 1, name: "Thank you for taking part" })).toBeVisible();
  await expect(ben.page.getByRole("link", { name: "Create an account" })).toBeVisible();
  await expectAccessible(ben.page, "end screen");

  expect(facilitatorLog.errors).toEqual([]);
  expect(tableLog.errors).toEqual([]);
  expect(ana.log.errors).toEqual([]);
  expect(ben.log.errors).toEqual([]);
  await ana.context.close();
  await ben.context.close();
});

test("a guest waits in the lobby, keeps typed words through a reload and a lost connection, and keeps a journal", async ({ page, browser }) => {
  await signUp(page, { name: "Gil", email: uniqueEmail("gil") });
  await page.goto("/sessions");
  await page.getByRole("radio", { name: "Wait in a lobby until I let them in" }).check();
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";

  const noa = await joinAs(browser, code, "Noa", true, true);
  await expectAccessible(noa.page, "lobby");
  await page.getByRole("button", { name: "Let Noa in" }).click();
  await expect(noa.page.getByRole("heading", { level: 2, name: "My cards" })).toBeVisible();

  const box = noa.page.getByLabel("What do you notice?");
  await box.fill("Half a thought about starting over");
  await noa.page.reload();
  await expect(box).toHaveValue("Half a thought about starting over");

  await noa.context.setOffline(true);
  await expect(noa.page.getByText(/^Reconnecting…/)).toBeVisible({ timeout: 60_000 });
  await noa.page.getByRole("button", { name: "Save for me" }).click();
  await expect(noa.page.getByText(/1 action waits/)).toBeVisible();
  await noa.context.setOffline(false);
  await expect(noa.page.getByText("Saved in your journal for this session.")).toBeVisible({ timeout: 30_000 });
  await expect(box).toHaveValue("");
  await expect(noa.page.getByRole("listitem").filter({ hasText: "Half a thought about starting over" })).toHaveCount(1);
  await expect(noa.page.getByText(/^Reconnecting…/)).toHaveCount(0);
  // Only the lost connection itself may have been reported while offline.
  expect(noa.log.errors.filter((e) => !/WebSocket|net::ERR_|Failed to load resource/.test(e))).toEqual([]);

  // After the session the guest creates an account and the seat's journal comes along.
  await page.getByRole("button", { name: "End session" }).click();
  await page.getByRole("dialog", { name: "End this session?" }).getByRole("button", { name: "End session" }).click();
  await expect(page).toHaveURL(/\/record$/);
  await noa.page.getByRole("link", { name: "Create an account" }).click();
  await noa.page.getByLabel("Name", { exact: true }).fill("Noa");
  await noa.page.getByLabel("Email", { exact: true }).fill(uniqueEmail("noa"));
  await noa.page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await noa.page.getByRole("button", { name: "Create account" }).click();
  await expect(noa.page.getByText("This session is now in your journal.")).toBeVisible();
  await noa.page.getByRole("link", { name: "Open my journal" }).click();
  await expect(noa.page.getByRole("heading", { level: 1, name: "My journal" })).toBeVisible();
  await expect(noa.page.getByText("Half a thought about starting over")).toBeVisible();
  await expectAccessible(noa.page, "journal");
  await noa.context.close();
});
