// Own fields in the grid, by keyboard: add a single select, a long text ("notes") and a checkbox to
// a synced table, edit them with the keyboard only (picker, Space, Escape), re-sync with changed,
// removed and returning keys and see the own values kept and restored, open the record view by
// keyboard and edit there, a refused save puts the old value back and says why, and axe-core on
// the grid with the record view and the add-field dialog open, light and dark.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { addSessionCookie, api, grantBaseRole, makeOwnerSetup, makeUser } from "../support/fixtures";
import { expect, holdScripts, openTable, test } from "./fixtures";
import { makeSyncedTable, testExpecting422 } from "./wizard-support";

const CSV_1 = "key,name\nA-1,Alpha\nA-2,Beta\nA-3,Gamma\n";
// A-1 changed, A-2 removed, A-4 new.
const CSV_2 = "key,name\nA-1,Alpha two\nA-3,Gamma\nA-4,Delta\n";
// A-2 back within the retention window.
const CSV_3 = "key,name\nA-1,Alpha two\nA-2,Beta\nA-3,Gamma\nA-4,Delta\n";

const CONFIG = {
  tableName: "Tasks",
  fieldSelection: "all",
  primaryKey: "key",
  updateMethod: "auto",
  deletion: "delete",
  fields: [
    { column: "key", name: "key", type: "singleLineText" },
    { column: "name", name: "name", type: "singleLineText" },
  ],
};
const COLUMNS = ["key", "name", "Status", "Team notes", "Checked"];

const grid = (page: Page) => page.getByRole("grid", { name: "Records" });
const rowOf = (page: Page, key: string) => grid(page).getByRole("row").filter({ has: page.getByRole("gridcell", { name: key, exact: true }) });
const cell = (page: Page, key: string, column: string) => rowOf(page, key).getByRole("gridcell").nth(COLUMNS.indexOf(column) + 1);
const saveStatus = (page: Page) => page.getByTestId("save-status");

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: path.join(testInfo.project.outputDir, "screenshots", `${name}.png`) });
}

async function axe(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

async function tasksTable() {
  const { user, base, token } = await makeOwnerSetup();
  const table = await makeSyncedTable({ baseId: base.id, token, csv: CSV_1, config: CONFIG });
  return { user, base, token, ...table };
}

async function sync(url: string, token: string, csv: string) {
  const res = await api(new URL(url).pathname, { method: "POST", token, body: csv, headers: { "content-type": "text/csv" } });
  expect(res.status, res.text).toBe(200);
}

// Add an own field through the header's "+" with the keyboard.
async function addField(page: Page, name: string, type: string, choices: string[] = []) {
  await page.getByRole("button", { name: "Add field" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Add field" });
  await expect(dialog.getByRole("textbox", { name: "Name" })).toBeFocused();
  await page.keyboard.type(name);
  await dialog.getByRole("combobox", { name: "Type" }).selectOption({ label: type });
  for (const [i, choice] of choices.entries()) {
    await dialog.getByRole("button", { name: "Add choice" }).press("Enter");
    await dialog.getByRole("textbox", { name: `Choice ${i + 1} name` }).fill(choice);
  }
  await recordFocusMoves(page);
  await dialog.getByRole("button", { name: "Add field" }).press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("columnheader", { name: new RegExp(name) })).toBeVisible();
  // The focus comes back to the grid, once and last: closing the dialog first puts it back on the
  // "+" that opened it, so a move to the grid before that would be undone (and heard twice).
  // (The dialog's "Add field" button, then the header's "+" of that name, then the active cell.)
  await expect(grid(page).locator('[tabindex="0"]')).toBeFocused();
  expect(await focusMoves(page)).toEqual(["Add field", "Add field", "cell"]);
}

// Where the focus went since the call: "cell" for a cell of the grid, else the element's label or text.
async function recordFocusMoves(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { focusMoves: string[]; focusListener?: boolean };
    w.focusMoves = [];
    if (w.focusListener) return;
    w.focusListener = true;
    document.addEventListener("focusin", (e) => {
      const el = e.target as HTMLElement;
      w.focusMoves.push(el.closest('[role="grid"] [data-pos]') ? "cell" : (el.getAttribute("aria-label") ?? el.textContent ?? el.tagName));
    });
  });
}

const focusMoves = (page: Page) => page.evaluate(() => (window as unknown as { focusMoves: string[] }).focusMoves);

