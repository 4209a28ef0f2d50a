"use server";
// Sign-in, sign-out and personal access tokens, from the pages. Server Actions: Next refuses
// cross-origin calls (CSRF). Every export here is an endpoint; the work is in the modules below.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { env } from "../env";
import { ApiError } from "../errors";
import { clientAddress } from "../http/client-address";
import { authedAction, formAction } from "./form-action";
import { safeNext } from "./safe-next";
import { endSession, startSession } from "./session-cookie";
import { createTokenSchema, signInSchema } from "./schemas";
import { checkSignIn } from "./sign-in";
import { createAccessToken, revokeAccessToken } from "./tokens";

export const signInAction = formAction(signInSchema.extend({ next: z.string().optional() }), async ({ next, ...input }) => {
  const result = await checkSignIn({ ...input, ip: clientAddress(await headers(), env.TRUST_PROXY) });
  if (!result.ok) throw new ApiError(result.reason === "throttled" ? "RATE_LIMIT_REACHED" : "INVALID_REQUEST_UNKNOWN", result.message);
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
