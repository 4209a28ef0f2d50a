// The CSV file source: the browser itself POSTs a local file to the new sync endpoint and the
// wizard continues from "received" through the same steps.
import { addSessionCookie, api, makeOwnerSetup } from "../support/fixtures";
import { expect, test } from "./fixtures";
import { fieldNamesInOrder, shot, testExpecting422 } from "./wizard-support";

test("sync a CSV file picked in the browser", async ({ page, context }, testInfo) => {
  const { user, base, token } = await makeOwnerSetup();
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}/sync/new?source=csv`);
  await page.getByLabel("File to upload").setInputFiles({
    name: "contacts.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Email,Name,Joined\nada@example.com,Ada,2024-01-05\nbob@example.com,Bob,2024-02-11\n"),
  });
  await expect(page.getByLabel("Table name")).toHaveValue("contacts");
  await shot(page, testInfo, "01-csv-file");
  await page.getByRole("button", { name: "Upload", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Fields", exact: true })).toBeVisible();
  await expect.poll(() => fieldNamesInOrder(page)).toEqual(["Email", "Name", "Joined"]);
  await expect(page.getByLabel("Type for Email")).toHaveValue("email");
  await expect(page.getByLabel("Type for Joined")).toHaveValue("date");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Primary key field").selectOption("Email");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Create table" }).click();
  await page.waitForURL(/\/tables\/tbl\w{14}$/);
  const tableId = new URL(page.url()).pathname.split("/")[4];
  const records = await api(`/v0/${base.id}/${tableId}?sort[0][field]=Email`, { token });
  expect(records.json.records.map((r: { fields: unknown }) => r.fields)).toEqual([
    { Email: "ada@example.com", Name: "Ada", Joined: "2024-01-05" },
    { Email: "bob@example.com", Name: "Bob", Joined: "2024-02-11" },
  ]);
});

test("a file over 2 MB is refused next to the file input, before it is sent", async ({ page, context }) => {
  const { user, base } = await makeOwnerSetup();
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}/sync/new?source=csv`);
  await page.getByLabel("File to upload").setInputFiles({ name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(2 * 1024 * 1024 + 1, "a") });
  await expect(page.locator("#sync-file-error")).toContainText("larger than 2 MB");
});

testExpecting422("a CSV the sync endpoint refuses is explained next to the file input", async ({ page, context, failOnConsoleErrors }) => {
  void failOnConsoleErrors;
  const { user, base } = await makeOwnerSetup();
  await addSessionCookie(context, user.id);
  await page.goto(`/bases/${base.id}/sync/new?source=csv`);
  const file = page.getByLabel("File to upload");
  await file.setInputFiles({ name: "dupes.csv", mimeType: "text/csv", buffer: Buffer.from("Name,name\na,b\n") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.locator("#sync-file-error")).toContainText(/name/i);
  await expect(file).toHaveAttribute("aria-invalid", "true");
  // A corrected file goes to the same sync endpoint, and the wizard continues.
  await file.setInputFiles({ name: "fixed.csv", mimeType: "text/csv", buffer: Buffer.from("Name,Other\na,b\n") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect.poll(() => fieldNamesInOrder(page)).toEqual(["Name", "Other"]);
});
