import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

let counter = 0;
/** A fresh address per call, so tests never collide on the shared server. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}${counter}@example.com`;
}

export const PASSWORD = "correct horse battery";

/** Collects what the browser console reports as errors, including uncaught exceptions. */
export function watchConsole(page: Page): { errors: string[]; clear(): void } {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(`uncaught: ${err.message}`));
  return {
    errors,
    clear: () => void errors.splice(0, errors.length),
  };
}

/** Fails on serious or critical WCAG 2.1 A/AA violations on the page as it is now (or in the part `include` selects). */
export async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const results = await (include ? builder.include(include) : builder).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `accessibility problems on ${label}`).toEqual([]);
}

export async function signUp(page: Page, who: { name: string; email: string; password?: string }): Promise<void> {
  await page.goto("/signup");
  await fillSignUp(page, who);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome, ${who.name}` })).toBeVisible();
}

export async function fillSignUp(page: Page, who: { name: string; email: string; password?: string }): Promise<void> {
  await page.getByLabel("Name", { exact: true }).fill(who.name);
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Password", { exact: true }).fill(who.password ?? PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page): Promise<void> {
  await openMenuIfCollapsed(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
}

/** On narrow screens the header keeps its controls behind a menu button. */
export async function openMenuIfCollapsed(page: Page): Promise<void> {
  const menu = page.getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) await menu.click();
}

export async function inviteFromOrgPage(page: Page, email: string, role: "Admin" | "Facilitator" | "Member"): Promise<string> {
  await page.goto("/org");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: role });
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = page.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/invite\//);
  return link.inputValue();
}
