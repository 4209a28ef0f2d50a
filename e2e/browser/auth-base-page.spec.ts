// The base header: table tabs, syncs being set up, and the "+ Add or import" sources popover.
import { test, expect } from "./fixtures";
import { addSessionCookie, makeBase, makeUser } from "../support/fixtures";

async function addTable(baseId: string, name: string) {
  const [{ db }, { newId }] = await Promise.all([import("@/lib/db"), import("@/lib/ids")]);
  return db.syncTable.create({ data: { id: newId("table"), baseId, name } });
}

test("an empty base offers '+ Add or import' with its sources", async ({ page, context }) => {
  const user = await makeUser();
  const base = await makeBase(user.id);
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}`);
  await expect(page.getByText("This base has no tables yet.", { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "+ Add or import" }).click();
  const popover = page.getByRole("dialog", { name: "Add or import" });
  await expect(popover.getByRole("link", { name: /Sync API/ })).toHaveAttribute("href", `/bases/${base.id}/sync/new`);
  await expect(popover.getByRole("link", { name: /CSV file/ })).toHaveAttribute("href", `/bases/${base.id}/sync/new?source=csv`);
  await expect(popover.getByText("Not available yet").first()).toBeVisible();

  await popover.getByLabel("Find a source").fill("sync api");
  await expect(popover.getByRole("link")).toHaveCount(1);
  await popover.getByLabel("Find a source").fill("nothing like this");
  await expect(popover.getByText("No source matches")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(popover).toHaveCount(0);
});

test("tables show as tabs; more than 3 tables shrink the button to '+'", async ({ page, context }) => {
  const user = await makeUser();
  const base = await makeBase(user.id);
  const tables = [];
  for (const name of ["Orders", "Products", "Customers"]) tables.push(await addTable(base.id, name));
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}`);
  const tabs = page.getByRole("navigation", { name: "Tables" });
  await expect(tabs.getByRole("link")).toHaveText(["Orders", "Products", "Customers"]);
  await expect(tabs.getByRole("link", { name: "Orders" })).toHaveAttribute("href", `/bases/${base.id}/tables/${tables[0].id}`);
  await expect(page.getByRole("button", { name: "+ Add or import" })).toBeVisible();

  await addTable(base.id, "Suppliers");
  await page.reload();
  await expect(tabs.getByRole("link")).toHaveCount(4);
  const plus = page.getByRole("button", { name: "Add or import" });
  await expect(plus).toHaveText("+");
  await plus.click();
  await expect(page.getByRole("dialog", { name: "Add or import" }).getByLabel("Find a source")).toBeFocused();
});
