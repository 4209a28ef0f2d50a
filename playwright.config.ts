import { defineConfig, devices } from "@playwright/test";

// The app is started by `npm test` (scripts/test.ts), which passes its address in APP_URL.

// Specs make users, bases, tokens and sessions through lib/ (e2e/support/fixtures.ts). lib's
// `server-only` import loads only under the react-server condition; the workers inherit it.
if (!process.env.NODE_OPTIONS?.includes("--conditions=react-server")) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim();
}
export default defineConfig({
  testDir: "e2e/browser",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // CI shares two cores between Chromium's two workers, the app and Postgres (and, at times, a
  // 150,000-row sync): waits that take 1–2 s here have taken over 5 s there. Slack for slow
  // machines, never retries: a wrong page still fails, only later.
  timeout: process.env.CI ? 120_000 : 60_000,
  expect: { timeout: process.env.CI ? 15_000 : 5_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: process.env.APP_URL ?? "http://127.0.0.1:3000",
    trace: "retain-on-failure",
    // Spinners stop for visitors who ask for less motion (motion-safe:). Headless Chromium without
    // a GPU repaints a visible spinner on the page's main thread at every frame, which made axe on
    // the Set up step 3–4× slower; pages-look.spec.ts checks both settings.
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
  ],
});
