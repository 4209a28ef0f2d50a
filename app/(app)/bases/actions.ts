"use server";
// Creating and sharing bases from the pages. Server Actions: Next refuses cross-origin calls.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createBase, removeBaseMember, shareBase } from "@/lib/accounts/bases";
import { failure, toActionFailure, type ActionFailure, type ActionResult } from "@/lib/accounts/action-result";
import { createBaseSchema, shareBaseSchema, type CreateBaseInput, type ShareBaseInput } from "@/lib/accounts/schemas";
import { requireUser } from "@/lib/auth/current-user";

export async function createBaseAction(input: CreateBaseInput): Promise<ActionFailure> {
  const user = await requireUser();
  const parsed = createBaseSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues[0].message, "name");
  let baseId: string;
  try {
    baseId = (await createBase({ ownerId: user.id, name: parsed.data.name })).id;
  } catch (err) {
    return toActionFailure(err);
  }
  revalidatePath("/");
  redirect(`/bases/${baseId}`);
}

export async function shareBaseAction(baseId: string, input: ShareBaseInput): Promise<ActionResult> {
  const user = await requireUser();
  const parsed = shareBaseSchema.safeParse(input);
  if (!parsed.success) return failure(parsed.error.issues[0].message, String(parsed.error.issues[0].path[0]));
  try {
    await shareBase({ baseId, actingUserId: user.id, ...parsed.data });
  } catch (err) {
    return toActionFailure(err);
  }
  revalidatePath(`/bases/${baseId}`);
  return { ok: true };
}

export async function removeMemberAction(baseId: string, userId: string): Promise<ActionResult> {
  const user = await requireUser();
  try {
    await removeBaseMember({ baseId, actingUserId: user.id, userId });
  } catch (err) {
    return toActionFailure(err);
  }
  revalidatePath(`/bases/${baseId}`);
  return { ok: true };
}
