// Sign-in checks and throttling, base sharing and token grants, against the real database.
import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeBase, makeOwnerSetup, makeToken, makeUser, grantBaseRole } from "../support/fixtures";

const signIn = () => import("@/lib/auth/sign-in");
const randomIp = () => `198.51.${randomInt(256)}.${randomInt(256)}`;

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e as { type?: string; message?: string });
  return err && { type: err.type, message: err.message };
}

describe("sign-in", () => {
  it("answers an unknown email and a wrong password alike, and accepts the right one", async () => {
    const { checkSignIn, INVALID_CREDENTIALS } = await signIn();
    const user = await makeUser();
    const ip = randomIp();
    const unknown = await checkSignIn({ email: `nobody-${user.email}`, password: "x", ip });
    const wrong = await checkSignIn({ email: user.email, password: "wrong password", ip });
    expect(unknown).toEqual({ ok: false, reason: "invalid-credentials", message: INVALID_CREDENTIALS });
    expect(wrong).toEqual(unknown);
    expect(await checkSignIn({ email: user.email, password: user.password, ip })).toEqual({ ok: true, userId: user.id });
  });

  it("checks and counts in one step: 40 parallel wrong passwords get 10 answers, the rest are throttled", async () => {
    const { checkSignIn, SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS } = await signIn();
    const user = await makeUser();
    const ip = randomIp();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => checkSignIn({ email: user.email, password: `wrong ${i}`, ip, wait: async () => {} })));
    expect(results.filter((r) => !r.ok && r.reason === "invalid-credentials")).toHaveLength(SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(40 - SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS);
    expect(await countEvents(`signin:pair:${ip}|${user.email}`, 15 * 60_000)).toBe(SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS);
  });

  it("refuses an address after 10 failures for an account; the owner elsewhere still gets in", async () => {
    const { checkSignIn, SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS } = await signIn();
    const user = await makeUser();
    const attacker = randomIp();
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS; i++) {
      expect((await checkSignIn({ email: user.email, password: `wrong ${i}`, ip: attacker, wait: async () => {} })).ok).toBe(false);
    }
    const blocked = await checkSignIn({ email: user.email, password: user.password, ip: attacker });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled", message: expect.stringMatching(/Too many sign-in attempts/) });
    expect(await checkSignIn({ email: user.email, password: user.password, ip: randomIp(), wait: async () => {} })).toEqual({ ok: true, userId: user.id });
  });

  it("slows an account down after failures from rotating addresses, without locking its owner out", async () => {
    const { checkSignIn, SIGN_IN_SLOWDOWN_AFTER } = await signIn();
    const user = await makeUser();
    const waits: number[] = [];
    const wait = async (ms: number) => void waits.push(ms);
    for (let i = 0; i < SIGN_IN_SLOWDOWN_AFTER; i++) {
      expect(await checkSignIn({ email: user.email, password: `wrong ${i}`, ip: randomIp(), wait })).toMatchObject({ reason: "invalid-credentials" });
    }
    expect(waits).toEqual([]);
    expect(await checkSignIn({ email: user.email, password: "wrong again", ip: randomIp(), wait })).toMatchObject({ reason: "invalid-credentials" });
    expect(await checkSignIn({ email: user.email, password: user.password, ip: randomIp(), wait })).toEqual({ ok: true, userId: user.id });
    expect(waits).toEqual([500, 1000]);
  });

  it("throttles an address after too many failures across accounts", async () => {
    const { checkSignIn, SIGN_IN_LIMIT_PER_ADDRESS } = await signIn();
    const user = await makeUser();
    const ip = randomIp();
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ADDRESS; i++) {
      await checkSignIn({ email: `nobody-${i}-${user.email}`, password: "x", ip });
    }
    expect(await checkSignIn({ email: user.email, password: user.password, ip })).toMatchObject({ reason: "throttled" });
    expect(await checkSignIn({ email: user.email, password: user.password, ip: randomIp() })).toMatchObject({ ok: true });
  });
});

describe("sessions", () => {
  it("end after SESSION_IDLE_MINUTES (24 h) without use, and each use pushes that back", async () => {
    const { createSession, findSession } = await import("@/lib/auth/sessions");
    const { getPool } = await import("@/lib/db");
    const user = await makeUser();
    const idle = await createSession(user.id);
    const used = await createSession(user.id);
    const hour = 3_600_000;
    await getPool().query(`UPDATE sessions SET last_seen_at = now() - interval '23 hours' WHERE user_id = $1`, [user.id]);
    expect(await findSession(used.value, new Date(Date.now() + 0.5 * hour))).not.toBeNull(); // used: seen again now+0.5 h
    const later = new Date(Date.now() + 1.5 * hour); // 24.5 h after the last use of `idle`, 1 h after `used`
    expect(await findSession(idle.value, later)).toBeNull();
    expect(await findSession(used.value, later)).not.toBeNull();
    expect(await findSession(idle.value)).toBeNull(); // ended for good
  });
});

