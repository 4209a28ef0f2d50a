// Form schemas shared by the browser (react-hook-form) and the server, which validates again.
// No server imports here.
import { z } from "zod";
import { SCOPES } from "./scopes";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254, "Email is too long"));

export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(200, "Password must be at most 200 characters");

export const signUpSchema = z.object({
  name: z.string().trim().max(100, "Name is too long"),
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});
export type SignInInput = z.input<typeof signInSchema>;

export const tokenAccessValues = ["all", "chosen"] as const;

// How long a new token lives: never (the reference product's tokens do not expire) or a number of days.
export const TOKEN_EXPIRY_CHOICES = [
  { value: "never", label: "No expiration" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
] as const;
const expiryValues = TOKEN_EXPIRY_CHOICES.map((c) => c.value) as [string, ...string[]];

export function tokenExpiresAt(choice: string, now: Date): Date | null {
  return choice === "never" ? null : new Date(now.getTime() + Number(choice) * 86_400_000);
}

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Give the token a name").max(100, "Name is too long"),
    scopes: z.array(z.enum(SCOPES)).min(1, "Choose at least one scope"),
    access: z.enum(tokenAccessValues),
    baseIds: z.array(z.string().regex(/^app[A-Za-z0-9]{14}$/)),
    expiresIn: z.enum(expiryValues, "Choose when the token expires").default("never"),
  })
  .refine((v) => v.access === "all" || v.baseIds.length > 0, {
    path: ["baseIds"],
    message: "Choose at least one base, or give access to all your bases",
  });
export type CreateTokenInput = z.input<typeof createTokenSchema>;