test("own fields edited by keyboard survive re-syncs; the record view opens and closes by keyboard", async ({ page, context }, testInfo) => {
  const { user, base, token, tableId, url } = await tasksTable();
  await addSessionCookie(context, user.id);
  await openTable(page, `/bases/${base.id}/tables/${tableId}`);
  await expect(cell(page, "A-1", "name")).toHaveText("Alpha");

  await addField(page, "Status", "Single select", ["Todo", "Done"]);
  await addField(page, "Team notes", "Long text");
  await addField(page, "Checked", "Checkbox");
  // Synced headers carry the lock, own ones do not.
  await expect(page.getByRole("columnheader", { name: /name/ }).getByRole("img", { name: "Synced" })).toHaveCount(1);
  await expect(page.getByRole("columnheader", { name: /Status/ }).getByRole("img", { name: "Synced" })).toHaveCount(0);

  // One tab stop: focus enters on the active cell; arrows move.
  await cell(page, "A-1", "key").focus();
  await expect(cell(page, "A-1", "key")).toHaveAttribute("tabindex", "0");
  await expect(grid(page).locator('[tabindex="0"]')).toHaveCount(1);
  // A synced cell explains its lock when focused.
  await expect(cell(page, "A-1", "key")).toHaveAccessibleDescription("Synced from the CSV — change it in the source system.");
  await expect(cell(page, "A-1", "key").locator("[data-tip]")).toHaveAttribute("data-tip", "Synced from the CSV — change it in the source system.");
  await expect(cell(page, "A-1", "key").locator("[data-tip]")).toBeVisible();
  await expect(cell(page, "A-1", "key")).toHaveText("A-1");
  await shot(page, testInfo, "own-fields-synced-tooltip");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, "A-1", "Status")).toBeFocused();

  // Typing opens the picker filtered by what was typed; Enter chooses.
  await page.keyboard.type("don");
  const picker = page.getByRole("listbox", { name: "Status" });
  await expect(picker.getByRole("option")).toHaveText(["Done"]);
  await shot(page, testInfo, "own-fields-picker");
  await page.keyboard.press("Enter");
  await expect(cell(page, "A-1", "Status")).toHaveText("Done");
  await expect(saveStatus(page)).toHaveText("Saved Status.");
  await expect(cell(page, "A-1", "Status")).toBeFocused();

  // Tab moves right; typing starts an edit with that character; Shift+Enter is a new line, Enter commits and moves down.
  await page.keyboard.press("Tab");
  await expect(cell(page, "A-1", "Team notes")).toBeFocused();
  await page.keyboard.type("Call back");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("tomorrow");
  await page.keyboard.press("Enter");
  await expect(saveStatus(page)).toHaveText("Saved Team notes.");
  await expect(cell(page, "A-1", "Team notes")).toContainText("Call back");
  await expect(cell(page, "A-2", "Team notes")).toBeFocused();

  // Space ticks a checkbox.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  await expect(cell(page, "A-2", "Checked")).toHaveText("Checked");
  await expect(saveStatus(page)).toHaveText("Saved Checked.");

  // Enter opens the picker; arrows and Enter choose.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await expect(picker.getByRole("option")).toHaveText(["Todo", "Done"]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(cell(page, "A-2", "Status")).toHaveText("Todo");
  await expect(saveStatus(page)).toHaveText("Saved Status.");

  // Escape cancels an edit: the old value stays.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, "A-3", "Team notes")).toBeFocused();
  await page.keyboard.type("oops");
  await page.keyboard.press("Escape");
  await expect(cell(page, "A-3", "Team notes")).toHaveText("");
  await expect(cell(page, "A-3", "Team notes")).toBeFocused();
  await shot(page, testInfo, "own-fields-grid");

  // Re-sync: A-1 changed, A-2 removed, A-4 new → own values kept.
  await sync(url, token, CSV_2);
  await openTable(page);
  await expect(cell(page, "A-1", "name")).toHaveText("Alpha two");
  await expect(cell(page, "A-1", "Status")).toHaveText("Done");
  await expect(cell(page, "A-1", "Team notes")).toContainText("Call back");
  await expect(rowOf(page, "A-2")).toHaveCount(0);
  await expect(cell(page, "A-4", "Status")).toHaveText("");
  // A-2 returns within the retention window: its own values come back with it.
  await sync(url, token, CSV_3);
  await openTable(page);
  await expect(cell(page, "A-2", "Status")).toHaveText("Todo");
  await expect(cell(page, "A-2", "Checked")).toHaveText("Checked");

  // The record view: Enter on the key opens it, focus is inside, Escape closes and focus returns.
  await cell(page, "A-1", "key").focus();
  await page.keyboard.press("Enter");
  const view = page.getByRole("dialog", { name: "A-1" });
  await expect(view).toBeVisible();
  await expect(view.getByRole("img", { name: "Synced" })).toHaveCount(2);
  await expect(view).toContainText("Single select");
  const notes = view.getByRole("textbox", { name: "Team notes" });
  await expect(notes).toHaveValue("Call back\ntomorrow");
  await notes.focus();
  await page.keyboard.press("End");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" at noon");
  await page.keyboard.press("Control+Enter");
  await expect(saveStatus(page)).toHaveText("Saved Team notes.");
  // Escape in the unchanged field closes the dialog.
  await page.keyboard.press("Escape");
  await expect(view).toBeHidden();
  await expect(cell(page, "A-1", "key")).toBeFocused();
  await expect(cell(page, "A-1", "Team notes")).toContainText("Call back");

  // Another person writes the same cell later: after our next save, the server's value shows.
  const recordId = (await cell(page, "A-1", "key").getAttribute("data-cell"))!.split(":")[0];
  const other = await api(`/v0/${base.id}/${tableId}/${recordId}`, { method: "PATCH", token, json: { fields: { Status: "Todo" } } });
  expect(other.status, other.text).toBe(200);
  await cell(page, "A-1", "Checked").focus();
  await page.keyboard.press("Space");
  await expect(saveStatus(page)).toHaveText("Saved Checked.");
  await expect(cell(page, "A-1", "Status")).toHaveText("Todo");

  // Leaving an edit by clicking elsewhere saves it and leaves the focus where it was put.
  await cell(page, "A-3", "Team notes").focus();
  await page.keyboard.type("Typed");
  await page.getByRole("searchbox", { name: "Search records" }).click();
  await expect(saveStatus(page)).toHaveText("Saved Team notes.");
  await expect(cell(page, "A-3", "Team notes")).toHaveText("Typed");
  await expect(page.getByRole("searchbox", { name: "Search records" })).toBeFocused();
});

