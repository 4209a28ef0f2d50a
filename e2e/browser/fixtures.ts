// Browser test fixture: fails any test on a console error or an uncaught page error.
import { test as base, expect, type Page } from "@playwright/test";

export const test = base.extend<{ failOnConsoleErrors: void }>({
  failOnConsoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use();
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

// A table's grid answers the keyboard only once React has taken it over; until then it says it is
// busy. Open a table page (or reload the one open) and wait for that before pressing keys: keys
// pressed into the server-rendered grid are lost.
export async function openTable(page: Page, path?: string) {
  if (path) await page.goto(path);
  else await page.reload();
  await expect(page.getByRole("grid", { name: "Records" })).toHaveAttribute("aria-busy", "false");
}

// Hold the page's scripts back until the returned function is called: the page stays the server's
// HTML, as a person on a slow connection sees it before React takes over.
export async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
