import { describe, expect, it } from "vitest";
import { buildCurlCommand, createTokenHref, EXAMPLE_CSV, maskToken, safeSetupPath } from "./curl";

describe("buildCurlCommand", () => {
  const url = "http://localhost:3000/v0/appAAAAAAAAAAAAAA/tblBBBBBBBBBBBBBB/sync/synCCCCCCCCCCCCCC";
  it("sets the token in a variable whose line keeps the article's placeholder, and posts CSV", () => {
    const text = buildCurlCommand(url);
    expect(text.split("\n")[0]).toBe("TABLESYNC_TOKEN='${PERSONAL ACCESS TOKEN}'");
    expect(text).toContain(`curl -X POST "${url}"`);
    expect(text).toContain('-H "Authorization: Bearer $TABLESYNC_TOKEN"');
    expect(text).not.toMatch(/"[^"']*\$\{PERSONAL/);
    expect(text).toContain('-H "Content-Type: text/csv"');
    expect(text).toContain(`--data-binary '${EXAMPLE_CSV}'`);
  });
  it("quotes single quotes in the body for the shell", () => {
    expect(buildCurlCommand(url, { body: "Name\nO'Brien" })).toContain(`'Name\nO'\\''Brien'`);
  });
  it("puts a handed-back token in, masked for display", () => {
    const token = `patAAAAAAAAAAAAAA.${"f".repeat(64)}`;
    expect(buildCurlCommand(url, { token }).split("\n")[0]).toBe(`TABLESYNC_TOKEN='${token}'`);
    expect(buildCurlCommand(url, { token, masked: true }).split("\n")[0]).toBe("TABLESYNC_TOKEN='patAAAAAAAAAAAAAA.••••••••'");
    expect(maskToken("nodot")).toBe("••••••••");
  });
});

describe("createTokenHref", () => {
  it("preselects the two scopes and the base, and carries the way back", () => {
    expect(createTokenHref("appX")).toBe("/tokens/new?scopes=data.records:write,schema.bases:write&bases=appX");
    expect(createTokenHref("appX", "/bases/appX/sync/syn1?step=setup")).toBe(
      "/tokens/new?scopes=data.records:write,schema.bases:write&bases=appX&back=%2Fbases%2FappX%2Fsync%2Fsyn1%3Fstep%3Dsetup",
    );
  });
});

describe("safeSetupPath", () => {
  it.each([
    ["/bases/appAAAAAAAAAAAAAA/sync/synBBBBBBBBBBBBBB?step=setup", true],
    ["https://evil.example/bases/appAAAAAAAAAAAAAA/sync/x", false],
    ["//evil.example/x", false],
    ["/tokens", false],
    [null, false],
  ])("%s → %s", (back, ok) => {
    expect(safeSetupPath(back) !== null).toBe(ok);
  });
});
