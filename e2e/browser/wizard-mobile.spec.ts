// Every wizard step is usable on a phone (390×844): walk the steps with the keyboard-friendly
// controls, screenshot each, and check nothing makes the page scroll sideways.
import { addSessionCookie, makeOwnerSetup } from "../support/fixtures";
import { expect, test } from "./fixtures";
import { curlUrl, expectFitsViewport, fieldNamesInOrder, PRODUCTS_CSV, sendCsv, shot } from "./wizard-support";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("walk the wizard at 390×844", async ({ page, context, request }, testInfo) => {
  const { user, base, token } = await makeOwnerSetup();
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}/sync/new`);
  await expectFitsViewport(page);
  await shot(page, testInfo, "01-intro");
  await page.getByRole("button", { name: "Set up" }).click();

  await expect(page.getByText("Waiting to receive API request…")).toBeVisible();
  await expectFitsViewport(page);
  await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
  await shot(page, testInfo, "02-set-up");
  await sendCsv(request, await curlUrl(page), token, PRODUCTS_CSV);
  await expect(page.getByText("✓ API request received")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Fields", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Move Price up" }).click();
  await page.getByRole("button", { name: "Move Notes up" }).click();
  expect(await fieldNamesInOrder(page)).toEqual(["SKU", "Price", "Name", "Stock", "Notes", "Discount"]);
  await page.getByLabel("Type for Price").selectOption({ label: "Currency" });
  await expect(page.getByLabel("Currency symbol for Price")).toHaveValue("$");
  await page.getByLabel("Field name for Notes").fill("Comment");
  await expect(page.getByRole("button", { name: "Move Comment down" })).toBeVisible();
  await expectFitsViewport(page);
  await shot(page, testInfo, "03-fields");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Primary key field").selectOption("Name");
  await expect(page.getByRole("list", { name: "Primary key warnings" })).toBeVisible();
  await expectFitsViewport(page);
  await shot(page, testInfo, "04-primary-key");
  // Next without a usable key is refused in words, at the field.
  await page.getByLabel("Primary key field").selectOption({ label: "Select an option" });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.locator("#primary-key-error")).toBeVisible();
  await page.getByLabel("Primary key field").selectOption("SKU");
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByRole("button", { name: "Change Update method" }).click();
  await page.getByLabel("Only sync changes when requested").check();
  await expectFitsViewport(page);
  await shot(page, testInfo, "05-settings");
  await page.getByRole("button", { name: "Create table" }).click();
  await page.waitForURL(/\/tables\/tbl\w{14}$/);
  await expectFitsViewport(page);
  await shot(page, testInfo, "06-table");
});