describe("token expiry from the admin CLI", () => {
  it("sets --expires-days, refuses a bad value", async () => {
    const { execFileSync } = await import("node:child_process");
    const user = await makeUser();
    const admin = (...args: string[]) => execFileSync("npm", ["run", "--silent", "admin", "--", ...args], { env: process.env, stdio: "pipe" }).toString().trim();
    const token = admin("token:create", "--email", user.email, "--name", "ci", "--scopes", "data.records:read", "--expires-days", "7");
    const { db } = await import("@/lib/db");
    const row = await db.accessToken.findUniqueOrThrow({ where: { id: token.slice(0, 17) } });
    expect(Math.abs(row.expiresAt!.getTime() - (Date.now() + 7 * 86_400_000))).toBeLessThan(120_000);
    expect(() => admin("token:create", "--email", user.email, "--name", "ci", "--scopes", "data.records:read", "--expires-days", "0")).toThrow(/expires-days/);
  });
});

describe("passwords", () => {
  it("refuses a common password and the email itself, from the form and the admin CLI alike", async () => {
    const { createUser } = await import("@/lib/accounts/users");
    const email = `pw-${randomInt(1e9)}@example.test`;
    for (const password of ["password1", "12345678", "aaaaaaaa", email]) {
      expect(await refusal(createUser({ email, password }))).toMatchObject({ type: "INVALID_REQUEST_UNKNOWN", message: expect.stringMatching(/^password: /) });
    }
  });
});

describe("base sharing", () => {
  it("lets the owner add a member by email with a role, and nobody else", async () => {
    const { shareBase } = await import("@/lib/accounts/bases");
    const { user: owner, base } = await makeOwnerSetup();
    const [editor, other] = [await makeUser("editor"), await makeUser("other")];
    await shareBase({ baseId: base.id, actingUserId: owner.id, email: editor.email.toUpperCase(), role: "editor" });
    const { getBaseRole } = await import("@/lib/auth/permissions");
    expect(await getBaseRole(base.id, editor.id)).toBe("editor");
    expect(await refusal(shareBase({ baseId: base.id, actingUserId: editor.id, email: other.email, role: "read" }))).toMatchObject({
      type: "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND",
    });
    expect(await refusal(shareBase({ baseId: base.id, actingUserId: owner.id, email: "nobody@example.test", role: "read" }))).toMatchObject({
      type: "INVALID_REQUEST_UNKNOWN",
      message: expect.stringMatching(/no account/),
    });
  });

  it("keeps at least one owner", async () => {
    const { shareBase, removeBaseMember } = await import("@/lib/accounts/bases");
    const { user: owner, base } = await makeOwnerSetup();
    expect(await refusal(shareBase({ baseId: base.id, actingUserId: owner.id, email: owner.email, role: "editor" }))).toMatchObject({
      message: expect.stringMatching(/at least one owner/),
    });
    expect(await refusal(removeBaseMember({ baseId: base.id, actingUserId: owner.id, userId: owner.id }))).toMatchObject({
      message: expect.stringMatching(/at least one owner/),
    });
    const second = await makeUser("second");
    await grantBaseRole({ baseId: base.id, userId: second.id, role: "owner" });
    await removeBaseMember({ baseId: base.id, actingUserId: owner.id, userId: owner.id });
  });
});

describe("token grants", () => {
  it("refuses a base the user has no access to, and an empty base list", async () => {
    const user = await makeUser();
    const { base: foreign } = await makeOwnerSetup();
    expect(await refusal(makeToken(user.id, { scopes: ["schema.bases:read"], baseIds: [foreign.id] }))).toMatchObject({
      type: "INVALID_REQUEST_UNKNOWN",
    });
    expect(await refusal(makeToken(user.id, { scopes: ["schema.bases:read"], baseIds: [] }))).toMatchObject({ type: "INVALID_REQUEST_UNKNOWN" });
    const own = await makeBase(user.id);
    const { record } = await makeToken(user.id, { scopes: ["schema.bases:read"], baseIds: [own.id, own.id] });
    expect(record.baseIds).toEqual([own.id]);
    expect(record).not.toHaveProperty("secretHash");
  });
});

async function countEvents(bucket: string, windowMs: number): Promise<number> {
  const { getPool } = await import("@/lib/db");
  const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM rate_limit_events WHERE bucket = $1 AND at > now() - $2 * interval '1 millisecond'`, [bucket, windowMs]);
  return rows[0].n;
}
