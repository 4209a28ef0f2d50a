"use server";
// Sign-in, sign-out and personal access tokens, from the pages. Server Actions: Next refuses
// cross-origin calls (CSRF). Every export here is an endpoint; the work is in the modules below.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ApiError } from "../errors";
import { authedAction, formAction } from "./form-action";
import { endSession, startSession } from "./session-cookie";
import { createTokenSchema, signInSchema } from "./schemas";
import { checkSignIn, clientIp } from "./sign-in";
import { createAccessToken, revokeAccessToken } from "./tokens";

// Only a path on this site, never `//elsewhere` or a full URL.
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export const signInAction = formAction(signInSchema.extend({ next: z.string().optional() }), async ({ next, ...input }) => {
  const result = await checkSignIn({ ...input, ip: clientIp(await headers()) });
  if (!result.ok) {
    const param = result.reason === "unknown-email" ? "email" : result.reason === "wrong-password" ? "password" : undefined;
    throw new ApiError(result.reason === "throttled" ? "RATE_LIMIT_REACHED" : "INVALID_REQUEST_UNKNOWN", result.message, { param });
  }
  await startSession(result.userId);
  redirect(safeNext(next));
});

export async function signOutAction(): Promise<void> {
  await endSession();
  redirect("/sign-in");
}

// Answers the whole token once; only its hash is stored.
export const createTokenAction = authedAction(createTokenSchema, async (input, user) => {
  const { token, record } = await createAccessToken({
    userId: user.id,
    name: input.name,
    scopes: input.scopes,
    baseIds: input.access === "all" ? null : input.baseIds,
  });
  revalidatePath("/tokens");
  return { token, id: record.id };
});

export const revokeTokenAction = authedAction(z.string(), async (tokenId, user) => {
  await revokeAccessToken({ tokenId, userId: user.id });
  revalidatePath("/tokens");
});
