import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// NIST SP 800-63B §5.1.1.2: besides a minimum length (passwordSchema), refuse passwords that
// are commonly used or expected: the ~49,000 most common passwords (zxcvbn-ts' list), the
// account's own email or its name part, and strings of one or two repeated characters. Server
// side only: the list is too large to ship to the browser.
const COMMON = new Set<string>(dictionary["passwords-common"] as string[]);

export function passwordProblem(password: string, email: string): string | null {
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split("@")[0];
  if (COMMON.has(lower)) return "this password is one of the most common ones; choose another";
  if (lower.includes(email.toLowerCase()) || (local.length >= 4 && lower.includes(local))) {
    return "the password must not contain your email address";
  }
  if (new Set(lower).size < 3) return "the password repeats too few characters; choose another";
  return null;
}
