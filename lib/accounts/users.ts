import "server-only";
import { z } from "zod";
import { db } from "../db";
import { invalidRequest } from "../errors";
import { newId } from "../ids";
import { hashPassword } from "../auth/passwords";

export const emailSchema = z.email().max(254).transform((e) => e.trim().toLowerCase());
export const passwordSchema = z.string().min(8, "Password must be at least 8 characters").max(200);

export async function createUser(input: { email: string; password: string; name?: string }) {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw invalidRequest("email: not a valid email address");
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) throw invalidRequest(`password: ${password.error.issues[0].message}`);
  const passwordHash = await hashPassword(password.data);
  const existing = await db.user.findUnique({ where: { email: email.data } });
  if (existing) throw invalidRequest(`email: an account with ${email.data} already exists`);
  // The first account of a fresh install is the administrator.
  const isAdmin = (await db.user.count()) === 0;
  return db.user.create({
    data: { id: newId("user"), email: email.data, name: input.name?.trim() || null, passwordHash, isAdmin },
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
