import { expect, test } from "@playwright/test";
import { PASSWORD, expectAccessible, fillSignUp, inviteFromOrgPage, signIn, signOut, signUp, uniqueEmail, watchConsole } from "./support";

test("a visitor signs up, owns a studio, and the session survives a reload and ends on sign-out", async ({ page }) => {
  const consoleLog = watchConsole(page);
  const refreshCalls: string[] = [];
  page.on("request", (req) => {
    if (req.url().endsWith("/api/auth/refresh")) refreshCalls.push(req.url());
  });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Card sessions that open new perspectives");
  await expectAccessible(page, "landing");
  expect(refreshCalls, "a signed-out visitor must not try to refresh").toEqual([]);

  await page.getByRole("link", { name: "Create your studio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
  await expectAccessible(page, "sign-up");

  const email = uniqueEmail("ada");
  await fillSignUp(page, { name: "Ada", email });
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Ada" })).toBeVisible();
  await expect(page.getByText("You are working in Ada's studio as Owner.")).toBeVisible();
  await expectAccessible(page, "home");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Ada" })).toBeVisible();
  expect(refreshCalls.length).toBeGreaterThan(0);

  await signOut(page);
  expect(await page.evaluate(() => localStorage.getItem("pyou.signedIn"))).toBeNull();
  refreshCalls.length = 0;
  await page.goto("/home");
  await expect(page).toHaveURL(/\/signin\?next=%2Fhome/);
  expect(refreshCalls, "no refresh after sign-out").toEqual([]);
  await expectAccessible(page, "sign-in");

  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  expect(consoleLog.errors).toEqual([]);
});

test("a wrong password is announced and the form keeps the visitor on the page", async ({ page }) => {
  const email = uniqueEmail("bob");
  await signUp(page, { name: "Bob", email });
  await signOut(page);
  await signIn(page, email, "not the password");
  await expect(page.getByRole("alert")).toContainText(/incorrect|not correct|not right|wrong/i);
  await expect(page).toHaveURL(/\/signin/);
  await expectAccessible(page, "sign-in with error");
});

test("an owner invites people, they join with the role, and the owner changes roles and removes them", async ({ page, browser }) => {
  const ownerEmail = uniqueEmail("owner");
  await signUp(page, { name: "Olive", email: ownerEmail });
  await page.goto("/org");
  await expect(page.getByRole("heading", { level: 1, name: "Olive's studio" })).toBeVisible();
  await expectAccessible(page, "organisation");

  const inviteeEmail = uniqueEmail("finn");
  const link = await inviteFromOrgPage(page, inviteeEmail, "Facilitator");
  await expect(page.getByRole("status").filter({ hasText: "copy the link" })).toBeVisible();
  await expect(page.getByText(inviteeEmail, { exact: true })).toBeVisible();
  await expectAccessible(page, "organisation with invitation");

  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  const inviteeConsole = watchConsole(invitee);
  await invitee.goto(link);
  await expect(invitee.getByText(`Olive invited ${inviteeEmail} to join Olive's studio as Facilitator.`)).toBeVisible();
  await expectAccessible(invitee, "invitation");
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee.getByLabel("Email", { exact: true })).toHaveValue(inviteeEmail);
  await fillSignUp(invitee, { name: "Finn", email: inviteeEmail });
  await expect(invitee.getByRole("heading", { level: 1, name: "Welcome, Finn" })).toBeVisible();
  await expect(invitee.getByText("You are working in Olive's studio as Facilitator.")).toBeVisible();
  expect(inviteeConsole.errors).toEqual([]);

  await page.reload();
  const roleSelect = page.getByLabel("Role of Finn");
  await expect(roleSelect).toHaveValue("facilitator");
  await roleSelect.selectOption("admin");
  await expect(page.getByText("Finn is now Admin.")).toBeVisible();

  await invitee.reload();
  await expect(invitee.getByText("You are working in Olive's studio as Admin.")).toBeVisible();

  await page.getByRole("button", { name: "Remove: Finn" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Finn?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "remove confirmation");
  await dialog.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText("Finn was removed.")).toBeVisible();
  await expect(page.getByLabel("Role of Finn")).toHaveCount(0);
  await inviteeContext.close();
});

test("a person in two organisations accepts an invitation and switches between them", async ({ page, browser }) => {
  await signUp(page, { name: "Maya", email: uniqueEmail("maya") });
  const memberEmail = uniqueEmail("noa");
  const link = await inviteFromOrgPage(page, memberEmail, "Member");

  const context = await browser.newContext();
  const member = await context.newPage();
  await signUp(member, { name: "Noa", email: memberEmail });
  await member.goto(link);
  await member.getByRole("button", { name: "Join Maya's studio" }).click();
  await expect(member.getByText("You joined Maya's studio.")).toBeVisible();
  await expect(member.getByText("You are working in Maya's studio as Member.")).toBeVisible();

  const switcher = member.getByRole("combobox", { name: "Organisation" });
  await expect(switcher.locator("option")).toHaveText(["Noa's studio", "Maya's studio"], { useInnerText: true });
  const noaOrgId = await switcher.locator("option", { hasText: "Noa's studio" }).getAttribute("value");
  await switcher.selectOption({ label: "Noa's studio" });
  await expect(member.getByText("You are working in Noa's studio as Owner.")).toBeVisible();

  const membersCall = member.waitForRequest((req) => req.url().endsWith("/api/orgs/current/members"));
  await member.getByRole("link", { name: "Organisation", exact: true }).click();
  expect((await membersCall).headers()["x-org-id"]).toBe(noaOrgId);
  await expect(member.getByRole("heading", { level: 1, name: "Noa's studio" })).toBeVisible();

  const settings = member.getByRole("region", { name: "Organisation" });
  await settings.getByLabel("Organisation name").fill("Noa's practice");
  await settings.getByRole("button", { name: "Save name" }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Noa's practice" })).toBeVisible();
  await expect(switcher.locator("option", { hasText: "Noa's practice" })).toHaveCount(1);
  await context.close();
});

test("an invitation opened while signed in with another address explains what to do", async ({ page, browser }) => {
  await signUp(page, { name: "Dana", email: uniqueEmail("dana") });
  const link = await inviteFromOrgPage(page, uniqueEmail("eli"), "Member");

  const context = await browser.newContext();
  const other = await context.newPage();
  const otherEmail = uniqueEmail("gil");
  await signUp(other, { name: "Gil", email: otherEmail });
  await other.goto(link);
  await expect(other.getByText(`You are signed in as ${otherEmail}.`)).toBeVisible();
  await expect(other.getByRole("status").filter({ hasText: "Sign out and sign in with that address" })).toBeVisible();
  await expectAccessible(other, "invitation for another address");
  await other.getByRole("main").getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByRole("link", { name: "Create an account" })).toBeVisible();
  await expect(other).toHaveURL(/\/invite\//);
  await context.close();
});
