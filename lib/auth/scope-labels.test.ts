import { describe, expect, it } from "vitest";
import { parseTokenPrefill } from "./scope-labels";

describe("parseTokenPrefill", () => {
  it("preselects the sync scopes and the current base", () => {
    expect(parseTokenPrefill({ scopes: "data.records:write,schema.bases:write", bases: "appAAAAAAAAAAAAAA" }, ["appAAAAAAAAAAAAAA"])).toEqual({
      name: "",
      scopes: ["data.records:write", "schema.bases:write"],
      access: "chosen",
      baseIds: ["appAAAAAAAAAAAAAA"],
    });
  });

  it("drops unknown scopes and bases the user is not a member of", () => {
    expect(parseTokenPrefill({ scopes: "admin:all,data.records:read", bases: "appBBBBBBBBBBBBBB" }, ["appAAAAAAAAAAAAAA"])).toEqual({
      name: "",
      scopes: ["data.records:read"],
      access: "all",
      baseIds: [],
    });
  });

  it("accepts nothing at all", () => {
    expect(parseTokenPrefill({}, [])).toEqual({ name: "", scopes: [], access: "all", baseIds: [] });
  });
});
