import { describe, expect, it } from "vitest";
import { generateToken, hashSecret, parseToken, secretMatches } from "./token-format";

describe("personal access token format", () => {
  it("is pat + 14-char id + . + 64 hex, and only its hash is kept", () => {
    const t = generateToken();
    expect(t.token).toMatch(/^pat[A-Za-z0-9]{14}\.[0-9a-f]{64}$/);
    expect(t.secretHash).toBe(hashSecret(t.secret));
    expect(t.secretHash).not.toContain(t.secret);
  });

  it.each(["", "pat123", "keyABCDEFGHIJKLMN", "patAAAAAAAAAAAAAA.xyz", "patAAAAAAAAAAAAAA." + "0".repeat(63)])(
    "refuses malformed %j",
    (value) => expect(parseToken(value)).toBeNull(),
  );

  it("matches only the right secret", () => {
    const t = generateToken();
    const parsed = parseToken(t.token)!;
    expect(secretMatches(parsed.secret, t.secretHash)).toBe(true);
    expect(secretMatches("0".repeat(64), t.secretHash)).toBe(false);
  });
});
