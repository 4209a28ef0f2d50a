// Requests the browser would never send: Server Actions without Origin, spoofed client addresses,
// and the security headers every page carries.
import { describe, expect, it } from "vitest";
import { APP_URL, makeUser, uniqueName } from "../support/fixtures";
import { callServerAction } from "../support/server-action";

async function sessionCookie(userId: string) {
  const { createSession, SESSION_COOKIE } = await import("@/lib/auth/sessions");
  return `${SESSION_COOKIE}=${(await createSession(userId)).value}`;
}

async function baseNames(userId: string) {
  const { listBasesForUser } = await import("@/lib/accounts/bases");
  return (await listBasesForUser(userId)).map((b: { name: string }) => b.name);
}

describe("state-changing page requests need this site's Origin", () => {
  it("refuses a Server Action with the session cookie and no Origin; runs it from this origin", async () => {
    const user = await makeUser();
    const cookie = await sessionCookie(user.id);
    const refused = uniqueName("no-origin");
    const res = await callServerAction("createBaseAction", [{ name: refused }], { cookie });
    expect(res.status).toBe(403);
    const foreign = await callServerAction("createBaseAction", [{ name: refused }], { cookie, origin: "http://evil.test" });
    expect(foreign.status).toBeGreaterThanOrEqual(400);
    const forgedHost = await callServerAction("createBaseAction", [{ name: refused }], { cookie, origin: "http://evil.test", "x-forwarded-host": "evil.test" });
    expect(forgedHost.status).toBeGreaterThanOrEqual(400);
    expect(await baseNames(user.id)).not.toContain(refused);

    const allowed = uniqueName("same-origin");
    const ok = await callServerAction("createBaseAction", [{ name: allowed }], { cookie, origin: new URL(APP_URL).origin });
    expect(ok.status).toBeLessThan(400);
    expect(await baseNames(user.id)).toContain(allowed);
  });
});

describe("sign-in counts the TCP peer, not what the client claims", () => {
  it("ignores X-Forwarded-For and a forged peer header without TRUST_PROXY", async () => {
    const user = await makeUser();
    const res = await callServerAction("signInAction", [{ email: user.email, password: "wrong password" }], {
      origin: new URL(APP_URL).origin,
      "x-forwarded-for": "203.0.113.66",
      "x-tablesync-peer": "203.0.113.77",
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Wrong email or password.");
    const window = 15 * 60_000;
    expect(await countEvents(`signin:pair:127.0.0.1|${user.email}`, window)).toBe(1);
    expect(await countEvents(`signin:pair:203.0.113.66|${user.email}`, window)).toBe(0);
    expect(await countEvents(`signin:pair:203.0.113.77|${user.email}`, window)).toBe(0);
  });
});

describe("security headers", () => {
  it("sends a nonce-based CSP that Next's scripts carry, no framing, and the fixed headers", async () => {
    const res = await fetch(`${APP_URL}/sign-in`);
    const html = await res.text();
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${APP_URL}/sign-in`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);
    for (const r of [res, await fetch(`${APP_URL}/v0/meta/whoami`)]) {
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBe("same-origin");
      expect(r.headers.get("permissions-policy")).toContain("camera=()");
    }
  });
});

async function countEvents(bucket: string, windowMs: number): Promise<number> {
  const { getPool } = await import("@/lib/db");
  const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM rate_limit_events WHERE bucket = $1 AND at > now() - $2 * interval '1 millisecond'`, [bucket, windowMs]);
  return rows[0].n;
}
