import { expect, test } from "@playwright/test";
import { expectAccessible, openMenuIfCollapsed, signUp, uniqueEmail, watchConsole } from "./support";

test("the skip link and every control work from the keyboard", async ({ page }) => {
  const consoleLog = watchConsole(page);
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // Reach the sign-in link with Tab alone and follow it.
  await page.locator("body").focus();
  let reached = false;
  for (let i = 0; i < 15 && !reached; i += 1) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.textContent === "I already have an account");
  }
  expect(reached).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.locator("main#main")).toBeFocused();
  expect(consoleLog.errors).toEqual([]);
});

test("Hebrew switches the page to right-to-left and stays after a reload", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Language").selectOption("he");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "he");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("כניסה");
  await expectAccessible(page, "sign-in in Hebrew");

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  // Logical properties: the skip link sits at the inline start, which is the right edge in RTL.
  await page.keyboard.press("Tab");
  const box = await page.getByRole("link", { name: "דילוג לתוכן הראשי" }).boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x + box.width > width / 2).toBe(true);

  await page.getByLabel("שפה").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("dark theme applies and passes the contrast checks", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectAccessible(page, "landing in dark theme");
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});

test.describe("on a 360-pixel phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the menu holds navigation and settings, and nothing scrolls sideways", async ({ page }) => {
    const consoleLog = watchConsole(page);
    await page.goto("/");
    await expectAccessible(page, "landing on a phone");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    await signUp(page, { name: "Pia", email: uniqueEmail("pia") });
    await openMenuIfCollapsed(page);
    const menu = page.locator("#mobile-menu");
    await expect(menu.getByRole("link", { name: "Profile" })).toBeVisible();
    await expect(menu.getByRole("combobox", { name: "Organisation" })).toBeVisible();
    await expectAccessible(page, "open menu on a phone");
    await menu.getByRole("link", { name: "Organisation", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pia's studio" })).toBeVisible();
    await expect(page.locator("#mobile-menu")).toHaveCount(0);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectAccessible(page, "organisation on a phone");
    expect(consoleLog.errors).toEqual([]);
  });
});
