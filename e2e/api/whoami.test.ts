import { describe, expect, it } from "vitest";
import { api, makeOwnerSetup } from "../support/fixtures";

describe("GET /v0/meta/whoami", () => {
  it("answers the token's user and scopes", async () => {
    const { user, token } = await makeOwnerSetup({ scopes: ["data.records:read"] });
    const res = await api("/v0/meta/whoami", { token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ id: user.id, scopes: ["data.records:read"] });
  });

  it("refuses a request without a token with the contract's JSON", async () => {
    const res = await api("/v0/meta/whoami");
    expect(res.status).toBe(401);
    expect(res.json.error.type).toBe("AUTHENTICATION_REQUIRED");
  });

  it("answers unknown /v0 routes with a JSON 404", async () => {
    const res = await api("/v0/no/such/route/here/at/all");
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { type: "NOT_FOUND", message: expect.any(String) } });
  });
});
