"use client";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { removeMemberAction, shareBaseAction } from "@/lib/accounts/actions";
import { ROLE_LABELS, shareBaseSchema, type ShareBaseInput } from "@/lib/accounts/schemas";
import { ROLES, type Role } from "@/lib/auth/scopes";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { Card } from "@/components/ui/card";
import { FormError, TextField } from "@/components/ui/field";

type Member = { userId: string; email: string; name: string | null; role: string };

// Who has access. Owners add people by email with a role, change roles and remove members.
export function ShareBase({ baseId, currentUserId, isOwner, members }: { baseId: string; currentUserId: string; isOwner: boolean; members: Member[] }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<ShareBaseInput>({ resolver: zodResolver(shareBaseSchema), defaultValues: { email: "", role: "editor" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const result = await shareBaseAction({ ...values, baseId });
    if (result.ok) form.reset({ email: "", role: values.role });
    else if (result.field === "email") form.setError("email", { message: result.error });
    else setError(result.error);
  });

  const remove = (member: Member) =>
    startTransition(async () => {
      setError(undefined);
      const result = await removeMemberAction({ baseId, userId: member.userId });
      if (!result.ok) setError(result.error);
    });

  return (
    <Card aria-labelledby="sharing-heading">
      <h2 id="sharing-heading" className="text-base font-semibold">
        Sharing
      </h2>
      <ul aria-label="Members" className="mt-3 divide-y divide-gray-100">
        {members.map((m) => (
          <li key={m.userId} className="flex items-center justify-between gap-2 py-2 text-sm">
            <span className="min-w-0">
              <span className="block truncate text-gray-900">
                {m.name ?? m.email}
                {m.userId === currentUserId ? " (you)" : ""}
              </span>
              {m.name ? <span className="block truncate text-xs text-gray-500">{m.email}</span> : null}
            </span>
            <span className="flex shrink-0 items-center gap-2">
              <span className="text-xs text-gray-600">{ROLE_LABELS[m.role as Role] ?? m.role}</span>
              {isOwner && m.userId !== currentUserId ? (
                <Button variant="ghost" className="px-2 py-1 text-xs" disabled={pending} aria-label={`Remove ${m.email}`} onClick={() => remove(m)}>
                  Remove
                </Button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      {isOwner ? (
        <form onSubmit={onSubmit} noValidate aria-label="Add a member" className="mt-4 space-y-3 border-t border-gray-100 pt-4">
          <FormError message={error} />
          <TextField label="Member email" type="email" autoComplete="off" error={errors.email?.message} {...form.register("email")} />
          <div>
            <label htmlFor="share-role" className="block text-sm font-medium text-gray-800">
              Role
            </label>
            <select
              id="share-role"
              className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm"
              {...form.register("role")}
            >
              {[...ROLES].reverse().map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton disabled={isSubmitting}>
            Add member
          </SubmitButton>
        </form>
      ) : (
        <p className="mt-3 text-xs text-gray-500">Only an owner of this base can share it.</p>
      )}
      {!isOwner ? <FormError message={error} /> : null}
    </Card>
  );
}
