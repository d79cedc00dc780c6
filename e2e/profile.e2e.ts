import { expect, test } from "@playwright/test";
import { PASSWORD, expectAccessible, signIn, signOut, signUp, uniqueEmail, watchConsole } from "./support";

test("a user changes name, email and password, then deletes the account after confirming", async ({ page }) => {
  const email = uniqueEmail("rita");
  await signUp(page, { name: "Rita", email });
  const consoleLog = watchConsole(page);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await expectAccessible(page, "profile");
  expect(consoleLog.errors).toEqual([]);

  const details = page.getByRole("region", { name: "Name and email" });
  await details.getByLabel("Name", { exact: true }).fill("Rita Levi");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByText("Your changes were saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();

  // An email change asks for the current password; a wrong one is refused and the user stays signed in.
  const newEmail = uniqueEmail("rita.levi");
  await details.getByLabel("Email", { exact: true }).fill(newEmail);
  await details.getByLabel("Current password").fill("not my password");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByRole("alert")).toContainText(/password/i);
  await details.getByLabel("Current password").fill(PASSWORD);
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(details.getByText("Your changes were saved.")).toBeVisible();

  const password = page.getByRole("region", { name: "Password" });
  const newPassword = "a brand new passphrase";
  await password.getByLabel("Current password").fill(PASSWORD);
  await password.getByLabel("New password").fill(newPassword);
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByText("Your password was changed.")).toBeVisible();

  await signOut(page);
  await signIn(page, newEmail, newPassword);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Rita Levi" })).toBeVisible();

  await page.goto("/profile");
  await page.getByRole("button", { name: "Delete my account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "delete confirmation");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole("button", { name: "Delete my account" }).click();
  await dialog.getByLabel("Password", { exact: true }).fill(newPassword);
  await dialog.getByRole("button", { name: "Delete for good" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Your account was deleted.")).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("pyou.signedIn"))).toBeNull();

  await signIn(page, newEmail, newPassword);
  await expect(page.getByRole("alert")).not.toBeEmpty();
  await expect(page).toHaveURL(/\/signin/);
});
