// The table page's details: problems you can see (amber, grouped, with keys, "Show in grid", cell
// markers), the run-history chart with a failed run, field-type icons, the empty-search message,
// the table tab's own drop-down, the sources list by keyboard, the current tab in view on a phone,
// and the dark-mode toggle.
import path from "node:path";
import type { Page } from "@playwright/test";
import { addSessionCookie, makeOwnerSetup } from "../support/fixtures";
import { expect, openTable, test } from "./fixtures";
import { makeSyncedTable, PRODUCTS_CSV } from "./wizard-support";

const CONFIG = (tableName: string) => ({
  tableName,
  fieldSelection: "all",
  fields: [
    { column: "SKU", name: "SKU", type: "singleLineText" },
    { column: "Name", name: "Name", type: "singleLineText" },
    { column: "Price", name: "Price", type: "currency", options: { symbol: "$", precision: 2 } },
    { column: "Stock", name: "Stock", type: "number", options: { precision: 0 } },
    { column: "Discount", name: "Discount", type: "percent", options: { precision: 0 } },
    { column: "Notes", name: "Notes", type: "multilineText" },
  ],
  primaryKey: "SKU",
  updateMethod: "auto",
  deletion: "delete",
});

async function productsTable() {
  const { user, base, token } = await makeOwnerSetup();
  const table = await makeSyncedTable({ baseId: base.id, token, csv: PRODUCTS_CSV, config: CONFIG("Products") });
  return { user, base, token, ...table };
}

