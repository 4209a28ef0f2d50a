// Every sync in one list (the Syncs page), deleting a table from its menu, discarding a setup.
import { test, expect } from "./fixtures";
import { addSessionCookie, api, makeBase, makeOwnerSetup, makeToken } from "../support/fixtures";

const syncHelpers = () => import("../support/sync");
const CSV_ROWS = [["sku", "name"], ["A1", "Anvil"], ["B2", "Bucket"], ["C3", "Chain"]];

test("the Syncs page lists every sync across bases, a failing one as failing", async ({ page, context }) => {
  const { createConfiguredSync, createSync, csvOf, postCsv } = await syncHelpers();
  const { user, base } = await makeOwnerSetup();
  const other = await makeBase(user.id, "Warehouse base");
  const { token } = await makeToken(user.id);
  const healthy = await createConfiguredSync({ token, baseId: base.id, csv: csvOf(CSV_ROWS), config: { tableName: "Products" } });
  const failing = await createConfiguredSync({ token, baseId: other.id, csv: csvOf(CSV_ROWS), config: { tableName: "Stock" } });
  expect((await postCsv(failing.path, token, "name\nno key\n")).status).toBe(422);
  await createSync(token, base.id, "Half done");
  await addSessionCookie(context, user.id);

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Syncs" }).click();
  await expect(page).toHaveURL(/\/syncs$/);
  await expect(page.getByRole("heading", { name: "Syncs", level: 1 })).toBeVisible();
  const rowOf = (name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
  await expect(rowOf("Products")).toContainText("Active");
  await expect(rowOf("Products")).toContainText("3 created");
  await expect(rowOf("Stock")).toContainText("Failing");
  await expect(rowOf("Stock")).toContainText("Warehouse base");
  await expect(rowOf("Stock")).toContainText(/sku/);
  await expect(rowOf("Half done")).toContainText("Setting up");
  await page.screenshot({ path: test.info().outputPath("syncs-page.png"), fullPage: true });
  await rowOf("Products").getByRole("link", { name: "Products" }).click();
  await expect(page).toHaveURL(new RegExp(`/tables/${healthy.tableId}$`));
});

test("a table is deleted from its menu after a confirmation that names what is lost", async ({ page, context }) => {
  const { createConfiguredSync, csvOf, postCsv } = await syncHelpers();
  const { user, base, token } = await makeOwnerSetup();
  const sync = await createConfiguredSync({ token, baseId: base.id, csv: csvOf(CSV_ROWS), config: { tableName: "Doomed" } });
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}/tables/${sync.tableId}`);

  await page.getByRole("button", { name: "Table options" }).click();
  await page.getByRole("menuitem", { name: "Delete table…" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete the table “Doomed”?" });
  await expect(dialog).toContainText("its 3 records");
  await page.screenshot({ path: test.info().outputPath("delete-table-dialog.png") });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await api(`/v0/${base.id}/${sync.tableId}`, { token })).status).toBe(200);

  await page.getByRole("button", { name: "Table options" }).click();
  await page.getByRole("menuitem", { name: "Delete table…" }).click();
  await dialog.getByRole("button", { name: "Delete table" }).click();
  await expect(page).toHaveURL(new RegExp(`/bases/${base.id}$`));
  await expect(page.getByRole("link", { name: "Doomed" })).toHaveCount(0);
  expect((await postCsv(sync.path, token, csvOf(CSV_ROWS))).status).toBe(404);
});

test("a setup that was never finished can be discarded", async ({ page, context }) => {
  const { createSync } = await syncHelpers();
  const { user, base, token } = await makeOwnerSetup();
  const sync = await createSync(token, base.id, "Abandoned setup");
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}/sync/${sync.id}`);
  await page.getByRole("button", { name: "Discard this setup…" }).click();
  await page.getByRole("dialog", { name: "Discard this setup?" }).getByRole("button", { name: "Discard setup" }).click();
  await expect(page).toHaveURL(new RegExp(`/bases/${base.id}$`));
  expect((await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, { token })).status).toBe(404);
});
