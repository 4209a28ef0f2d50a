import { test, expect } from "./fixtures";

test("the home page renders", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Tablesync", level: 1 })).toBeVisible();
});
