"use server";
// Sign-up, sign-in and sign-out. Server Actions: Next refuses cross-origin calls (CSRF).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { createUser } from "@/lib/accounts/users";
import { failure, toActionFailure, type ActionFailure } from "@/lib/accounts/action-result";
import { checkSignIn } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { safeNext } from "@/lib/auth/safe-next";
import { hitSignUpLimit } from "@/lib/auth/sign-up-limit";
import { endSession, startSession } from "@/lib/auth/session-cookie";
import { signInSchema, signUpSchema, type SignInInput, type SignUpInput } from "@/lib/auth/schemas";

export async function signUpAction(input: SignUpInput): Promise<ActionFailure> {
  // Counted before anything else: a stream of invalid sign-ups is abuse too.
  const limit = await hitSignUpLimit(clientAddress(await headers(), env.TRUST_PROXY));
  if (!limit.allowed) return failure(`Too many sign-ups from your address. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`);
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues[0].message, String(parsed.error.issues[0].path[0]));
  let userId: string;
  try {
    userId = (await createUser({ ...parsed.data, selfService: true })).id;
  } catch (err) {
    return toActionFailure(err);
  }
  await startSession(userId);
  redirect("/");
}

export async function signInAction(input: SignInInput, next?: string): Promise<ActionFailure> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues[0].message, String(parsed.error.issues[0].path[0]));
  const result = await checkSignIn({ ...parsed.data, ip: clientAddress(await headers(), env.TRUST_PROXY) });
  if (!result.ok) return failure(result.message);
  await startSession(result.userId);
  redirect(safeNext(next));
}

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/sign-in");
}