testExpecting422("a refused save says why and puts the old value back", async ({ page, context }, testInfo) => {
  const { user, base, token, tableId } = await tasksTable();
  const created = await api(`/v0/meta/bases/${base.id}/tables/${tableId}/fields`, { method: "POST", token, json: { name: "Team notes", type: "multilineText" } });
  expect(created.status, created.text).toBe(200);
  await addSessionCookie(context, user.id);
  await openTable(page, `/bases/${base.id}/tables/${tableId}`);
  const target = rowOf(page, "A-1").getByRole("gridcell").nth(3);
  await target.focus();
  await page.keyboard.type("First");
  await page.keyboard.press("Enter");
  await expect(saveStatus(page)).toHaveText("Saved Team notes.");

  // The field goes away under the open page (someone else deleted it): the next write is refused.
  const fieldId = (created.json as { id: string }).id;
  const gone = await api(`/v0/meta/bases/${base.id}/tables/${tableId}/fields/${fieldId}`, { method: "DELETE", token });
  expect(gone.status, gone.text).toBe(200);
  await target.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Second");
  await page.keyboard.press("Enter");
  await expect(saveStatus(page)).toContainText("Could not save Team notes: The field was deleted; reload the page.");
  await expect(saveStatus(page)).toContainText("The previous value is back.");
  await expect(target).toHaveText(/^First/);
  await expect(target.getByTestId("cell-failed")).toBeVisible();
  await expect(target.getByRole("img", { name: /^Not saved: / })).toHaveCount(1);
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, testInfo, "own-fields-refused-dark");
});

test("below editor, own cells are read-only and Enter opens the record; no field changes", async ({ page, context }) => {
  const { base, token, tableId } = await tasksTable();
  const added = await api(`/v0/meta/bases/${base.id}/tables/${tableId}/fields`, { method: "POST", token, json: { name: "Team notes", type: "multilineText" } });
  expect(added.status, added.text).toBe(200);
  const reader = await makeUser("reader");
  await grantBaseRole({ baseId: base.id, userId: reader.id, role: "read" });
  await addSessionCookie(context, reader.id);
  await openTable(page, `/bases/${base.id}/tables/${tableId}`);
  await expect(page.getByRole("button", { name: "Add field" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Field options/ })).toHaveCount(0);
  const notes = rowOf(page, "A-1").getByRole("gridcell").nth(3);
  await expect(notes).toHaveAttribute("aria-readonly", "true");
  await notes.focus();
  await page.keyboard.type("x");
  await expect(grid(page).getByRole("textbox")).toHaveCount(0);
  await page.keyboard.press("Enter");
  const view = page.getByRole("dialog", { name: "A-1" });
  await expect(view).toContainText("read only for your role");
  await expect(view.getByRole("textbox")).toHaveCount(0);
});

