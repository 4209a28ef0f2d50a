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
  it("tells an unknown email from a wrong password, and accepts the right one", async () => {
    const { checkSignIn } = await signIn();
    const user = await makeUser();
    const ip = randomIp();
    expect(await checkSignIn({ email: `nobody-${user.email}`, password: "x", ip })).toMatchObject({ ok: false, reason: "unknown-email" });
    expect(await checkSignIn({ email: user.email, password: "wrong password", ip })).toMatchObject({ ok: false, reason: "wrong-password" });
    expect(await checkSignIn({ email: user.email, password: user.password, ip })).toEqual({ ok: true, userId: user.id });
  });

  it("throttles an account after too many failures, even with the right password", async () => {
    const { checkSignIn, SIGN_IN_LIMIT_PER_ACCOUNT } = await signIn();
    const user = await makeUser();
    for (let i = 0; i < SIGN_IN_LIMIT_PER_ACCOUNT; i++) {
      expect((await checkSignIn({ email: user.email, password: `wrong ${i}`, ip: randomIp() })).ok).toBe(false);
    }
    const blocked = await checkSignIn({ email: user.email, password: user.password, ip: randomIp() });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled", message: expect.stringMatching(/Too many sign-in attempts/) });
  });

  it("throttles an IP address after too many failures across accounts", async () => {
    const { checkSignIn, SIGN_IN_LIMIT_PER_IP } = await signIn();
    const user = await makeUser();
    const ip = randomIp();
    for (let i = 0; i < SIGN_IN_LIMIT_PER_IP; i++) {
      await checkSignIn({ email: `nobody-${i}-${user.email}`, password: "x", ip });
    }
    expect(await checkSignIn({ email: user.email, password: user.password, ip })).toMatchObject({ reason: "throttled" });
    expect(await checkSignIn({ email: user.email, password: user.password, ip: randomIp() })).toMatchObject({ ok: true });
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
