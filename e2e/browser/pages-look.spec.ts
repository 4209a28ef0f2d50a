// Every page, in light and dark mode at 1280×800 and 390×844: an axe-core check with no serious or
// critical violation, a <main> landmark, a title, no sideways scroll, and a screenshot in
// test-results/screenshots/ (page-scheme-width.png) for a person to look at.
import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { addSessionCookie, api, makeBase, makeToken, makeUser } from "../support/fixtures";
import { expect, test } from "./fixtures";
import { makeSyncedTable, PRODUCTS_CSV, sendCsv } from "./wizard-support";
import path from "node:path";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];
const SCHEMES = ["light", "dark"] as const;

type Place = { baseId: string; tableId: string; syncId: string; waitingSyncId: string; receivedSyncId: string };
type PageCase = { name: string; signedIn: boolean; path: (p: Place) => string; ready: (page: Page) => Promise<void>; title: RegExp };

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { name }).first()).toBeVisible();
};

const PAGES: PageCase[] = [
  { name: "landing", signedIn: false, path: () => "/", ready: heading("Tablesync"), title: /^Tablesync$/ },
  { name: "sign-in", signedIn: false, path: () => "/sign-in", ready: heading("Sign in"), title: /^Sign in · Tablesync$/ },
  { name: "sign-up", signedIn: false, path: () => "/sign-up", ready: heading(/Create your account|Sign-ups are turned off/), title: /^Create an account · Tablesync$/ },
  { name: "bases", signedIn: true, path: () => "/", ready: heading("Bases"), title: /^Tablesync$/ },
  {
    name: "syncs",
    signedIn: true,
    path: () => "/syncs",
    ready: async (page) => {
      await heading("Syncs")(page);
      await expect(page.getByText("1 problem", { exact: true })).toBeVisible(); // the Products sync's last run
      // The list fits the screen, a phone's too: nothing in it is hidden behind a sideways scroll.
      const list = page.getByRole("table", { name: "Syncs" }).locator("..");
      expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    },
    title: /^Syncs · Tablesync$/,
  },
  { name: "tokens", signedIn: true, path: () => "/tokens", ready: heading("Personal access tokens"), title: /^Personal access tokens · Tablesync$/ },
  { name: "token-new", signedIn: true, path: () => "/tokens/new", ready: heading("Create a personal access token"), title: /^Create a token · Tablesync$/ },
  { name: "base", signedIn: true, path: (p) => `/bases/${p.baseId}`, ready: heading("Tables"), title: /^Look base · Tablesync$/ },
  {
    name: "wizard-intro",
    signedIn: true,
    path: (p) => `/bases/${p.baseId}/sync/new`,
    ready: heading("Sync API"),
    title: /^Sync API · Look base · Tablesync$/,
  },
  {
    name: "wizard-setup",
    signedIn: true,
    path: (p) => `/bases/${p.baseId}/sync/${p.waitingSyncId}`,
    ready: async (page) => expect(page.getByText("Waiting to receive API request…")).toBeVisible(),
    title: /^Sync API · Look base · Tablesync$/,
  },
  {
    name: "wizard-received",
    signedIn: true,
    path: (p) => `/bases/${p.baseId}/sync/${p.receivedSyncId}`,
    ready: async (page) => expect(page.getByText("✓ API request received")).toBeVisible(),
    title: /^Sync API · Look base · Tablesync$/,
  },
  {
    name: "table",
    signedIn: true,
    path: (p) => `/bases/${p.baseId}/tables/${p.tableId}`,
    ready: async (page) => expect(page.getByRole("row").nth(1)).toBeVisible(),
    title: /^Products · Look base · Tablesync$/,
  },
  {
    name: "configure",
    signedIn: true,
    path: (p) => `/bases/${p.baseId}/sync/${p.syncId}/configure`,
    ready: heading("Fields"),
    title: /^Update sync configuration · Look base · Tablesync$/,
  },
];

let place: Place;
let userId: string;

test.beforeAll(async ({ request }) => {
  const user = await makeUser("look");
  userId = user.id;
  const base = await makeBase(user.id, "Look base");
  const { token } = await makeToken(user.id, { baseIds: [base.id] });
  const table = await makeSyncedTable({
    baseId: base.id,
    token,
    csv: PRODUCTS_CSV,
    config: {
      tableName: "Products",
      fieldSelection: "all",
      fields: [
        { column: "SKU", name: "SKU", type: "singleLineText" },
        { column: "Name", name: "Name", type: "singleLineText" },
        { column: "Price", name: "Price", type: "currency", options: { symbol: "$", precision: 2 } },
        { column: "Stock", name: "Stock", type: "number", options: { precision: 0 } },
        { column: "Discount", name: "Discount", type: "percent", options: { precision: 0 } },
        { column: "Notes", name: "Notes", type: "multilineText" },
      ],
      primaryKey: "SKU",
      updateMethod: "auto",
      deletion: "delete",
    },
  });
  const waiting = await api(`/v0/meta/bases/${base.id}/syncs`, { method: "POST", token, json: { name: "Waiting" } });
  const received = await api(`/v0/meta/bases/${base.id}/syncs`, { method: "POST", token, json: { name: "Received" } });
  await sendCsv(request, received.json.url, token, PRODUCTS_CSV);
  place = { baseId: base.id, tableId: table.tableId, syncId: table.syncId, waitingSyncId: waiting.json.id, receivedSyncId: received.json.id };
});

async function checkPage(page: Page, testInfo: TestInfo, c: PageCase, scheme: (typeof SCHEMES)[number], size: (typeof SIZES)[number]) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setViewportSize(size);
  await page.goto(c.path(place));
  await c.ready(page);
  await expect(page).toHaveTitle(c.title);
  await expect(page.getByRole("main")).toHaveCount(1);
  // gray-50 in light mode, gray-950 in dark mode: the body's colour as the screen shows it.
  const lightness = await page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return (r + g + b) / 3 / 255;
  });
  expect(scheme === "dark" ? lightness < 0.2 : lightness > 0.9, `body background lightness ${lightness} in ${scheme} mode`).toBe(true);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, "no sideways scroll").toBeLessThanOrEqual(innerWidth);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
  expect(serious, `axe on ${c.name} (${scheme}, ${size.width}px)`).toEqual([]);
  await page.screenshot({
    path: path.join(testInfo.project.outputDir, "screenshots", `${c.name}-${scheme}-${size.width}.png`),
    fullPage: true,
  });
}

for (const c of PAGES) {
  test(`${c.name}: accessible, titled, light and dark at both widths`, async ({ page, context }, testInfo) => {
    // Four loads, each with a full axe run and a screenshot: 12–30 s on a quiet machine, over a
    // minute on a loaded CI machine (the Set up step's, when its spinner still turned: see
    // reducedMotion in playwright.config.ts).
    test.setTimeout(180_000);
    if (c.signedIn) await addSessionCookie(context, userId);
    for (const scheme of SCHEMES) for (const size of SIZES) await checkPage(page, testInfo, c, scheme, size);
  });
}

test("the waiting spinner turns, and stands still for visitors who ask for less motion", async ({ page, context }) => {
  await addSessionCookie(context, userId);
  const spinning = () => page.evaluate(() => document.getAnimations().filter((a) => (a as CSSAnimation).animationName === "spin").length);
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await page.goto(`/bases/${place.baseId}/sync/${place.waitingSyncId}`);
  await expect(page.getByText("Waiting to receive API request…")).toBeVisible();
  expect(await spinning()).toBe(1);
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await spinning()).toBe(0);
});
