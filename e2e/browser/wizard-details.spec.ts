// The wizard's details: it keeps its step and choices across reloads (step in the URL, draft on
// the sync), Back moves between steps, the key step clears its error on a valid choice and
// recommends clean columns, and clock and prose columns get Duration and Long text.
import type { Page } from "@playwright/test";
import { addSessionCookie, api, makeOwnerSetup } from "../support/fixtures";
import { expect, test } from "./fixtures";
import { sendCsv } from "./wizard-support";

const CSV = [
  "Name,Code,Took,Lap,Notes",
  `Widget,A-1,1:30,0:01:05,"${"A long description of the widget that goes on well past a hundred characters, as product prose does."}"`,
  'Widget,A-2,0:45,0:02:10,"two\nlines"',
  "Gadget,A-3,12:05,1:00:00,short",
].join("\n");

async function openReceivedSync(page: Page, context: Parameters<typeof addSessionCookie>[0], request: Parameters<typeof sendCsv>[0]) {
  const { user, base, token } = await makeOwnerSetup();
  await addSessionCookie(context, user.id);
  const created = await api(`/v0/meta/bases/${base.id}/syncs`, { method: "POST", token, json: { name: "Details" } });
  expect(created.status).toBe(200);
  await sendCsv(request, created.json.url, token, CSV);
  await page.goto(`/bases/${base.id}/sync/${created.json.id}`);
  await expect(page.getByText("✓ API request received")).toBeVisible();
  return { baseId: base.id, syncId: created.json.id as string, token };
}

const stepOf = (page: Page) => new URL(page.url()).searchParams.get("step");

type Draft = { step: string; values: { fields: { column: string; name: string; selected: boolean }[]; primaryKey: string; tableName: string } };

// Waits until the wizard has saved a draft that satisfies `check` (saves are debounced).
function draftSaved(page: Page, syncId: string, check: (draft: Draft) => boolean) {
  return page.waitForResponse((r) => {
    if (!r.url().endsWith(`/syncs/${syncId}/draft`) || r.request().method() !== "PUT" || r.status() !== 204) return false;
    return check(JSON.parse(r.request().postData() ?? "{}") as Draft);
  });
}

test("a reload on every step keeps the step and the choices; Back moves between steps", async ({ page, context, request }) => {
  const { baseId, syncId, token } = await openReceivedSync(page, context, request);
  expect(stepOf(page)).toBe("setup");
  await page.reload();
  await expect(page.getByRole("heading", { name: "Set up" })).toBeVisible();

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Fields", exact: true })).toBeVisible();
  expect(stepOf(page)).toBe("fields");
  const fieldsSaved = draftSaved(
    page,
    syncId,
    (d) => d.step === "fields" && d.values.fields[0].name === "Product" && d.values.fields.find((f) => f.column === "Lap")?.selected === false,
  );
  await page.getByLabel("Field name for Name").fill("Product");
  await page.getByLabel("Specific fields").check();
  await page.getByRole("checkbox", { name: "Sync Lap" }).uncheck();
  await fieldsSaved;
  await page.reload();
  await expect(page.getByRole("heading", { name: "Fields", exact: true })).toBeVisible();
  await expect(page.getByLabel("Field name for Name")).toHaveValue("Product");
  await expect(page.getByRole("checkbox", { name: "Sync Lap" })).not.toBeChecked();

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Primary key" })).toBeVisible();
  expect(stepOf(page)).toBe("key");
  const keySaved = draftSaved(page, syncId, (d) => d.step === "key" && d.values.primaryKey === "Took");
  await page.getByLabel("Primary key field").selectOption("Took");
  await keySaved;
  await page.reload();
  await expect(page.getByLabel("Primary key field")).toHaveValue("Took");

  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  const settingsSaved = draftSaved(page, syncId, (d) => d.step === "settings" && d.values.tableName === "Kept table");
  await page.getByLabel("Table name").fill("Kept table");
  await settingsSaved;
  await page.reload();
  await expect(page.getByLabel("Table name")).toHaveValue("Kept table");

  // The browser's Back button moves to the previous step, Forward returns.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Primary key" })).toBeVisible();
  await expect(page.getByLabel("Primary key field")).toHaveValue("Took");
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Fields", exact: true })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("heading", { name: "Primary key" })).toBeVisible();

  // Another device (or a colleague) opening the sync without a step lands where it stopped.
  const second = await context.browser()!.newContext();
  const { makeUser, grantBaseRole } = await import("../support/fixtures");
  const colleague = await makeUser("colleague");
  await grantBaseRole({ baseId, userId: colleague.id, role: "creator" });
  await addSessionCookie(second, colleague.id);
  const other = await second.newPage();
  await other.goto(`/bases/${baseId}/sync/${syncId}`);
  await expect(other.getByRole("heading", { name: "Primary key" })).toBeVisible();
  await expect(other.getByLabel("Primary key field")).toHaveValue("Took");
  await second.close();

  // Creating the table turns the draft into the configuration and clears it.
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Create table" }).click();
  await page.waitForURL(/\/tables\/tbl\w{14}$/);
  const status = await api(`/v0/meta/bases/${baseId}/syncs/${syncId}`, { token });
  expect(status.json.draft).toBeNull();
  expect(status.json.config.tableName).toBe("Kept table");
  expect(status.json.config.fields.map((f: { name: string }) => f.name)).toEqual(["Product", "Code", "Took", "Notes"]);
});

