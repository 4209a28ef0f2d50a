// Test data for API and browser tests: every call makes new, uniquely named users, bases and
// tokens (scripts/lib/seed.ts, shared with the benchmarks), so tests never share data; plus the
// HTTP client of the suite's shared server and the browser helpers.
// Playwright loads this file in a process without the react-server condition, where lib/'s
// `server-only` import throws: server modules load lazily, inside the helpers (Playwright's
// workers get the condition from playwright.config.ts, so the helpers work in specs too).
import type { BrowserContext, Page } from "@playwright/test";
import { TEST_PASSWORD, uniqueName } from "@/scripts/lib/seed";

export { grantBaseRole, makeBase, makeOwnerSetup, makeToken, makeUser, TEST_PASSWORD, uniqueName } from "@/scripts/lib/seed";
export { SCOPES, SYNC_SCOPES } from "@/lib/auth/scopes";

export const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3000";

// Response bodies are asserted field by field in tests, so a loose type is the honest one.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiJson = any;

// The read API allows 5 requests per second per base (429 + Retry-After past that). Like
// Airtable's own clients, `api` waits and retries a refused read, unless `rateLimitRetry` is false.
export async function api(path: string, init: RequestInit & { token?: string; json?: unknown; rateLimitRetry?: boolean } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  const isRead = (init.method ?? "GET") === "GET" || path.split("?")[0].endsWith("/listRecords");
  let res = await fetch(`${APP_URL}${path}`, { ...init, headers, body });
  for (let attempt = 0; res.status === 429 && isRead && init.rateLimitRetry !== false && attempt < 20; attempt++) {
    await res.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get("retry-after") ?? "1") * 1000));
    res = await fetch(`${APP_URL}${path}`, { ...init, headers, body });
  }
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as ApiJson };
}

// Browser helpers (Playwright). Labels and button names are the ones of the auth pages.
export async function signUpViaUi(page: Page, input: { email?: string; password?: string; name?: string } = {}) {
  const email = input.email ?? `${uniqueName("ui")}@example.test`;
  const password = input.password ?? TEST_PASSWORD;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(input.name ?? "Test user");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return { email, password };
}

export async function signInViaUi(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

// Creates a base from the home page and opens it; returns its id.
export async function createBaseViaUi(page: Page, name = uniqueName("base")) {
  await page.goto("/");
  await page.getByLabel("Base name").fill(name);
  await page.getByRole("button", { name: "Create base" }).click();
  await page.waitForURL(/\/bases\/app[A-Za-z0-9]{14}$/);
  return { id: new URL(page.url()).pathname.split("/")[2], name };
}

// Signs a browser context in as `userId` without the UI: a real session row and its cookie.
export async function addSessionCookie(context: BrowserContext, userId: string) {
  const { createSession, SESSION_COOKIE } = await import("@/lib/auth/sessions");
  const { value, expiresAt } = await createSession(userId);
  await context.addCookies([
    { name: SESSION_COOKIE, value, url: APP_URL, httpOnly: true, sameSite: "Lax", expires: Math.floor(expiresAt.getTime() / 1000) },
  ]);
}
