// Safe syncing in the browser: the Set up step shows refused requests, "Update sync configuration"
// asks before a rebuild, and a run is undone from the run history.
import { api, makeOwnerSetup, signInViaUi } from "../support/fixtures";
import { createSync } from "../support/sync";
import { expect, openTable, test } from "./fixtures";
import { makeSyncedTable, PRODUCTS_CSV, sendCsv, shot } from "./wizard-support";

const PRODUCTS_CONFIG = {
  tableName: "Stock",
  fieldSelection: "all",
  fields: [
    { column: "SKU", type: "singleLineText" },
    { column: "Name", type: "singleLineText" },
    { column: "Price", type: "singleLineText" },
    { column: "Stock", type: "number", options: { precision: 0 } },
    { column: "Discount", type: "singleLineText" },
    { column: "Notes", type: "singleLineText" },
  ],
  primaryKey: "SKU",
  updateMethod: "auto",
  deletion: "delete",
};

test("the Set up step shows a refused request with its reason and what to do", async ({ page, request }, testInfo) => {
  const { user, base, token } = await makeOwnerSetup();
  const sync = await createSync(token, base.id, "Refusals");
  await signInViaUi(page, user.email, user.password);
  await page.goto(`/bases/${base.id}/sync/${sync.id}`);
  await expect(page.getByText("Waiting to receive API request…")).toBeVisible();
  await expect(page.getByText(/answers 401/)).toBeVisible();

  const refused = await request.post(sync.url, { headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" }, data: "id,name1,Ada" });
  expect(refused.status()).toBe(415);
  const list = page.getByRole("list", { name: "Refused requests" });
  await expect(list).toContainText("415 · Wrong content type");
  await expect(list).toContainText("Send the header `Content-Type: text/csv`");
  await expect(page.getByText("Waiting to receive API request…")).toBeVisible();
  await shot(page, testInfo, "setup-refused");

  await sendCsv(request, sync.url, token, PRODUCTS_CSV);
  await expect(page.getByText("✓ API request received")).toBeVisible();
  await expect(list).toHaveCount(0);
});

test("changing the primary key shows the rebuild and needs confirmation", async ({ page }, testInfo) => {
  const { user, base, token } = await makeOwnerSetup();
  const { syncId, tableId } = await makeSyncedTable({ baseId: base.id, token, csv: PRODUCTS_CSV, config: PRODUCTS_CONFIG });
  const idsBefore = (await api(`/v0/${base.id}/${tableId}`, { token })).json.records.map((r: { id: string }) => r.id).sort();
  await signInViaUi(page, user.email, user.password);
  await page.goto(`/bases/${base.id}/sync/${syncId}/configure`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Primary key field").selectOption("Notes");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Save configuration" }).click();

  await expect(page.getByRole("heading", { name: "What this change will do" })).toBeVisible();
  await expect(page.getByText("Primary key SKU → Notes: the table is rebuilt, 3 records get new ids.")).toBeVisible();
  const save = page.getByRole("button", { name: "Save configuration" });
  await expect(save).toBeDisabled();
  await shot(page, testInfo, "configure-rebuild-confirm");
  // Back leaves everything as it was.
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByLabel("Table name")).toHaveValue("Stock");
  expect((await api(`/v0/meta/bases/${base.id}/syncs/${syncId}`, { token })).json.config.primaryKey).toBe("SKU");

  await page.getByRole("button", { name: "Save configuration" }).click();
  await page.getByRole("checkbox", { name: /I understand that records will be rebuilt or deleted/ }).check();
  await page.getByRole("button", { name: "Save configuration" }).click();
  await page.waitForURL(`**/bases/${base.id}/tables/${tableId}`);
  expect((await api(`/v0/meta/bases/${base.id}/syncs/${syncId}`, { token })).json.config.primaryKey).toBe("Notes");
  const idsAfter = (await api(`/v0/${base.id}/${tableId}`, { token })).json.records.map((r: { id: string }) => r.id);
  expect(idsAfter.filter((id: string) => idsBefore.includes(id))).toEqual([]);
});

test("undo the latest run from the run history", async ({ page, request }, testInfo) => {
  const { user, base, token } = await makeOwnerSetup();
  const { tableId, url } = await makeSyncedTable({ baseId: base.id, token, csv: PRODUCTS_CSV, config: PRODUCTS_CONFIG });
  const before = (await api(`/v0/${base.id}/${tableId}?sort[0][field]=SKU`, { token })).json.records;
  // A-100 renamed, A-102 removed.
  await sendCsv(request, url, token, PRODUCTS_CSV.replace("A-100,Widget", "A-100,Sprocket").split("\n").slice(0, 3).join("\n"));
  await signInViaUi(page, user.email, user.password);
  await openTable(page, `/bases/${base.id}/tables/${tableId}`);
  await expect(page.getByText("2 records", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Run history" }).click();
  const history = page.getByRole("region", { name: "Run history" });
  await history.getByRole("button", { name: "Changes / Undo" }).click();
  await expect(history.getByRole("region", { name: "Updated records" })).toContainText("Name: Widget → Sprocket");
  await expect(history.getByRole("region", { name: "Deleted records" })).toContainText("A-102");
  await history.getByRole("searchbox").fill("a-102");
  await expect(history.getByRole("region", { name: "Updated records" })).toHaveCount(0);
  await shot(page, testInfo, "run-changes");

  page.once("dialog", (dialog) => void dialog.accept());
  await history.getByRole("button", { name: "Undo this run" }).click();
  await expect(page.getByText("3 records", { exact: true })).toBeVisible();
  await expect(history.getByRole("cell", { name: "Undo", exact: true })).toBeVisible();
  const after = (await api(`/v0/${base.id}/${tableId}?sort[0][field]=SKU`, { token })).json.records;
  expect(after).toEqual(before);
});
