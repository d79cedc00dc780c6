import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signUp, uniqueEmail, watchConsole } from "./support";

test.setTimeout(180_000);

async function joinAs(browser: Browser, code: string, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = watchConsole(page);
  await page.goto("/join");
  await page.getByLabel("Session code").fill(code);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "My cards" })).toBeVisible();
  return { context, page, log };
}

/** Serious or critical WCAG A/AA problems inside the copilot panel only. */
async function expectPanelAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).include('[data-testid="copilot"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility problems in the copilot (${label})`).toEqual([]);
}

test("the copilot shows who has not reflected yet and a next question grounded in the phase and the cards", async ({ page, browser }) => {
  const log = watchConsole(page);
  await signUp(page, { name: "Fay", email: uniqueEmail("fay-copilot") });
  await page.goto("/sessions");
  await page.getByLabel("Journey").selectOption({ label: "Team Retrospective" });
  await page.getByLabel("Title", { exact: true }).fill("Retro with a copilot");
  await page.getByRole("button", { name: "Create session" }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const code = (await page.getByTestId("join-code").textContent())?.trim() ?? "";

  const panel = page.getByRole("region", { name: "Copilot" });
  await expect(panel).toBeVisible();
  await expect(panel.getByText("Suggestions only. You decide what to ask and when.")).toBeVisible();
  await expect(panel.getByRole("heading", { level: 3, name: "Next questions" })).toBeVisible();

  const ana = await joinAs(browser, code, "Ana");
  const ben = await joinAs(browser, code, "Ben");
  const notReflected = panel.getByRole("region", { name: "No reflection yet" });
  await expect(notReflected.getByRole("listitem")).toHaveText(["Ana", "Ben"]);

  // Expand: one photo card face up to each participant.
  await page.getByRole("button", { name: "Next phase: Expand" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Expand", exact: true })).toBeVisible();
  const deck = page.getByLabel("Deck", { exact: true });
  await deck.selectOption((await deck.locator("option", { hasText: "Quiet Horizons" }).getAttribute("value")) ?? "");
  await page.getByRole("radio", { name: "Face up" }).check();
  await page.getByRole("radio", { name: "Each participant" }).check();
  await page.getByLabel("How many").fill("1");
  await page.getByRole("button", { name: "Deal cards" }).click();
  const benCard = ben.page.getByRole("button", { name: /^Turn face down: .+$/ });
  // Until the card's words arrive it is named by its place; then by its word.
  await expect(benCard).toHaveAttribute("aria-label", /^Turn face down: (?!Card \d+$).+$/);
  const benWord = ((await benCard.getAttribute("aria-label")) ?? "").replace("Turn face down: ", "");

  // Ana shares a reflection with the group.
  await ana.page.getByLabel("What do you notice?").fill("A narrow bridge over deep water, and I keep walking towards the other side.");
  await ana.page.getByRole("radio", { name: "Shared with the group" }).check();
  await ana.page.getByRole("button", { name: "Share with the group" }).click();
  await expect(ana.page.getByText("Shared with the group.", { exact: true })).toBeVisible();

  // Only Ben has not reflected or spoken yet.
  await expect(notReflected.getByRole("listitem")).toHaveText(["Ben"]);
  await expect(panel.getByRole("region", { name: "Not heard from yet" }).getByRole("listitem")).toHaveText(["Ben"]);

  // A question for the group from this phase's prompts, and one for Ben about his own card.
  const questions = panel.getByRole("region", { name: "Next questions" }).getByRole("listitem");
  const forGroup = questions.filter({ hasText: "From the prompts for Expand" });
  await expect(forGroup).toHaveCount(1);
  await expect(forGroup).toContainText("For the group");
  const forBen = questions.filter({ hasText: "For Ben" });
  await expect(forBen).toContainText(`Not heard from yet · About their card “${benWord}”`);
  await expect(questions.filter({ hasText: "For Ana" })).toContainText("Goes deeper into what they shared");

  // A card for the theme emerging from Ana's words.
  const cards = panel.getByRole("region", { name: "A card for the theme" });
  await expect(cards.getByText(/^Emerging theme: “.+”$/)).toBeVisible();
  await expect(cards.getByRole("listitem").first()).toBeVisible();
  await expectPanelAccessible(page, "with suggestions");

  // The facilitator decides: posting the group question puts it in everyone's chat, once.
  const question = ((await forGroup.locator("p.font-medium").textContent()) ?? "").trim();
  expect(question).toMatch(/\?$/);
  await forGroup.getByRole("button", { name: `Post in chat: ${question}` }).click();
  await expect(panel.getByText("Posted in the chat.")).toBeVisible();
  await expect(ana.page.getByRole("list", { name: "Chat messages" }).getByText(question)).toBeVisible();
  await expect(questions.filter({ hasText: question })).toHaveCount(0);

  // Hidden, the panel asks the server nothing while the session goes on.
  let asked = 0;
  page.on("request", (r) => {
    if (r.url().includes("/copilot")) asked += 1;
  });
  await panel.getByRole("button", { name: "Hide suggestions" }).click();
  await expect(panel.getByRole("button", { name: "Show suggestions" })).toHaveAttribute("aria-expanded", "false");
  await ben.page.getByLabel("What do you notice?").fill("Light through a window.");
  await ben.page.getByRole("radio", { name: "Shared with the group" }).check();
  await ben.page.getByRole("button", { name: "Share with the group" }).click();
  await expect(page.getByText("Light through a window.")).toBeVisible();
  await page.waitForTimeout(2500);
  expect(asked).toBe(0);
  await panel.getByRole("button", { name: "Show suggestions" }).click();
  await expect(notReflected.getByText("Everyone has written a reflection.")).toBeVisible();
  expect(asked).toBeGreaterThan(0);

  // On a 360 px phone the panel fits without sideways scrolling.
  await page.setViewportSize({ width: 360, height: 740 });
  await panel.scrollIntoViewIfNeeded();
  const overflow = await page.getByTestId("copilot").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectPanelAccessible(page, "on a phone");
  await expectAccessible(page, "console with the copilot");

  expect(log.errors).toEqual([]);
  expect(ana.log.errors).toEqual([]);
  expect(ben.log.errors).toEqual([]);
  await ana.context.close();
  await ben.context.close();
});
