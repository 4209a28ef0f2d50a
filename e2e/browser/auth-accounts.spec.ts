// Sign-in messages, sign-out, and base access by URL.
import { expect, holdScripts, test } from "./fixtures";
import { addSessionCookie, makeBase, makeUser, signInViaUi, signUpViaUi } from "../support/fixtures";

test("sign-in answers an unknown email and a wrong password alike, then signs in and out", async ({ page }) => {
  const { email, password } = await signUpViaUi(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(`nobody-${email}`);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  await signInViaUi(page, email, password);
  await expect(page.getByRole("heading", { name: "Bases", level: 1 })).toBeVisible();
});

test("a form cannot be sent before the page is ready: no password in the address, then sign-in works", async ({ page }) => {
  const user = await makeUser();
  const release = await holdScripts(page);
  await page.goto("/sign-in", { waitUntil: "commit" });
  const submit = page.getByRole("button", { name: "Sign in" });
  await expect(submit).toBeDisabled();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  // Enter in a field would send the form the browser's way: a GET with the password in the URL.
  const leaked = page.waitForRequest((req) => req.url().includes("password"), { timeout: 2000 }).catch(() => null);
  await page.getByLabel("Password").press("Enter");
  expect((await leaked)?.url()).toBeUndefined();
  await expect(page).toHaveURL(/\/sign-in$/);
  release();
  await expect(submit).toBeEnabled();
  await page.getByLabel("Password").press("Enter");
  await expect(page.getByRole("heading", { name: "Bases", level: 1 })).toBeVisible();
  expect(page.url()).not.toContain("password");
});

test("after sign-in, next= goes to a page of this site and never elsewhere", async ({ page, baseURL }) => {
  const user = await makeUser();
  const signIn = async (next: string) => {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    return new URL(page.url());
  };
  expect((await signIn("%2Ftokens")).pathname).toBe("/tokens");
  // The review's payloads: browsers drop the tab and read `\` as `/`, making `//evil.test`.
  for (const next of ["%2F%09%2Fevil.test", "%2F%09%5Cevil.test", "%2F%0A%2Fevil.test", "%2F%5Cevil.test"]) {
    const landed = await signIn(next);
    expect(landed.origin).toBe(new URL(baseURL!).origin);
    expect(landed.pathname).toBe("/");
  }
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  await page.goto("/tokens");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a user without access cannot open someone else's base by URL", async ({ page, context }) => {
  const owner = await makeUser("owner");
  const base = await makeBase(owner.id, "Private base");
  const stranger = await makeUser("stranger");
  await addSessionCookie(context, stranger.id);

  // page.request shares the page's cookies; page.goto would log the 404 as a console error.
  const response = await page.request.get(`/bases/${base.id}`);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Private base");

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Bases", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /Private base/ })).toHaveCount(0);
});

test("the owner shares a base, and the new member sees it with their role", async ({ page, browser }) => {
  const owner = await makeUser("owner");
  const base = await makeBase(owner.id);
  const member = await makeUser("member");
  await signInViaUi(page, owner.email, owner.password);
  await page.goto(`/bases/${base.id}`);
  await page.getByLabel("Member email").fill(member.email);
  await page.getByLabel("Role").selectOption("creator");
  await page.getByRole("button", { name: "Add member" }).click();
  const members = page.getByRole("list", { name: "Members" });
  await expect(members).toContainText(member.email);
  await expect(members).toContainText("Creator");

  const memberContext = await browser.newContext();
  await addSessionCookie(memberContext, member.id);
  const memberPage = await memberContext.newPage();
  await memberPage.goto(`/bases/${base.id}`);
  await expect(memberPage.getByRole("heading", { name: base.name, level: 1 })).toBeVisible();
  await expect(memberPage.getByText("Only an owner of this base can share it.")).toBeVisible();
  await memberContext.close();
});