async function post(page: Page, url: string, token: string, csv: string) {
  return page.request.post(url, { headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" }, data: csv });
}

test("a run with problems is amber; its problems are grouped with keys and lead to the marked cell", async ({ page, context }, testInfo) => {
  const { user, base, token, tableId, url } = await productsTable();
  // A failed request (no primary-key column), then a good one that still has the bad price.
  expect((await post(page, url, token, "Name,Price\nWidget,1")).status()).toBe(422);
  expect((await post(page, url, token, `${PRODUCTS_CSV}\nA-103,Thing,3.50,1,,fourth`)).status()).toBe(200);
  await addSessionCookie(context, user.id);
  await openTable(page, `/bases/${base.id}/tables/${tableId}`);

  const status = page.getByRole("region", { name: "Sync status" });
  await expect(status.locator('[data-outcome="problems"]')).toContainText("1 created, 0 updated, 0 deleted, 1 problem");

  // The marker on the cell that did not parse: the original text and why, on hover and focus.
  const marker = page.getByRole("button", { name: 'Did not parse: “abc” (not a currency amount)' });
  await expect(marker).toHaveCount(1);
  await marker.focus();
  await expect(page.getByRole("tooltip")).toContainText("abc");
  await expect(page.getByRole("tooltip")).toContainText("not a currency amount");

  // "1 problem" opens the run's problems, grouped by column, with the record's key.
  await status.getByRole("button", { name: "1 problem" }).click();
  const history = page.getByRole("region", { name: "Run history" });
  await expect(history.getByText("Price · 1 problem")).toBeVisible();
  const problem = history.getByRole("table", { name: "Problems in Price" }).getByRole("row").nth(1);
  await expect(problem).toContainText("A-102");
  await expect(problem).toContainText("abc");

  // The chart: stacked bars per run, the failed run in red, with status chips and relative times below.
  const chart = page.getByTestId("run-chart");
  await expect(chart).toContainText("4 runs");
  await expect(chart).toContainText("1 failed");
  await expect(chart.locator('path.recharts-rectangle[fill="#ef4444"]')).toHaveCount(1);
  await expect(chart.locator('path.recharts-rectangle[fill="#16a34a"]')).toHaveCount(2);
  // Hovering a run's bar names its counts and duration.
  await chart.locator('path.recharts-rectangle[fill="#16a34a"]').first().hover();
  await expect(chart.locator(".recharts-tooltip-wrapper")).toContainText("Created: 3");
  await expect(chart.locator(".recharts-tooltip-wrapper")).toContainText("Duration:");
  const runList = history.getByRole("table", { name: "Sync runs, newest first" });
  await expect(runList.getByText("Failed", { exact: true })).toBeVisible();
  await expect(runList.getByText("Applied with problems")).toHaveCount(2);
  await expect(history.getByRole("time").first()).toHaveText("just now");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await history.screenshot({ path: path.join(testInfo.project.outputDir, "screenshots", `run-history-${scheme}-1280.png`) });
  }

  // "Show in grid" finds the record and focuses the cell.
  await problem.getByRole("button", { name: "Show in grid" }).click();
  await expect(page.getByRole("searchbox", { name: "Search records" })).toHaveValue("A-102");
  await expect(page.getByText("1 record", { exact: true })).toBeVisible();
  const focused = page.locator("[data-cell]:focus");
  await expect(focused).toHaveCount(1);
  await expect(focused.getByRole("button", { name: /Did not parse: “abc”/ })).toHaveCount(1);
});

test("icons, empty search, the tab's drop-down, keyboard in the sources list", async ({ page, context }) => {
  const { user, base, syncId, tableId } = await productsTable();
  await addSessionCookie(context, user.id);
  await openTable(page, `/bases/${base.id}/tables/${tableId}`);

  // The main landmark, the current page in both navigations, a title naming table and base.
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Bases" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("navigation", { name: "Tables" }).getByRole("link", { name: "Products" })).toHaveAttribute("aria-current", "page");
  await expect(page).toHaveTitle(`Products · ${base.name} · Tablesync`);

  // Field-type icons in the header, named for screen readers.
  await expect(page.getByRole("columnheader", { name: /Currency: Price/ })).toContainText("$");
  await expect(page.getByRole("columnheader", { name: /Number: Stock/ })).toContainText("#");
  await expect(page.getByRole("columnheader", { name: /Long text: Notes/ })).toContainText("¶");

  await page.getByRole("searchbox", { name: "Search records" }).fill("zzz");
  await expect(page.getByText("No records match “zzz”.")).toBeVisible();
  await expect(page.getByText("0 records", { exact: true })).toBeVisible();

  // The table tab's own drop-down: Update sync configuration and Sync now.
  await page.getByRole("button", { name: "Products options" }).click();
  const menu = page.getByRole("menu", { name: "Products options" });
  await expect(menu.getByRole("menuitem", { name: "Update sync configuration" })).toHaveAttribute("href", `/bases/${base.id}/sync/${syncId}/configure`);
  const ran = page.waitForResponse((r) => r.url().endsWith(`/syncs/${syncId}/run`) && r.request().method() === "POST");
  await menu.getByRole("menuitem", { name: "Sync now" }).click();
  expect((await ran).status()).toBe(200);
  await page.getByRole("button", { name: "Run history" }).click();
  await expect(page.getByRole("region", { name: "Run history" }).getByRole("row").nth(1)).toContainText("Sync now");

  // "+ Add or import": Escape returns focus to the button; arrow keys move through the sources.
  const add = page.getByRole("button", { name: "+ Add or import" });
  await add.click();
  await page.keyboard.press("Escape");
  await expect(add).toBeFocused();
  await add.click();
  await expect(page.getByPlaceholder("Find a source")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("link", { name: /^Sync API/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("link", { name: /^CSV file/ })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByPlaceholder("Find a source")).toBeFocused();
});

test("on a phone the current table's tab is scrolled into view", async ({ page, context }) => {
  const { user, base, token } = await productsTable();
  let last = { tableId: "" };
  for (let i = 2; i <= 6; i++) last = await makeSyncedTable({ baseId: base.id, token, csv: PRODUCTS_CSV, config: CONFIG(`Products number ${i}`) });
  await addSessionCookie(context, user.id);
  await page.setViewportSize({ width: 390, height: 844 });
  await openTable(page, `/bases/${base.id}/tables/${last.tableId}`);
  const tab = page.getByRole("link", { name: "Products number 6" });
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(tab).toBeInViewport();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
});

test("dark mode follows the system, and the toggle pins a choice across reloads", async ({ page, context }) => {
  const { user } = await productsTable();
  await addSessionCookie(context, user.id);
  const lightness = () =>
    page.evaluate(() => {
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
      return (r + g + b) / 3 / 255;
    });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  expect(await lightness()).toBeLessThan(0.2);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await lightness()).toBeGreaterThan(0.9);

  const toggle = page.getByRole("combobox", { name: "Colour theme" });
  await toggle.selectOption("dark");
  expect(await lightness()).toBeLessThan(0.2);
  await page.reload();
  await expect(toggle).toHaveValue("dark");
  expect(await lightness()).toBeLessThan(0.2);
  await toggle.selectOption("system");
  expect(await lightness()).toBeGreaterThan(0.9);
});

test("the run-history chart reads 500 runs", async ({ page, context }, testInfo) => {
  const { user, base, syncId, tableId } = await productsTable();
  // 498 earlier runs, one an hour, every 50th failed (lib/db: Playwright's workers run lib code).
  const { getPool } = await import("@/lib/db");
  await getPool().query(
    `INSERT INTO sync_runs (id, sync_id, trigger, status, payload_id, started_at, finished_at, duration_ms, timings,
       rows_received, rows_ignored, created, updated, deleted, unchanged, skipped, problem_count, problems, error)
     SELECT $1 || g, $2, 'api', CASE WHEN g % 50 = 0 THEN 'failed' ELSE 'applied' END, NULL,
       now() - (600 - g) * interval '1 hour', now() - (600 - g) * interval '1 hour' + interval '200 milliseconds', 150 + g % 90, '{}'::jsonb,
       100, 0, g % 7, 20 + g % 30, g % 3, 50, 0, 0, '[]'::jsonb, CASE WHEN g % 50 = 0 THEN 'The CSV has no "SKU" column.' END
     FROM generate_series(1, 498) AS g`,
    [`run${Date.now().toString(36)}x`, syncId],
  );
  await addSessionCookie(context, user.id);
  await openTable(page, `/bases/${base.id}/tables/${tableId}`);
  await page.getByRole("button", { name: "Run history" }).click();
  const chart = page.getByTestId("run-chart");
  await expect(chart).toContainText("Chart of the last 500 runs");
  await expect(chart).toContainText("9 failed");
  await expect(chart.locator('path.recharts-rectangle[fill="#ef4444"]')).toHaveCount(9);
  // The list below shows the newest 50.
  await expect(page.getByRole("table", { name: "Sync runs, newest first" }).locator("tbody > tr")).toHaveCount(50);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await chart.screenshot({ path: path.join(testInfo.project.outputDir, "screenshots", `run-chart-500-${scheme}-1280.png`) });
  }
});
