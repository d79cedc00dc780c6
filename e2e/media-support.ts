import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "./support";

/** The session's audio and video panel, in the console or the participant view. */
export const panelOf = (page: Page) => page.getByTestId("media-panel");

/** Sets up camera and microphone with the preview, then joins the call. */
export async function joinCall(page: Page): Promise<void> {
  const panel = panelOf(page);
  await panel.getByRole("button", { name: "Set up camera and microphone" }).click();
  await expect(panel.getByLabel("Your camera preview")).toBeVisible();
  await panel.getByRole("button", { name: "Join the call" }).click();
  await expect(panel.getByRole("group", { name: "Call controls" })).toBeVisible();
}

/** Serious or critical WCAG 2.1 A/AA violations inside the media panel fail the test. */
export async function expectPanelAccessible(page: Page, label: string): Promise<void> {
  await expectAccessible(page, `the media panel (${label})`, '[data-testid="media-panel"]');
}
