// "Create table" and "Sync now" on a large table show the server's progress (rows done of total),
// not just a spinner. A run of the suite's 10,000-row limit can finish before the first report,
// so this spec starts its own app server with raised limits (SYNC_MAX_ROWS), on the same database.
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { makeOwnerSetup } from "../support/fixtures";
import { expect, test } from "./fixtures";

const ROWS = 150_000;
const COLUMNS = 20;
let server: AppServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startAppServer({
    databaseUrl: process.env.DATABASE_URL!,
    quiet: true,
    env: { SYNC_MAX_ROWS: String(ROWS), SYNC_MAX_BODY_BYTES: String(64 * 1024 * 1024), TRANSACTION_TIMEOUT_MS: "300000" },
  });
});

test.afterAll(async () => {
  await server?.stop();
});

function largeCsv(version: string): string {
  const header = ["id", ...Array.from({ length: COLUMNS - 1 }, (_, i) => `col${i + 1}`)];
  const lines = [header.join(",")];
  for (let r = 0; r < ROWS; r++) lines.push([`K${r}`, ...header.slice(1).map((_, c) => `${version}-${r}-${c}`)].join(","));
  return lines.join("\n") + "\n";
}

test("Create table and Sync now on a 150,000-row table show rows done of total", async ({ page, context }) => {
  test.setTimeout(300_000);
  const { user, base, token } = await makeOwnerSetup();
  const call = async (path: string, init: RequestInit & { csv?: string; json?: unknown } = {}) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (init.csv !== undefined) headers["content-type"] = "text/csv";
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${server.url}${path}`, { ...init, headers, body: init.csv ?? (init.json === undefined ? undefined : JSON.stringify(init.json)) });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return JSON.parse(text);
  };
  const sync = await call(`/v0/meta/bases/${base.id}/syncs`, { method: "POST", json: { name: "Large" } });
  const syncPath = `/v0/${base.id}/${sync.tableId}/sync/${sync.id}`;
  expect(await call(syncPath, { method: "POST", csv: largeCsv("v") })).toMatchObject({ status: "received", rowsReceived: ROWS });

  const { createSession, SESSION_COOKIE } = await import("@/lib/auth/sessions");
  const session = await createSession(user.id);
  await context.addCookies([{ name: SESSION_COOKIE, value: session.value, url: server.url, httpOnly: true, sameSite: "Lax" }]);
  await page.goto(`${server.url}/bases/${base.id}/sync/${sync.id}`);
  await expect(page.getByText("✓ API request received")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Fields", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Primary key field").selectOption("id");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByRole("button", { name: "Create table" }).click();

  // The server's count, as a bar and as text, while the table is being created.
  const creating = page.getByRole("status").filter({ hasText: "Creating table…" });
  await expect(creating.getByText(/^([\d,]+ of 150,000 rows synced|Saving 150,000 rows…)$/)).toBeVisible({ timeout: 120_000 });
  await expect(creating.getByRole("progressbar")).toBeVisible();
  await page.waitForURL(/\/tables\/tbl\w{14}$/, { timeout: 240_000 });

  // Manual updates from now on; a new request with every row changed waits for Sync now.
  await call(`/v0/meta/bases/${base.id}/syncs/${sync.id}`, {
    method: "PUT",
    json: {
      tableName: "Large",
      fieldSelection: "all",
      fields: ["id", ...Array.from({ length: COLUMNS - 1 }, (_, i) => `col${i + 1}`)].map((column) => ({ column, type: "singleLineText" })),
      primaryKey: "id",
      updateMethod: "manual",
      deletion: "delete",
    },
  });
  expect(await call(syncPath, { method: "POST", csv: largeCsv("w") })).toMatchObject({ status: "received" });
  await page.reload();
  const status = page.getByRole("region", { name: "Sync status" });
  await expect(status).toContainText("waiting for Sync now");
  await status.getByRole("button", { name: "Sync now" }).click();
  await expect(status.getByText(/^([\d,]+ of 150,000 rows synced|Saving 150,000 rows…)$/)).toBeVisible({ timeout: 120_000 });
  await expect(status.getByRole("progressbar")).toBeVisible();
  await expect(status).toContainText("Last run applied: 0 created, 150,000 updated, 0 deleted", { timeout: 240_000 });
  await expect(status.getByRole("progressbar")).toHaveCount(0);
});
