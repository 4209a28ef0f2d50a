// The synced table page: a 10,000-row sync in the virtualised grid (open, scroll, typed sort,
// search, safe links), and the status bar, Sync now and run history of a manual sync.
import { expect, openTable, test } from "./fixtures";
import { addSessionCookie, api, makeOwnerSetup } from "../support/fixtures";
import type { Locator, Page } from "@playwright/test";

// support/sync.ts imports lib/db (server-only): load it inside the tests, where Playwright's
// workers run with the react-server condition.
const syncHelpers = () => import("../support/sync");

const grid = (page: Page) => page.getByRole("grid", { name: "Records" });
const row = (page: Page, index: number) => grid(page).locator(`[role=row][aria-rowindex="${index + 1}"]`);
const cells = (r: Locator) => r.getByRole("gridcell");

// Column order: row number, then the fields.
const COLUMNS = ["sku", "name", "price", "site", "notes"];
const col = (name: string) => COLUMNS.indexOf(name) + 1;

function bigCsv(csvOf: (rows: string[][]) => string, n: number): string {
  const rows = Array.from({ length: n }, (_, i) => [
    `SKU-${String(i).padStart(5, "0")}`,
    i === 4242 ? "Needle in the haystack" : `Item ${i}`,
    // 9, 10, 100 … sort differently as text and as numbers
    `$${((i * 7919) % 100_000) / 100 + 9}`,
    i === 7 ? "javascript://example.com/%0Aalert(document.domain)" : `https://example.com/items/${i}`,
    i === 3 ? `First line of a long note\n${"more text ".repeat(30)}\nLast line` : `Note ${i}`,
  ]);
  return csvOf([COLUMNS, ...rows]);
}

