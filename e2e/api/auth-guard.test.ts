// The bearer-token guard over HTTP: every refusal's status and error type, and the happy path.
import { describe, expect, it } from "vitest";
import { api, grantBaseRole, makeBase, makeOwnerSetup, makeToken, makeUser, SCOPES } from "../support/fixtures";

const revoke = async (tokenId: string) => (await import("@/lib/auth/tokens")).revokeAccessToken({ tokenId });

describe("the API guard", () => {
  it("answers the happy path with the base and the user's permission level", async () => {
    const { base, token } = await makeOwnerSetup({ scopes: ["schema.bases:read"] });
    const res = await api(`/v0/meta/bases/${base.id}`, { token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: base.id, name: base.name, permissionLevel: "create" });
  });

  it("lists only the bases granted to the token", async () => {
    const user = await makeUser();
    const [a, b] = [await makeBase(user.id), await makeBase(user.id)];
    const limited = await makeToken(user.id, { scopes: ["schema.bases:read"], baseIds: [a.id] });
    const all = await makeToken(user.id, { scopes: ["schema.bases:read"], baseIds: null });
    const res = await api("/v0/meta/bases", { token: limited.token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ bases: [{ id: a.id, name: a.name, permissionLevel: "create" }] });
    const everything = await api("/v0/meta/bases", { token: all.token });
    expect(everything.json.bases.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
  });

  it.each(SCOPES.filter((s) => s !== "schema.bases:read"))("refuses a token without schema.bases:read (has only %s)", async (scope) => {
    const { base, token } = await makeOwnerSetup({ scopes: [scope] });
    for (const path of [`/v0/meta/bases/${base.id}`, "/v0/meta/bases"]) {
      const res = await api(path, { token });
      expect(res.status).toBe(403);
      expect(res.json.error.type).toBe("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
    }
  });

  it("refuses a base not granted to the token, and one that does not exist, alike", async () => {
    const user = await makeUser();
    const [granted, other] = [await makeBase(user.id), await makeBase(user.id)];
    const { token } = await makeToken(user.id, { scopes: [...SCOPES], baseIds: [granted.id] });
    const notGranted = await api(`/v0/meta/bases/${other.id}`, { token });
    const missing = await api("/v0/meta/bases/appAAAAAAAAAAAAAA", { token });
    expect(notGranted.status).toBe(403);
    expect(missing.status).toBe(403);
    expect(notGranted.json).toEqual(missing.json);
    expect(notGranted.json.error.type).toBe("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
  });

  it("refuses another user's base even with an all-bases token", async () => {
    const { base } = await makeOwnerSetup();
    const stranger = await makeUser("stranger");
    const { token } = await makeToken(stranger.id, { scopes: [...SCOPES], baseIds: null });
    const res = await api(`/v0/meta/bases/${base.id}`, { token });
    expect(res.status).toBe(403);
    expect(res.json.error.type).toBe("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND");
  });

  it("lets an editor read the base, with Airtable's permission level edit", async () => {
    const { base } = await makeOwnerSetup();
    const editor = await makeUser("editor");
    await grantBaseRole({ baseId: base.id, userId: editor.id, role: "editor" });
    const { token } = await makeToken(editor.id, { scopes: ["schema.bases:read"], baseIds: [base.id] });
    const res = await api(`/v0/meta/bases/${base.id}`, { token });
    expect(res.status).toBe(200);
    expect(res.json.permissionLevel).toBe("edit");
  });

  it("refuses a revoked token with 401", async () => {
    const { base, token, tokenId } = await makeOwnerSetup();
    expect((await api(`/v0/meta/bases/${base.id}`, { token })).status).toBe(200);
    await revoke(tokenId);
    const res = await api(`/v0/meta/bases/${base.id}`, { token });
    expect(res.status).toBe(401);
    expect(res.json.error).toEqual({ type: "AUTHENTICATION_REQUIRED", message: expect.stringMatching(/revoked/) });
  });

  it("refuses a wrong secret for a real token id", async () => {
    const { token } = await makeOwnerSetup();
    const forged = token.slice(0, token.indexOf(".") + 1) + "0".repeat(64);
    const res = await api("/v0/meta/whoami", { token: forged });
    expect(res.status).toBe(401);
    expect(res.json.error.type).toBe("AUTHENTICATION_REQUIRED");
  });

  it.each([
    ["no Bearer scheme", (t: string) => t],
    ["Basic auth", () => "Basic dXNlcjpwYXNz"],
    ["Bearer without a token", () => "Bearer "],
    ["two values", (t: string) => `Bearer ${t} ${t}`],
    ["a truncated token", (t: string) => `Bearer ${t.slice(0, -1)}`],
    ["an unknown token id", (t: string) => `Bearer patAAAAAAAAAAAAAA${t.slice(17)}`],
  ])("refuses a malformed header (%s) with 401, never echoing it", async (_label, header) => {
    const { token } = await makeOwnerSetup();
    const res = await api("/v0/meta/whoami", { headers: { authorization: header(token) } });
    expect(res.status).toBe(401);
    expect(res.json.error.type).toBe("AUTHENTICATION_REQUIRED");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.text).not.toContain(token.slice(18));
  });

  it("refuses a legacy key… API key, saying personal access tokens are required", async () => {
    const res = await api("/v0/meta/whoami", { token: "keyAbCdEfGhIjKlMn" });
    expect(res.status).toBe(401);
    expect(res.json.error.type).toBe("AUTHENTICATION_REQUIRED");
    expect(res.json.error.message).toMatch(/API keys are not accepted/);
    expect(res.json.error.message).toMatch(/[Pp]ersonal access tokens are required/);
  });

  it("accepts the app's own session cookie on GET requests", async () => {
    const user = await makeUser();
    const { createSession, SESSION_COOKIE } = await import("@/lib/auth/sessions");
    const { value } = await createSession(user.id);
    const res = await api("/v0/meta/whoami", { headers: { cookie: `${SESSION_COOKIE}=${value}` } });
    expect(res.status).toBe(200);
    expect(res.json.id).toBe(user.id);
    const forged = await api("/v0/meta/whoami", { headers: { cookie: `${SESSION_COOKIE}=x${value}` } });
    expect(forged.status).toBe(401);
  });
});
