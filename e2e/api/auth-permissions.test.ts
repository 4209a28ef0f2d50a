// authorizeBase against the real database: the exact check every sync route makes.
import { describe, expect, it } from "vitest";
import { grantBaseRole, makeBase, makeOwnerSetup, makeToken, makeUser, SCOPES, SYNC_SCOPES } from "../support/fixtures";
import type { Role } from "@/lib/auth/scopes";

const guard = async () => {
  const [permissions, tokens] = await Promise.all([import("@/lib/auth/permissions"), import("@/lib/auth/tokens")]);
  return { ...permissions, authenticateBearer: tokens.authenticateBearer };
};

async function principalFor(userId: string, scopes: string[], baseIds: string[] | null) {
  const { authenticateBearer } = await guard();
  const { token } = await makeToken(userId, { scopes, baseIds });
  return authenticateBearer(`Bearer ${token}`);
}

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(() => null, (e: unknown) => e as { type?: string; status?: number });
  return err && { type: err.type, status: err.status };
}

const FORBIDDEN = { type: "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", status: 403 };

describe("authorizeBase(principal, baseId, SYNC_WRITE)", () => {
  it("allows a token with both sync scopes, granted the base, of a creator", async () => {
    const { base } = await makeOwnerSetup();
    const creator = await makeUser("creator");
    await grantBaseRole({ baseId: base.id, userId: creator.id, role: "creator" });
    const { authorizeBase, SYNC_WRITE } = await guard();
    const principal = await principalFor(creator.id, SYNC_SCOPES, [base.id]);
    await expect(authorizeBase(principal, base.id, SYNC_WRITE)).resolves.toBe("creator");
  });

  it.each(SYNC_SCOPES)("refuses a token missing %s", async (missing) => {
    const { user, base } = await makeOwnerSetup();
    const { authorizeBase, SYNC_WRITE } = await guard();
    const principal = await principalFor(user.id, SCOPES.filter((s) => s !== missing), [base.id]);
    expect(await refusal(authorizeBase(principal, base.id, SYNC_WRITE))).toEqual(FORBIDDEN);
  });

  it("refuses a token not granted the base", async () => {
    const user = await makeUser();
    const [granted, other] = [await makeBase(user.id), await makeBase(user.id)];
    const { authorizeBase, SYNC_WRITE } = await guard();
    const principal = await principalFor(user.id, SYNC_SCOPES, [granted.id]);
    expect(await refusal(authorizeBase(principal, other.id, SYNC_WRITE))).toEqual(FORBIDDEN);
    await expect(authorizeBase(principal, granted.id, SYNC_WRITE)).resolves.toBe("owner");
  });

  it.each<[Role, boolean, boolean]>([
    ["owner", true, true],
    ["creator", true, true],
    ["editor", false, true],
    ["commenter", false, false],
    ["read", false, false],
  ])("a user who is %s: sync write %s, sync now %s", async (role, canWrite, canRun) => {
    const { base } = await makeOwnerSetup();
    const member = await makeUser(role);
    await grantBaseRole({ baseId: base.id, userId: member.id, role });
    const { authorizeBase, SYNC_WRITE, SYNC_RUN } = await guard();
    const principal = await principalFor(member.id, SYNC_SCOPES, null);
    expect(await refusal(authorizeBase(principal, base.id, SYNC_WRITE))).toEqual(canWrite ? null : FORBIDDEN);
    expect(await refusal(authorizeBase(principal, base.id, SYNC_RUN))).toEqual(canRun ? null : FORBIDDEN);
  });

  it("refuses a user with no role in the base, and a malformed base id", async () => {
    const { base } = await makeOwnerSetup();
    const stranger = await makeUser("stranger");
    const { authorizeBase, SYNC_WRITE } = await guard();
    const principal = await principalFor(stranger.id, SYNC_SCOPES, null);
    expect(await refusal(authorizeBase(principal, base.id, SYNC_WRITE))).toEqual(FORBIDDEN);
    expect(await refusal(authorizeBase(principal, "not-a-base", SYNC_WRITE))).toEqual(FORBIDDEN);
  });

  it("takes effect at once when a member is removed", async () => {
    const { user: owner, base } = await makeOwnerSetup();
    const creator = await makeUser("creator");
    await grantBaseRole({ baseId: base.id, userId: creator.id, role: "creator" });
    const { authorizeBase, SYNC_WRITE } = await guard();
    const principal = await principalFor(creator.id, SYNC_SCOPES, [base.id]);
    await expect(authorizeBase(principal, base.id, SYNC_WRITE)).resolves.toBe("creator");
    const { removeBaseMember } = await import("@/lib/accounts/bases");
    await removeBaseMember({ baseId: base.id, actingUserId: owner.id, userId: creator.id });
    expect(await refusal(authorizeBase(principal, base.id, SYNC_WRITE))).toEqual(FORBIDDEN);
  });
});