test("a 10,000-row sync opens fast, scrolls to the end, sorts typed, searches, and links safely", async ({ page, context }) => {
  const { createConfiguredSync, csvOf } = await syncHelpers();
  const { user, base, token } = await makeOwnerSetup();
  const sync = await createConfiguredSync({
    token,
    baseId: base.id,
    csv: bigCsv(csvOf, 10_000),
    config: {
      fields: [
        { column: "price", type: "currency", options: { symbol: "$", precision: 2 } },
        { column: "site", type: "url" },
        { column: "notes", type: "multilineText" },
      ],
    },
  });
  await addSessionCookie(context, user.id);

  const started = Date.now();
  await openTable(page, `/bases/${base.id}/tables/${sync.tableId}`);
  await expect(cells(row(page, 1)).nth(col("sku"))).toHaveText(/^SKU-\d{5}$/, { timeout: 15_000 });
  const visibleMs = Date.now() - started;
  test.info().annotations.push({ type: "rows visible after navigation (ms)", description: String(visibleMs) });
  console.log(`grid: rows visible ${visibleMs} ms after navigation`);
  await expect(page.getByText(/^10,000 records/)).toBeVisible();

  // synced fields are locked; synced records cannot be deleted by hand
  await expect(page.getByRole("columnheader", { name: /price/ }).getByRole("img", { name: "Synced" })).toBeVisible();
  await row(page, 1).hover();
  await page.getByRole("button", { name: "Expand row 1" }).click();
  const recordDialog = page.getByRole("dialog", { name: "SKU-00000" });
  await expect(recordDialog.getByRole("img", { name: "Synced" })).toHaveCount(COLUMNS.length);
  await expect(recordDialog).toContainText("Synced records cannot be deleted by hand");
  await page.keyboard.press("Escape");
  await expect(recordDialog).toBeHidden();
  await expect(grid(page).locator('[tabindex="0"]')).toBeFocused();

  // keyboard: one tab stop; Ctrl+End focuses the last cell of the last row (scrolled into view and
  // loaded), Ctrl+Home the first field of the first row; only the rows in view are in the DOM.
  await cells(row(page, 1)).nth(col("sku")).focus();
  await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press("Control+End");
  await expect(cells(row(page, 10_000)).nth(col("notes"))).toBeFocused({ timeout: 20_000 });
  await expect(cells(row(page, 10_000)).nth(col("notes"))).toBeInViewport();
  expect(await grid(page).getByRole("row").count()).toBeLessThan(100);
  await page.keyboard.press("Control+Home");
  await expect(cells(row(page, 1)).nth(col("sku"))).toBeFocused();
  const moveStarted = Date.now();
  for (let i = 0; i < 100; i++) await page.keyboard.press("ArrowDown");
  await expect(cells(row(page, 101)).nth(col("sku"))).toBeFocused();
  await expect(cells(row(page, 101)).nth(col("sku"))).toBeInViewport();
  const moveMs = Date.now() - moveStarted;
  // The same inside the page, without the test's round trips: a keydown is a discrete event, so
  // React renders, commits and moves the focus in the microtasks right after it; timers and paint
  // are left out.
  const inPageMs = await page.evaluate(async () => {
    let spent = 0;
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: i % 2 ? "ArrowUp" : "ArrowDown", bubbles: true }));
      await Promise.resolve();
      await Promise.resolve();
      spent += performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return spent / 200;
  });
  await expect(cells(row(page, 101)).nth(col("sku"))).toBeFocused();
  test.info().annotations.push({ type: "100 ArrowDown presses (ms)", description: String(moveMs) });
  test.info().annotations.push({ type: "one focus move in the page (ms)", description: inPageMs.toFixed(2) });
  console.log(`grid: 100 ArrowDown presses in ${moveMs} ms; one focus move in the page ${inPageMs.toFixed(2)} ms`);

  // scroll to the very last row
  await grid(page).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(cells(row(page, 10_000)).nth(col("sku"))).toHaveText(/^SKU-\d{5}$/, { timeout: 20_000 });

  // sort by the currency column: numerically, smallest first
  await page.getByRole("columnheader", { name: /price/ }).getByRole("button").click();
  await expect(page.getByRole("columnheader", { name: /price/ })).toHaveAttribute("aria-sort", "ascending");
  // The rows of the previous order stay until the sorted ones arrive (and both start with $9.00).
  await expect(grid(page)).toHaveAttribute("aria-busy", "false");
  await expect(cells(row(page, 1)).nth(col("price"))).toHaveText("$9.00");
  const amounts = async () => {
    const out: number[] = [];
    for (let i = 1; i <= 12; i++) out.push(Number((await cells(row(page, i)).nth(col("price")).innerText()).replace(/[$,]/g, "")));
    return out;
  };
  const ascending = await amounts();
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await page.getByRole("columnheader", { name: /price/ }).getByRole("button").click();
  await expect(page.getByRole("columnheader", { name: /price/ })).toHaveAttribute("aria-sort", "descending");
  await expect(grid(page)).toHaveAttribute("aria-busy", "false");
  await expect(cells(row(page, 1)).nth(col("price"))).toHaveText(/^\$1,00\d\.\d\d$/);
  const descending = await amounts();
  expect(descending).toEqual([...descending].sort((a, b) => b - a));

  // search narrows the rows (server-side, across text fields)
  await page.getByRole("searchbox", { name: "Search records" }).fill("needle in the");
  await expect(page.getByText("1 record", { exact: true })).toBeVisible();
  await expect(cells(row(page, 1)).nth(col("name"))).toHaveText("Needle in the haystack");
  await expect(row(page, 2)).toHaveCount(0);

  // a javascript: URL is plain text, an https URL opens in a new tab
  await page.getByRole("searchbox", { name: "Search records" }).fill("SKU-00007");
  await expect(page.getByText("1 record", { exact: true })).toBeVisible();
  const evil = cells(row(page, 1)).nth(col("site"));
  await expect(evil).toHaveText("javascript://example.com/%0Aalert(document.domain)");
  await expect(evil.getByRole("link")).toHaveCount(0);
  await page.getByRole("searchbox", { name: "Search records" }).fill("SKU-00003");
  await expect(page.getByText("1 record", { exact: true })).toBeVisible();
  const good = cells(row(page, 1)).nth(col("site")).getByRole("link");
  await expect(good).toHaveAttribute("href", "https://example.com/items/3");
  await expect(good).toHaveAttribute("target", "_blank");

  // long text is clamped, with a way to read all of it
  await cells(row(page, 1)).nth(col("notes")).getByRole("button", { name: "Show all of notes" }).click();
  await expect(page.getByRole("dialog", { name: "notes" })).toContainText("Last line");
});

