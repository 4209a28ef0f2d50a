// "Update sync configuration": the wizard reopens with the current values (no waiting step) and
// the table follows the saved changes.
import { api, makeOwnerSetup, signInViaUi } from "../support/fixtures";
import { expect, test } from "./fixtures";
import { fieldNamesInOrder, makeSyncedTable, PRODUCTS_CSV, shot, testExpecting422 } from "./wizard-support";

test("change a sync's configuration from its table", async ({ page }, testInfo) => {
  const { user, base, token } = await makeOwnerSetup();
  const { syncId, tableId } = await makeSyncedTable({
    baseId: base.id,
    token,
    csv: PRODUCTS_CSV,
    config: {
      tableName: "Stock list",
      fieldSelection: "specific",
      fields: [
        { column: "SKU", type: "singleLineText" },
        { column: "Name", type: "singleLineText" },
        { column: "Price", type: "currency", options: { symbol: "$", precision: 2 } },
        { column: "Stock", type: "number", options: { precision: 0 } },
      ],
      primaryKey: "SKU",
      updateMethod: "auto",
      deletion: "delete",
    },
  });
  await signInViaUi(page, user.email, user.password);
  await page.goto(`/bases/${base.id}/tables/${tableId}`);
  await page.getByRole("button", { name: /Table options/ }).click();
  await page.getByRole("menuitem", { name: "Update sync configuration" }).click();
  await page.waitForURL(`**/bases/${base.id}/sync/${syncId}/configure`);

  // Current values, straight to the fields step.
  await expect(page.getByRole("heading", { name: "Update sync configuration" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Steps" })).not.toContainText("Set up");
  await expect(page.getByText(/Waiting to receive/)).toHaveCount(0);
  await expect(page.getByLabel("Specific fields")).toBeChecked();
  expect(await fieldNamesInOrder(page)).toEqual(["SKU", "Name", "Price", "Stock", "Discount", "Notes"]);
  await expect(page.getByRole("checkbox", { name: "Sync Discount" })).not.toBeChecked();
  await expect(page.getByLabel("Type for Price")).toHaveValue("currency");
  await shot(page, testInfo, "01-configure-fields");

  // Rename a field, move Stock up with the keyboard buttons, add Discount as a percent.
  await page.getByLabel("Field name for Name").fill("Product");
  await page.getByRole("button", { name: "Move Stock up" }).click();
  await page.getByRole("checkbox", { name: "Sync Discount" }).check();
  await page.getByLabel("Type for Discount").selectOption({ label: "Percent" });
  expect(await fieldNamesInOrder(page)).toEqual(["SKU", "Product", "Stock", "Price", "Discount", "Notes"]);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Primary key field")).toHaveValue("SKU");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Table name")).toHaveValue("Stock list");
  await shot(page, testInfo, "02-configure-settings");
  await page.getByRole("button", { name: "Save configuration" }).click();
  await page.waitForURL(`**/bases/${base.id}/tables/${tableId}`);

  const headers = (await page.getByRole("columnheader").getByTestId("field-name").allInnerTexts()).map((h) => h.trim());
  const expected = ["SKU", "Product", "Stock", "Price", "Discount"];
  expect(headers.filter((h) => expected.includes(h))).toEqual(expected);
  await expect(page.getByText("5%")).toBeVisible();

  const schema = await api(`/v0/meta/bases/${base.id}/tables`, { token });
  const table = schema.json.tables.find((t: { id: string }) => t.id === tableId);
  expect(table.fields.map((f: { name: string; type: string }) => [f.name, f.type])).toEqual([
    ["SKU", "singleLineText"],
    ["Product", "singleLineText"],
    ["Stock", "number"],
    ["Price", "currency"],
    ["Discount", "percent"],
  ]);
  const records = await api(`/v0/${base.id}/${tableId}?sort[0][field]=SKU`, { token });
  expect(records.json.records[1].fields).toEqual({ SKU: "A-101", Product: "Gadget", Stock: 3, Price: 24.5, Discount: 0.05 });
});

testExpecting422("a 422 from saving is shown at the field that caused it", async ({ page, failOnConsoleErrors }) => {
  void failOnConsoleErrors;
  const { user, base, token } = await makeOwnerSetup();
  const config = (tableName: string) => ({
    tableName,
    fieldSelection: "all",
    fields: [
      { column: "SKU", type: "singleLineText" },
      { column: "Name", type: "singleLineText" },
    ],
    primaryKey: "SKU",
  });
  await makeSyncedTable({ baseId: base.id, token, csv: "SKU,Name\nA,x", config: config("Taken") });
  const { syncId } = await makeSyncedTable({ baseId: base.id, token, csv: "SKU,Name\nB,y", config: config("Mine") });
  await signInViaUi(page, user.email, user.password);
  await page.goto(`/bases/${base.id}/sync/${syncId}/configure`);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Table name").fill("Taken");
  await page.getByRole("button", { name: "Save configuration" }).click();
  await expect(page.getByLabel("Table name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#table-name-error")).toContainText(/Taken|already/i);
});