test("own fields by header menu: rename, move, delete with a confirmation; axe with dialogs open, light and dark", async ({ page, context }, testInfo) => {
  const { user, base, token, tableId } = await tasksTable();
  for (const body of [
    { name: "Status", type: "singleSelect", options: { choices: [{ name: "Todo", color: "blueLight2" }, { name: "Done", color: "greenLight2" }] } },
    { name: "Tags", type: "multipleSelects", options: { choices: [{ name: "red", color: "redLight2" }, { name: "blue", color: "cyanLight2" }] } },
  ]) {
    const res = await api(`/v0/meta/bases/${base.id}/tables/${tableId}/fields`, { method: "POST", token, json: body });
    expect(res.status, res.text).toBe(200);
  }
  await addSessionCookie(context, user.id);
  await openTable(page, `/bases/${base.id}/tables/${tableId}`);

  // A multiple select: Enter toggles in the picker, which stays open; Escape closes it.
  const tags = rowOf(page, "A-1").getByRole("gridcell").nth(4);
  await tags.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(saveStatus(page)).toHaveText("Saved Tags.");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(saveStatus(page)).toHaveText("Saved Tags.");
  await page.keyboard.press("Escape");
  await expect(tags).toBeFocused();
  await expect(tags).toHaveText("redblue");

  // Header menu by keyboard: move Tags left, rename it.
  const menuButton = page.getByRole("button", { name: "Field options for Tags" });
  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Rename field" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Move left" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("field-name")).toHaveText(["key", "name", "Tags", "Status"]);
  await page.getByRole("button", { name: "Field options for Tags" }).press("Enter");
  await page.keyboard.press("Enter");
  const rename = page.getByRole("dialog", { name: "Rename Tags" });
  await rename.getByRole("textbox", { name: "New name" }).fill("Labels");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("field-name")).toHaveText(["key", "name", "Labels", "Status"]);

  // axe: the grid with the record view open, and with the add-field dialog open, light and dark.
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await rowOf(page, "A-1").getByRole("gridcell").first().focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "A-1" })).toBeVisible();
    await axe(page, `record view (${scheme})`);
    await shot(page, testInfo, `own-fields-record-view-${scheme}`);
    await page.keyboard.press("Escape");
    await expect(grid(page).locator('[tabindex="0"]')).toBeFocused();
    await page.getByRole("button", { name: "Add field" }).click();
    const dialog = page.getByRole("dialog", { name: "Add field" });
    await dialog.getByRole("combobox", { name: "Type" }).selectOption({ label: "Single select" });
    await dialog.getByRole("button", { name: "Add choice" }).click();
    await dialog.getByRole("button", { name: "Add choice" }).click();
    await axe(page, `add-field dialog (${scheme})`);
    await shot(page, testInfo, `own-fields-add-field-${scheme}`);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(grid(page).locator('[tabindex="0"]')).toBeFocused();
  }

  // Delete: the confirmation names the field and says its values are lost.
  await page.getByRole("button", { name: "Field options for Status" }).click();
  await page.getByRole("menuitem", { name: "Delete field" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete the field Status?" });
  await expect(confirm).toContainText("The field “Status” and its values in every record (3 records) of this table are lost.");
  await confirm.getByRole("button", { name: "Delete field" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("field-name")).toHaveText(["key", "name", "Labels"]);
  const schema = await api(`/v0/meta/bases/${base.id}/tables`, { token });
  const fields = (schema.json as { tables: { id: string; fields: { name: string }[] }[] }).tables.find((t) => t.id === tableId)!.fields;
  expect(fields.map((f) => f.name)).toEqual(["key", "name", "Labels"]);
});

test("a cell focused while the page still loads is the one the keys act on once the grid is ready", async ({ page, context }) => {
  const { user, base, token, tableId } = await tasksTable();
  const added = await api(`/v0/meta/bases/${base.id}/tables/${tableId}/fields`, { method: "POST", token, json: { name: "Team notes", type: "multilineText" } });
  expect(added.status, added.text).toBe(200);
  await addSessionCookie(context, user.id);
  const release = await holdScripts(page);
  await page.goto(`/bases/${base.id}/tables/${tableId}`, { waitUntil: "commit" });
  await expect(grid(page)).toHaveAttribute("aria-busy", "true");
  const notes = rowOf(page, "A-2").getByRole("gridcell").nth(3);
  await notes.focus();
  release();
  await expect(grid(page)).toHaveAttribute("aria-busy", "false");
  await expect(notes).toBeFocused();
  // Enter edits the focused own cell of A-2; before, it opened the record of the cell active at first.
  await page.keyboard.press("Enter");
  await expect(grid(page).getByRole("textbox")).toBeFocused();
  await page.keyboard.type("Loaded");
  await page.keyboard.press("Enter");
  await expect(saveStatus(page)).toHaveText("Saved Team notes.");
  await expect(notes).toHaveText("Loaded");
  await expect(page.getByRole("dialog", { name: "A-1" })).toHaveCount(0);
});
