// The Sync API setup wizard, walked as a user: sign up, create a base, open "Sync API", create a
// token from the wizard's link, POST a CSV from outside while the wizard waits, configure, create.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createBaseViaUi, signUpViaUi } from "../support/fixtures";
import { expect, test } from "./fixtures";
import { curlUrl, fieldNamesInOrder, openSource, PRODUCTS_CSV, sendCsv, shot } from "./wizard-support";

const TOKEN = /pat[A-Za-z0-9]{14}\.[0-9a-f]{64}/;

// A command as a user pastes it into bash; curl prints the body, then the HTTP status.
function runInBash(command: string, cwd?: string) {
  const ran = spawnSync("bash", ["-c", `${command} --silent --show-error --write-out '\\n%{http_code}'`], { encoding: "utf8", cwd });
  const lines = ran.stdout.trimEnd().split("\n");
  return { status: Number(lines.pop()), body: lines.join("\n"), stderr: ran.stderr, exit: ran.status };
}

test("set up a Sync API table from the browser", async ({ page, context, request }, testInfo) => {
  await signUpViaUi(page);
  const base = await createBaseViaUi(page);

  await openSource(page, base.id, "Sync API");
  await expect(page.getByRole("heading", { name: "Sync API", level: 2 })).toBeVisible();
  await shot(page, testInfo, "01-intro");
  await page.getByRole("button", { name: "Set up" }).click();

  // Set up: the cURL request is final (real URL), with the token placeholder and CSV content type.
  await expect(page.getByRole("heading", { name: "Set up" })).toBeVisible();
  const url = await curlUrl(page);
  const curl = await page.getByLabel("cURL request").textContent();
  // The article's placeholder stays visible, in a line that sets the variable the request reads.
  expect(curl).toContain("TABLESYNC_TOKEN='${PERSONAL ACCESS TOKEN}'");
  expect(curl).toContain('-H "Authorization: Bearer $TABLESYNC_TOKEN"');
  expect(curl).toContain('-H "Content-Type: text/csv"');
  await expect(page.getByText("Waiting to receive API request…")).toBeVisible();
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await shot(page, testInfo, "02-set-up-waiting");

  // Pasted as it is, before a token exists, bash runs it (no "bad substitution") and the server
  // answers that the placeholder is not a token.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy" }).click();
  const asPasted = runInBash(await page.evaluate(() => navigator.clipboard.readText()));
  expect(asPasted.stderr).toBe("");
  expect(asPasted.status, asPasted.body).toBe(401);

  // "Create a token →" opens token creation with the two scopes and this base chosen; once the
  // token exists, "Back to the setup" returns to this step with the token in the cURL request.
  await page.getByRole("link", { name: "Create a token →" }).click();
  await page.waitForURL((u) => u.pathname === "/tokens/new");
  await expect(page.getByRole("checkbox", { name: /data\.records:write/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /schema\.bases:write/ })).toBeChecked();
  await expect(page.getByRole("group", { name: "Bases" }).getByRole("checkbox", { name: base.name })).toBeChecked();
  await page.getByLabel("Name", { exact: true }).fill("ERP export");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Your new token").inputValue();
  expect(token, "the new token is shown once").toMatch(TOKEN);
  await page.getByRole("button", { name: "Back to the setup" }).click();
  await page.waitForURL((u) => /\/sync\/syn\w{14}$/.test(u.pathname) && u.searchParams.get("step") === "setup");
  await expect(page.getByRole("heading", { name: "Set up" })).toBeVisible();
  const shown = page.getByLabel("cURL request");
  await expect(shown).toContainText(`TABLESYNC_TOKEN='${token.split(".")[0]}.••••••••'`);
  await expect(shown).not.toContainText(token.split(".")[1]);
  await shot(page, testInfo, "02b-set-up-with-token");

  // The copied command runs in bash; with the example body replaced by the user's file, it syncs.
  // The wizard notices on its own, without a reload.
  await page.getByRole("button", { name: "Copy" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`TABLESYNC_TOKEN='${token}'`);
  await page.evaluate(() => ((window as unknown as { wizardMark: string }).wizardMark = "same page"));
  const dir = mkdtempSync(path.join(tmpdir(), "tablesync-curl-"));
  writeFileSync(path.join(dir, "products.csv"), PRODUCTS_CSV);
  const withFile = copied.replace(/--data-binary '[^']*'/, "--data-binary @products.csv");
  const sent = runInBash(withFile, dir);
  expect(sent.status, sent.body).toBe(200);
  expect(JSON.parse(sent.body)).toMatchObject({ success: true, status: "received" });
  await expect(page.getByText("✓ API request received")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { wizardMark?: string }).wizardMark)).toBe("same page");
  await shot(page, testInfo, "03-set-up-received");
  await page.getByRole("button", { name: "Next" }).click();

  // Fields: specific fields, reorder two by dragging, change two types.
  await expect(page.getByRole("heading", { name: "Fields", exact: true })).toBeVisible();
  expect(await fieldNamesInOrder(page)).toEqual(["SKU", "Name", "Price", "Stock", "Discount", "Notes"]);
  await page.getByLabel("Specific fields").check();
  await page.getByRole("checkbox", { name: "Sync Notes" }).uncheck();
  const rows = page.getByTestId("field-row");
  await rows.nth(2).getByTestId("drag-handle").dragTo(rows.nth(1));
  expect(await fieldNamesInOrder(page)).toEqual(["SKU", "Price", "Name", "Stock", "Discount", "Notes"]);
  await page.getByLabel("Type for Price").selectOption({ label: "Currency" });
  await page.getByLabel("Type for Discount").selectOption({ label: "Percent" });
  const preview = page.getByRole("table", { name: "Preview" });
  await expect(preview.getByRole("cell", { name: "$24.50" })).toBeVisible();
  await expect(preview.getByRole("cell", { name: "5%" })).toBeVisible();
  const bad = preview.locator("td[data-invalid]");
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText("abc");
  await expect(bad).toHaveAttribute("title", /.+/);
  await expect(preview.getByRole("columnheader", { name: /Notes/ })).toHaveCount(0);
  await shot(page, testInfo, "04-fields");
  await page.getByRole("button", { name: "Next" }).click();

  // Primary key: a repeated value is warned about; SKU is clean.
  await expect(page.getByRole("heading", { name: "Primary key" })).toBeVisible();
  const key = page.getByLabel("Primary key field");
  // The clean columns of the sample are marked, and the identifier-like one is preselected.
  const recommended = (name: string) => `${name} (unique in the sample — recommended)`;
  await expect(key).toHaveValue("SKU");
  await expect(key.locator("option")).toHaveText(["Select an option", recommended("SKU"), recommended("Price"), "Name", recommended("Stock"), "Discount"]);
  await key.selectOption("Name");
  await expect(page.getByRole("list", { name: "Primary key warnings" })).toContainText('"Widget" (2 times)');
  await key.selectOption("SKU");
  await expect(page.getByRole("list", { name: "Primary key warnings" })).toHaveCount(0);
  await shot(page, testInfo, "05-primary-key");
  await page.getByRole("button", { name: "Next" }).click();

  // Settings: defaults as sentences; switch deletion to keep.
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page.getByText("Automatically update whenever an API request is received")).toBeVisible();
  await expect(page.getByText(/no longer present in the CSV request body .* will be deleted/)).toBeVisible();
  await expect(page.getByLabel("Table name")).toHaveValue("API sync");
  await expect(page.getByLabel(/Keep record ids/)).toHaveValue("30");
  await page.getByRole("button", { name: "Change Deletion" }).click();
  await page.getByLabel("Leave the records in this table").check();
  await page.getByRole("button", { name: "Done with Deletion" }).click();
  await expect(page.getByText("Leave the records in this table")).toBeVisible();
  await page.getByLabel("Table name").fill("Products");
  await shot(page, testInfo, "06-settings");

  // Going back keeps every choice (one form across steps).
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByLabel("Primary key field")).toHaveValue("SKU");
  await page.getByRole("button", { name: "Back" }).click();
  expect(await fieldNamesInOrder(page)).toEqual(["SKU", "Price", "Name", "Stock", "Discount", "Notes"]);
  await expect(page.getByLabel("Type for Price")).toHaveValue("currency");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByLabel("Table name")).toHaveValue("Products");

  await page.getByRole("button", { name: "Create table" }).click();
  await page.waitForURL(/\/bases\/app\w{14}\/tables\/tbl\w{14}$/);
  const tableId = new URL(page.url()).pathname.split("/")[4];
  expect(url).toContain(`/${tableId}/sync/`);

  // The table shows the records with the chosen order and types.
  const headers = await page.getByRole("columnheader").getByTestId("field-name").allInnerTexts();
  const chosen = ["SKU", "Price", "Name", "Stock", "Discount"];
  expect(headers.map((h) => h.trim()).filter((h) => chosen.includes(h))).toEqual(chosen);
  expect(headers.some((h) => h.includes("Notes"))).toBe(false);
  await expect(page.getByText("$9.99")).toBeVisible();
  await expect(page.getByText("10%")).toBeVisible();
  await shot(page, testInfo, "07-table");

  // The same through the API (as the signed-in user: the sync token cannot read records).
  const read = async (path: string) => (await page.request.get(path)).json();
  const schema = await read(`/v0/meta/bases/${base.id}/tables`);
  const table = schema.tables.find((t: { id: string }) => t.id === tableId);
  expect(table.name).toBe("Products");
  expect(table.fields.map((f: { name: string; type: string }) => [f.name, f.type])).toEqual([
    ["SKU", "singleLineText"],
    ["Price", "currency"],
    ["Name", "singleLineText"],
    ["Stock", "number"],
    ["Discount", "percent"],
  ]);
  const records = await read(`/v0/${base.id}/${tableId}?sort[0][field]=SKU`);
  expect(records.records.map((r: { fields: Record<string, unknown> }) => r.fields)).toEqual([
    { SKU: "A-100", Price: 9.99, Name: "Widget", Stock: 12, Discount: 0.1 },
    { SKU: "A-101", Price: 24.5, Name: "Gadget", Stock: 3, Discount: 0.05 },
    { SKU: "A-102", Name: "Widget", Stock: 7 },
  ]);

  // Deletion "keep": a later request without A-101 leaves it in the table.
  await sendCsv(request, url, token!, "SKU,Name,Price,Stock,Discount,Notes\nA-100,Widget,9.99,12,10,first");
  expect((await read(`/v0/${base.id}/${tableId}`)).records).toHaveLength(3);
});
