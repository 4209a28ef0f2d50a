import { describe, expect, it } from "vitest";
import { buildCurlCommand, createTokenHref, EXAMPLE_CSV } from "./curl";

describe("buildCurlCommand", () => {
  const url = "http://localhost:3000/v0/appAAAAAAAAAAAAAA/tblBBBBBBBBBBBBBB/sync/synCCCCCCCCCCCCCC";
  it("posts CSV to the sync URL with the token placeholder", () => {
    const text = buildCurlCommand(url);
    expect(text).toContain(`curl -X POST "${url}"`);
    expect(text).toContain('-H "Authorization: Bearer ${PERSONAL ACCESS TOKEN}"');
    expect(text).toContain('-H "Content-Type: text/csv"');
    expect(text).toContain(`--data-binary '${EXAMPLE_CSV}'`);
  });
  it("quotes single quotes in the body for the shell", () => {
    expect(buildCurlCommand(url, "Name\nO'Brien")).toContain(`'Name\nO'\\''Brien'`);
  });
});

describe("createTokenHref", () => {
  it("preselects the two scopes and the base", () => {
    expect(createTokenHref("appX")).toBe("/tokens/new?scopes=data.records:write,schema.bases:write&bases=appX");
  });
});
