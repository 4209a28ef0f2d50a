"use server";
// Personal access tokens from the pages. Server Actions: Next refuses cross-origin calls.
import { revalidatePath } from "next/cache";
import { failure, toActionFailure, type ActionResult } from "@/lib/accounts/action-result";
import { requireUser } from "@/lib/auth/current-user";
import { createTokenSchema, type CreateTokenInput } from "@/lib/auth/schemas";
import { createAccessToken, revokeAccessToken } from "@/lib/auth/tokens";

// Answers the whole token once; only its hash is stored.
export async function createTokenAction(input: CreateTokenInput): Promise<ActionResult<{ token: string; id: string }>> {
  const user = await requireUser();
  const parsed = createTokenSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues[0].message, String(parsed.error.issues[0].path[0]));
  try {
    const { token, record } = await createAccessToken({
      userId: user.id,
      name: parsed.data.name,
      scopes: parsed.data.scopes,
      baseIds: parsed.data.access === "all" ? null : parsed.data.baseIds,
    });
    revalidatePath("/tokens");
    return { ok: true, token, id: record.id };
  } catch (err) {
    return toActionFailure(err);
  }
}

export async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  const user = await requireUser();
  try {
    await revokeAccessToken({ tokenId, userId: user.id });
  } catch (err) {
    return toActionFailure(err);
  }
  revalidatePath("/tokens");
  return { ok: true };
}
