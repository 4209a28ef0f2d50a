import "server-only";
import { db } from "../db";
import { env } from "../env";
import { invalidRequest } from "../errors";
import { newId } from "../ids";
import { passwordProblem } from "../auth/password-policy";
import { hashPassword } from "../auth/passwords";
import { emailSchema, passwordSchema } from "../auth/schemas";

// Serialises account creation so that exactly one first account becomes the administrator.
const SIGN_UP_LOCK = 7_310_001;

// Sign-ups are open while ALLOW_SIGNUP is true, and always for the first account of a fresh install.
export async function getSignUpState(): Promise<{ open: boolean; firstAccount: boolean }> {
  const firstAccount = (await db.user.count()) === 0;
  return { open: firstAccount || env.ALLOW_SIGNUP === "true", firstAccount };
}

export async function isSignUpOpen(): Promise<boolean> {
  return (await getSignUpState()).open;
}

// `selfService` marks a sign-up from the web form, which ALLOW_SIGNUP=false closes after the
// first account; the admin CLI and tests create users regardless.
export async function createUser(input: { email: string; password: string; name?: string; selfService?: boolean }) {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw invalidRequest("email: not a valid email address");
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) throw invalidRequest(`password: ${password.error.issues[0].message}`);
  const weak = passwordProblem(password.data, email.data);
  if (weak) throw invalidRequest(`password: ${weak}`);
  const passwordHash = await hashPassword(password.data);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGN_UP_LOCK})`;
    const existing = await tx.user.findUnique({ where: { email: email.data } });
    if (existing) throw invalidRequest(`email: an account with ${email.data} already exists`);
    const isFirst = (await tx.user.count()) === 0;
    if (input.selfService && !isFirst && env.ALLOW_SIGNUP === "false") {
      throw invalidRequest("signup: sign-ups are turned off on this server. Ask its administrator for an account");
    }
    // The first account of a fresh install is the administrator.
    return tx.user.create({
      data: { id: newId("user"), email: email.data, name: input.name?.trim() || null, passwordHash, isAdmin: isFirst },
    });
  });
}

export async function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export async function requireUserByEmail(email: string) {
  const user = await findUserByEmail(email);
  if (!user) throw invalidRequest(`email: no user with email ${email}`);
  return user;
}
