// Helpers for the wizard specs: reach the wizard as a user does, send CSV like an outside system,
// and check a step fits its viewport.
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";

export const PRODUCTS_CSV = [
  "SKU,Name,Price,Stock,Discount,Notes",
  "A-100,Widget,9.99,12,10,first",
  "A-101,Gadget,24.50,3,5%,second",
  "A-102,Widget,abc,7,,third",
].join("\n");

// "+ Add or import" (or "+") next to the last table → "Find a source" → "Sync API".
export async function openSource(page: Page, baseId: string, source: "Sync API" | "CSV file") {
  await page.goto(`/bases/${baseId}`);
  await page.getByRole("button", { name: /add or import|^\+$/i }).first().click();
  const popover = page.getByRole("dialog", { name: "Add or import" });
  await popover.getByPlaceholder("Find a source").fill(source);
  await popover.getByRole("link", { name: new RegExp(`^${source}`) }).click();
  await page.waitForURL(/\/sync\/new/);
}

// What the outside system does: POST the CSV with its token.
export async function sendCsv(request: APIRequestContext, url: string, token: string, csv: string) {
  const res = await request.post(url, {
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    data: csv,
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

// The sync URL as shown in the wizard's cURL request.
export async function curlUrl(page: Page): Promise<string> {
  await expect(page.getByLabel("cURL request")).toContainText("curl -X POST");
  const text = await page.getByLabel("cURL request").textContent();
  const url = /curl -X POST "([^"]+)"/.exec(text ?? "")?.[1];
  expect(url, "the cURL request names the sync URL").toMatch(/\/v0\/app\w{14}\/tbl\w{14}\/sync\/syn\w{14}$/);
  return url!;
}

export async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

// Usable at this size: the page itself does not scroll sideways (wide tables scroll in their box).
export async function expectFitsViewport(page: Page) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scrollWidth, "page width").toBeLessThanOrEqual(width);
}

export async function fieldNamesInOrder(page: Page): Promise<string[]> {
  return page.getByRole("list", { name: "Fields" }).getByRole("textbox", { name: /^Field name for / }).evaluateAll(
    (inputs) => inputs.map((i) => (i as HTMLInputElement).value),
  );
}

// A table set up through the management API (the first spec covers doing it in the browser).
export async function makeSyncedTable(input: { baseId: string; token: string; csv: string; config: Record<string, unknown> }) {
  const { api } = await import("../support/fixtures");
  const created = await api(`/v0/meta/bases/${input.baseId}/syncs`, { method: "POST", token: input.token, json: { name: input.config.tableName } });
  expect(created.status, created.text).toBe(200);
  const { id: syncId, tableId, url } = created.json as { id: string; tableId: string; url: string };
  const sent = await api(new URL(url).pathname, {
    method: "POST",
    token: input.token,
    body: input.csv,
    headers: { "content-type": "text/csv" },
  });
  expect(sent.status, sent.text).toBe(200);
  const put = await api(`/v0/meta/bases/${input.baseId}/syncs/${syncId}`, { method: "PUT", token: input.token, json: input.config });
  expect(put.status, put.text).toBe(200);
  return { syncId, tableId, url };
}

// The browser logs a refused request itself ("Failed to load resource … 422"); in tests that
// provoke one, that line is expected and any other console error still fails the test.
export const testExpecting422 = test.extend<{ failOnConsoleErrors: void }>({
  failOnConsoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error" && !/status of 422/.test(msg.text())) errors.push(msg.text());
    });
    page.on("pageerror", (err) => errors.push(err.message));
    await provide();
    expect(errors, "console errors on the page").toEqual([]);
  },
});