test("Sync now applies the stored request of a manual sync and updates the grid and the history", async ({ page, context }) => {
  const { configureSync, createSync, csvOf, postCsv } = await syncHelpers();
  const { user, base, token } = await makeOwnerSetup();
  const sync = await createSync(token, base.id);
  await postCsv(sync.path, token, csvOf([["id", "name", "amount"], ["1", "Ada", "10"], ["2", "Grace", "20"]]));
  const config = {
    tableName: `Manual ${Date.now()}`,
    fieldSelection: "all",
    fields: [
      { column: "id", type: "singleLineText" },
      { column: "name", type: "singleLineText" },
      { column: "amount", type: "number", options: { precision: 0 } },
    ],
    primaryKey: "id",
    updateMethod: "manual",
    deletion: "delete",
  };
  expect((await configureSync(token, sync, config)).status).toBe(200);
  // a new request in manual mode is stored, not applied
  const received = await postCsv(sync.path, token, csvOf([["id", "name", "amount"], ["1", "Ada Lovelace", "10"], ["2", "Grace", "oops"], ["3", "Linus", "30"]]));
  expect(received.json.status).toBe("received");

  await addSessionCookie(context, user.id);
  await openTable(page, `/bases/${base.id}/tables/${sync.tableId}`);
  const status = page.getByRole("region", { name: "Sync status" });
  await expect(status).toContainText("Sync API");
  await expect(status).toContainText("waiting for Sync now");
  await expect(page.getByText("2 records", { exact: true })).toBeVisible();
  await expect(grid(page)).toContainText("Ada");
  await expect(grid(page)).not.toContainText("Ada Lovelace");

  await status.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText("3 records", { exact: true })).toBeVisible();
  await expect(grid(page)).toContainText("Ada Lovelace");
  await expect(grid(page)).toContainText("Linus");
  await expect(status).toContainText("Last run applied: 1 created, 2 updated, 0 deleted, 1 problem");
  await expect(status.getByRole("time")).toHaveText("just now");

  await page.getByRole("button", { name: "Run history" }).click();
  const history = page.getByRole("region", { name: "Run history" });
  const latest = history.getByRole("row").nth(1);
  await expect(latest).toContainText("Sync now");
  await expect(latest).toContainText("Applied with problems");
  await latest.getByRole("button", { name: "1 problem" }).click();
  await expect(history).toContainText("amount");
  await expect(history).toContainText("oops");
  await expect(history).toContainText("not a number");

  // the table menu: update the configuration, download the table as CSV
  await page.getByRole("button", { name: "Table options" }).click();
  await expect(page.getByRole("menuitem", { name: "Update sync configuration" })).toHaveAttribute(
    "href",
    `/bases/${base.id}/sync/${sync.id}/configure`,
  );
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name: "Download CSV" }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(csv).toString("utf8")).toContain("id,name,amount\r\n");

  // a run that lands from the API while the page is open refreshes the grid on its own
  await postCsv(sync.path, token, csvOf([["id", "name", "amount"], ["1", "Ada Lovelace", "10"], ["4", "Margaret", "40"]]));
  const run = await api(`/v0/meta/bases/${base.id}/syncs/${sync.id}/run`, { method: "POST", token });
  expect(run.status).toBe(200);
  await expect(grid(page)).toContainText("Margaret", { timeout: 15_000 });
  await expect(page.getByText("2 records", { exact: true })).toBeVisible();
});
