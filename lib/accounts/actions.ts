"use server";
// Sign-up (it creates an account), and creating and sharing bases, from the pages. Server
// Actions: Next refuses cross-origin calls (CSRF). Every export here is an endpoint; the work is
// in the modules below.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, formAction } from "../auth/form-action";
import { signUpSchema } from "../auth/schemas";
import { startSession } from "../auth/session-cookie";
import { hitSignUpLimit } from "../auth/sign-up-limit";
import { env } from "../env";
import { ApiError } from "../errors";
import { clientAddress } from "../http/client-address";
import { createBase, removeBaseMember, shareBase } from "./bases";
import { createBaseSchema, shareBaseSchema } from "./schemas";
import { createUser } from "./users";

export const signUpAction = formAction(signUpSchema, async (input) => {
  const limit = await hitSignUpLimit(clientAddress(await headers(), env.TRUST_PROXY));
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    throw new ApiError("RATE_LIMIT_REACHED", `Too many sign-ups from your address. Try again in ${minutes} minutes.`);
  }
  const user = await createUser({ ...input, selfService: true });
  await startSession(user.id);
  redirect("/");
});

export const createBaseAction = authedAction(createBaseSchema, async ({ name }, user) => {
  const base = await createBase({ ownerId: user.id, name });
  revalidatePath("/");
  redirect(`/bases/${base.id}`);
});

export const shareBaseAction = authedAction(shareBaseSchema.extend({ baseId: z.string() }), async ({ baseId, ...input }, user) => {
  await shareBase({ baseId, actingUserId: user.id, ...input });
  revalidatePath(`/bases/${baseId}`);
});

export const removeMemberAction = authedAction(z.object({ baseId: z.string(), userId: z.string() }), async ({ baseId, userId }, user) => {
  await removeBaseMember({ baseId, actingUserId: user.id, userId });
  revalidatePath(`/bases/${baseId}`);
});
