// A newer API request while the user configures: the field list follows its header (new columns
// appear, removed ones go, choices for the others stay), and a 10,000-row request still creates
// the table without blocking the page.
import { addSessionCookie, makeOwnerSetup } from "../support/fixtures";
import { expect, test } from "./fixtures";
import { curlUrl, fieldNamesInOrder, PRODUCTS_CSV, sendCsv } from "./wizard-support";

const bigCsv = (rows: number) =>
  ["SKU,Name,Price,Stock,Discount,Color", ...Array.from({ length: rows }, (_, i) => `B-${i},Item ${i},${i}.50,${i % 50},5%,red`)].join("\n");

test("the field list follows a newer request", async ({ page, context, request }) => {
  const { user, base, token } = await makeOwnerSetup();
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}/sync/new`);
  await page.getByRole("button", { name: "Set up" }).click();
  const url = await curlUrl(page);
  await sendCsv(request, url, token, PRODUCTS_CSV);
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Field name for Name").fill("Product");
  await page.getByLabel("Type for Price").selectOption({ label: "Currency" });
  await page.getByRole("button", { name: "Move Stock up" }).click();
  expect(await fieldNamesInOrder(page)).toEqual(["SKU", "Product", "Stock", "Price", "Discount", "Notes"]);

  // Notes is gone, Color is new; the renamed, retyped and moved fields keep the user's choices.
  await sendCsv(request, url, token, bigCsv(10_000));
  await expect(page.getByText(/A newer API request arrived \(6 columns, 10,000 rows\)/)).toBeVisible();
  expect(await fieldNamesInOrder(page)).toEqual(["SKU", "Product", "Stock", "Price", "Discount", "Color"]);
  await expect(page.getByLabel("Type for Price")).toHaveValue("currency");
  await expect(page.getByRole("table", { name: "Preview" }).getByRole("cell", { name: "$0.50" })).toBeVisible();

  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Primary key field").selectOption("SKU");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Create table" }).click();
  await page.waitForURL(/\/tables\/tbl\w{14}$/);
  const syncId = new URL(url).pathname.split("/").pop();
  const status = await (await page.request.get(`/v0/meta/bases/${base.id}/syncs/${syncId}`)).json();
  expect(status.lastRun).toMatchObject({ status: "applied", created: 10_000 });
});
