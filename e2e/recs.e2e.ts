import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, signUp, uniqueEmail, watchConsole } from "./support";

test.setTimeout(240_000);

const suggestionList = (page: Page) => page.getByTestId("card-suggestions");

async function suggestedIds(list: Locator): Promise<string[]> {
  return list.locator("li[data-card-id]").evaluateAll((items) => items.map((li) => li.getAttribute("data-card-id") ?? ""));
}

/**
 * Console errors, except the live card view's guess at default art for a card that has none (a word
 * card dealt face up before its deck's details arrive): that 404 is the view's known fallback.
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    if (/status of 404/.test(msg.text()) && /\/media\/default\/[0-9a-f-]+\.svg$/.test(msg.location().url)) return;
    errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(`uncaught: ${err.message}`));
  return errors;
}

test("feedback on a card suggestion changes the next suggestions; a suggested card is dealt to a chosen participant", async ({ page, browser }) => {
  const errors = watchErrors(page);
  await signUp(page, { name: "Rina", email: uniqueEmail("rina") });

  // Preparing: a journey suggested from the group's goal, then the session.
  await page.goto("/sessions");
  await expect(page.getByRole("heading", { level: 1, name: "Live sessions" })).toBeVisible();
  await page.getByLabel("The group's goal in a sentence").fill("A new team getting to know each other's strengths");
  await page.getByRole("button", { name: "Suggest journeys" }).click();
  const use = page.getByRole("button", { name: /^Use the journey / }).first();
  await expect(use).toBeVisible();
  const journeyName = ((await use.getAttribute("aria-label")) ?? "").replace("Use the journey ", "");
  await use.click();
  await expect(use).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Journey", { exact: true }).locator("option:checked")).toHaveText(journeyName);
  await page.getByLabel("Title", { exact: true }).fill("Suggestions at work");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";

  // A participant joins; their own screen never shows suggestions.
  const guestContext = await browser.newContext();
  const ana = await guestContext.newPage();
  await ana.goto("/join");
  await ana.getByLabel("Session code").fill(code.toLowerCase());
  await ana.getByLabel("Your name").fill("Ana");
  await ana.getByRole("button", { name: "Join", exact: true }).click();
  await expect(ana.getByRole("heading", { level: 2, name: "My cards" })).toBeVisible();
  await expect(ana.getByRole("heading", { name: "Suggested cards" })).toHaveCount(0);

  // The facilitator asks for cards on a topic.
  await expect(page.getByRole("heading", { name: "Suggested cards" })).toBeVisible();
  await page.getByLabel("Group's topic").fill("calm sea, waves and a quiet horizon");
  await page.getByRole("button", { name: "Suggest", exact: true }).click();
  const list = suggestionList(page);
  await expect(list.locator("li")).toHaveCount(5);
  await expect(list.getByText(/^Why: /).first()).toBeVisible();
  const before = await suggestedIds(list);
  const top = list.locator("li").first();
  const topWord = (await top.locator("p.font-semibold").textContent())?.trim() ?? "";

  // "Not resonant" on the top suggestion: the next list leaves that card out.
  await page.getByRole("button", { name: `${topWord} does not resonate` }).click();
  await expect(page.getByText("Thank you. The suggestions were updated.")).toBeVisible();
  await expect.poll(async () => (await suggestedIds(list)).join(","), { timeout: 15_000 }).not.toBe(before.join(","));
  const after = await suggestedIds(list);
  expect(after).toHaveLength(5);
  expect(after).not.toContain(before[0]);
  // Asking again does not bring it back.
  await page.getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(page.getByText(/^5 suggestions for The whole group\.$/)).toBeVisible();
  expect(await suggestedIds(list)).not.toContain(before[0]);

  // For Ana: the suggested card is dealt to her, face up, with the live deal command.
  await page.getByLabel("Suggest for").selectOption({ label: "Ana" });
  await expect(page.getByText(/^5 suggestions for Ana\.$/)).toBeVisible();
  const forAna = list.locator("li").first();
  const word = (await forAna.locator("p.font-semibold").textContent())?.trim() ?? "";
  await forAna.getByRole("button", { name: `Deal ${word} face up to Ana` }).click();
  await expect(page.getByText(`${word} was dealt.`)).toBeVisible();
  await expect(ana.getByRole("button", { name: `Turn face down: ${word}` })).toBeVisible();
  await expectAccessible(page, "console with suggestions");

  // On a 360 px phone the suggestions fit the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  const region = page.getByRole("region", { name: "Suggested cards" });
  await region.scrollIntoViewIfNeeded();
  const fit = await region.evaluate((el) => ({ overflow: el.scrollWidth - el.clientWidth, right: el.getBoundingClientRect().right }));
  expect(fit.overflow).toBeLessThanOrEqual(0);
  expect(fit.right).toBeLessThanOrEqual(360);
  if (process.env.RECS_SCREENSHOT) await region.screenshot({ path: process.env.RECS_SCREENSHOT });

  // Switched off for the session: the list goes away.
  // The switch follows the session's state, which changes once the server stored the command.
  const toggle = page.getByRole("switch", { name: "Suggestions in this session" });
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(page.getByText("Suggestions are off for this session.")).toBeVisible();
  await expect(list).toHaveCount(0);

  await guestContext.close();
  expect(errors).toEqual([]);
});

test("the experiments page defines, shows and stops an A/B test, shows drift and retrains the model", async ({ page }) => {
  const log = watchConsole(page);
  await signUp(page, { name: "Eli", email: uniqueEmail("eli") });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Experiments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Experiments" })).toBeVisible();
  await expect(page.getByText("No experiments yet. Define one below.")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Wider variety");
  await page.getByLabel("Arm 2 settings (JSON)").fill('{"diversityLambda": 0.5}');
  await page.getByRole("button", { name: "Start experiment" }).click();
  await expect(page.getByText("The experiment Wider variety is running.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Wider variety" })).toBeVisible();
  await expect(page.getByTestId("arms-summary")).toContainText("Not enough data yet to compare: each arm needs 30 shown lists.");
  await expect(page.getByRole("cell", { name: "No data yet" })).toHaveCount(2);

  // A bad arm setting is explained, not sent.
  await page.getByLabel("Name", { exact: true }).fill("Broken");
  await page.getByLabel("Arm 1 settings (JSON)").fill("{not json");
  await page.getByRole("button", { name: "Start experiment" }).click();
  await expect(page.getByText("Arm 1: the settings must be a JSON object such as {}.")).toBeVisible();

  await expect(page.getByText(/No drift detected in the last \d+ weeks\./)).toBeVisible();
  await expectAccessible(page, "experiments");

  await page.getByRole("button", { name: "Retrain now" }).click();
  await expect(page.getByText("Version v1 was trained and serves now.")).toBeVisible();
  await expect(page.getByTestId("models-table").getByRole("rowheader", { name: /hybrid v1/ })).toBeVisible();

  await page.getByRole("button", { name: "Stop the experiment Wider variety" }).click();
  await page.getByRole("button", { name: "Stop experiment" }).click();
  await expect(page.getByText(/Card suggestions · Stopped ·/)).toBeVisible();

  // A 360 px phone: nothing spills sideways.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole("heading", { level: 1, name: "Experiments" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(log.errors).toEqual([]);
});
