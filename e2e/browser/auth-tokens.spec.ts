// Sign up, create a base, create a sync token limited to it, see it once, use it, revoke it.
import { test, expect } from "./fixtures";
import { createBaseViaUi, signUpViaUi } from "../support/fixtures";

test("a new user creates a base and a sync token for it, sees it once, and revokes it", async ({ page, request }) => {
  await signUpViaUi(page);
  await expect(page.getByRole("heading", { name: "Bases", level: 1 })).toBeVisible();
  const base = await createBaseViaUi(page);
  await expect(page.getByRole("heading", { name: base.name, level: 1 })).toBeVisible();

  // The wizard's "Create a token" link preselects the sync scopes and the current base.
  await page.goto(`/tokens/new?scopes=data.records:write,schema.bases:write&bases=${base.id}`);
  await expect(page.getByRole("checkbox", { name: "data.records:write" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "schema.bases:write" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "data.records:read" })).not.toBeChecked();
  await expect(page.getByRole("radio", { name: "Only the bases I choose" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: base.name })).toBeChecked();
  await page.getByLabel("Name").fill("ERP export");
  await page.getByRole("button", { name: "Create token" }).click();

  const shown = page.getByLabel("Your new token");
  await expect(shown).toHaveValue(/^pat[A-Za-z0-9]{14}\.[0-9a-f]{64}$/);
  const token = await shown.inputValue();
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();

  const whoami = await request.get("/v0/meta/whoami", { headers: { authorization: `Bearer ${token}` } });
  expect(whoami.status()).toBe(200);
  expect((await whoami.json()).scopes.sort()).toEqual(["data.records:write", "schema.bases:write"]);

  // Never shown again: the list has its name, scopes and base, not its secret.
  await page.getByRole("link", { name: "Done" }).click();
  await expect(page).toHaveURL(/\/tokens$/);
  const item = page.getByRole("listitem", { name: "ERP export" });
  await expect(item).toContainText("data.records:write");
  await expect(item).toContainText("schema.bases:write");
  await expect(item).toContainText(base.name);
  await expect(item).toContainText(/Last used\s*\w/);
  expect(await page.content()).not.toContain(token.split(".")[1]);

  await item.getByRole("button", { name: "Revoke ERP export" }).click();
  await item.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(item.getByText("Revoked", { exact: true })).toBeVisible();
  const after = await request.get("/v0/meta/whoami", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.type).toBe("AUTHENTICATION_REQUIRED");
});

test("the token form explains what is missing", async ({ page }) => {
  await signUpViaUi(page);
  await page.goto("/tokens/new");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Give the token a name")).toBeVisible();
  await expect(page.getByText("Choose at least one scope")).toBeVisible();
  await page.getByLabel("Name").fill("no bases");
  await page.getByRole("checkbox", { name: "data.records:read" }).check();
  await page.getByRole("radio", { name: "Only the bases I choose" }).check();
  await expect(page.getByText("You have no bases yet.")).toBeVisible();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Choose at least one base, or give access to all your bases")).toBeVisible();
});

test("a token can be given an expiry; the list shows it and the API refuses it once it has passed", async ({ page, request }) => {
  await signUpViaUi(page);
  await page.goto("/tokens/new");
  await expect(page.getByLabel("Expiration")).toHaveValue("never");
  await page.getByLabel("Name").fill("Short-lived");
  await page.getByRole("checkbox", { name: "schema.bases:read" }).check();
  await page.getByLabel("Expiration").selectOption({ label: "7 days" });
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Your new token").inputValue();
  expect((await request.get("/v0/meta/whoami", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);

  const { getPool } = await import("@/lib/db");
  const id = token.split(".")[0];
  const { rows } = await getPool().query(`SELECT expires_at FROM access_tokens WHERE id = $1`, [id]);
  const days = (rows[0].expires_at.getTime() - Date.now()) / 86_400_000;
  expect(days).toBeGreaterThan(6.9);
  expect(days).toBeLessThan(7.01);
  await page.getByRole("link", { name: "Done" }).click();
  await expect(page.getByRole("listitem", { name: "Short-lived" })).toContainText(/Expires\s*\w/);

  await getPool().query(`UPDATE access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
  const expired = await request.get("/v0/meta/whoami", { headers: { authorization: `Bearer ${token}` } });
  expect(expired.status()).toBe(401);
  expect((await expired.json()).error.message).toMatch(/expired/);
});
