import { test, expect } from "./fixtures";

test("the home page renders the landing page when signed out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Tablesync", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});