test("the key step recommends clean columns, preselects the best and clears its error on a valid choice", async ({ page, context, request }) => {
  await openReceivedSync(page, context, request);
  await page.getByRole("button", { name: "Next" }).click();
  // Suggestions: clock columns as Duration (with their format), prose as Long text.
  await expect(page.getByLabel("Type for Took")).toHaveValue("duration");
  await expect(page.getByLabel("Type for Lap")).toHaveValue("duration");
  await expect(page.getByLabel("Type for Notes")).toHaveValue("multilineText");
  await expect(page.getByLabel("Type for Name")).toHaveValue("singleLineText");
  await page.getByRole("button", { name: "Next" }).click();

  const key = page.getByLabel("Primary key field");
  const recommended = (name: string) => `${name} (unique in the sample — recommended)`;
  await expect(key).toHaveValue("Code");
  await expect(key.locator("option")).toHaveText([
    "Select an option",
    "Name",
    recommended("Code"),
    recommended("Took"),
    recommended("Lap"),
    recommended("Notes"),
  ]);

  // With the mouse: an empty choice is refused; choosing a column clears the error at once.
  await key.selectOption("");
  await page.getByRole("button", { name: "Next" }).click();
  const error = page.locator("#primary-key-error");
  await expect(error).toBeVisible();
  await key.selectOption("Name");
  await expect(error).toHaveCount(0);
  await expect(key).not.toHaveAttribute("aria-invalid", "true");

  // With the keyboard: the same.
  await key.selectOption("");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(error).toBeVisible();
  await key.focus();
  await page.keyboard.press("ArrowDown");
  await expect(key).toHaveValue("Name");
  await expect(error).toHaveCount(0);
});

test("a pasted token goes into the cURL request, masked on screen and whole in the copy", async ({ page, context }) => {
  const { user, base, token } = await makeOwnerSetup();
  await addSessionCookie(context, user.id);
  const created = await api(`/v0/meta/bases/${base.id}/syncs`, { method: "POST", token, json: { name: "Pasted" } });
  await page.goto(`/bases/${base.id}/sync/${created.json.id}`);
  const field = page.getByLabel("Or paste a token to put it in the request");
  const insert = page.getByRole("button", { name: "Insert token" });
  await field.fill("not a token");
  await expect(insert).toBeDisabled();
  await field.fill(token);
  await insert.click();
  const shown = page.getByLabel("cURL request");
  await expect(shown).toContainText(`TABLESYNC_TOKEN='${token.split(".")[0]}.••••••••'`);
  await expect(shown).not.toContainText(token.split(".")[1]);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`TABLESYNC_TOKEN='${token}'`);
});
