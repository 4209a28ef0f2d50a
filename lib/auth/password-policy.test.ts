import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem (NIST 800-63B blocklist)", () => {
  it.each(["password1", "12345678", "qwertyuiop", "Sunshine", "aaaaaaaa", "abababab", "ada.lovelace@example.com", "xx-ada.lovelace-xx"])(
    "refuses %j",
    (password) => expect(passwordProblem(password, "ada.lovelace@example.com")).not.toBeNull(),
  );
  it.each(["correct horse battery staple", "tablesync is fine 42", "Tr0ub4dor&3x"])("accepts %j", (password) =>
    expect(passwordProblem(password, "ada.lovelace@example.com")).toBeNull(),
  );
});
