"use client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createTokenAction } from "@/lib/auth/actions";
import { createTokenSchema, TOKEN_EXPIRY_CHOICES, type CreateTokenInput } from "@/lib/auth/schemas";
import { SCOPES } from "@/lib/auth/scopes";
import { SCOPE_DESCRIPTIONS } from "@/lib/auth/scope-labels";
import { LinkButton } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormError, TextField } from "@/components/ui/field";
import { NewTokenView } from "./new-token-view";

type BaseOption = { id: string; name: string };

export function TokenForm({ bases, defaults, back = null }: { bases: BaseOption[]; defaults: CreateTokenInput; back?: string | null }) {
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const form = useForm<CreateTokenInput>({ resolver: zodResolver(createTokenSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const access = useWatch({ control: form.control, name: "access" });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const result = await createTokenAction(values);
    if (result.ok) setCreated({ token: result.token, name: values.name });
    else if (result.field === "name") form.setError("name", { message: result.error });
    else setError(result.error);
  });

  // The token lives only in this component's state: it is shown once and never again.
  if (created) return <NewTokenView token={created.token} name={created.name} back={back} />;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create a token" className="space-y-6">
      <FormError message={error} />
      <TextField label="Name" placeholder="e.g. ERP nightly export" className="max-w-md" error={errors.name?.message} {...form.register("name")} />

      <fieldset aria-describedby={errors.scopes ? "scopes-error" : undefined}>
        <legend className="text-sm font-medium text-gray-800">Scopes</legend>
        <div className="mt-2 space-y-2">
          {SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-3 rounded-md border border-gray-200 bg-white p-3 hover:bg-gray-50">
              <input type="checkbox" value={scope} className="mt-0.5 size-4" {...form.register("scopes")} />
              <span>
                <span className="block font-mono text-sm text-gray-900">{scope}</span>
                <span className="block text-xs text-gray-500">{SCOPE_DESCRIPTIONS[scope]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.scopes ? (
          <p id="scopes-error" className="mt-1 text-sm text-red-700">
            {errors.scopes.message}
          </p>
        ) : null}
      </fieldset>

      <fieldset aria-describedby={errors.baseIds ? "bases-error" : undefined}>
        <legend className="text-sm font-medium text-gray-800">Access</legend>
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:gap-6">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="all" className="size-4" {...form.register("access")} />
            All my bases
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" value="chosen" className="size-4" {...form.register("access")} />
            Only the bases I choose
          </label>
        </div>
        {access === "chosen" ? (
          bases.length === 0 ? (
            <p className="mt-2 text-sm text-gray-600">You have no bases yet.</p>
          ) : (
            <div role="group" aria-label="Bases" className="mt-3 grid gap-2 sm:grid-cols-2">
              {bases.map((base) => (
                <label key={base.id} className="flex items-center gap-2 rounded-md border border-gray-200 bg-white p-2 text-sm">
                  <input type="checkbox" value={base.id} className="size-4" {...form.register("baseIds")} />
                  <span className="truncate">{base.name}</span>
                </label>
              ))}
            </div>
          )
        ) : null}
        {errors.baseIds ? (
          <p id="bases-error" className="mt-1 text-sm text-red-700">
            {errors.baseIds.message ?? "Choose valid bases"}
          </p>
        ) : null}
      </fieldset>

      <div>
        <label htmlFor="token-expires" className="block text-sm font-medium text-gray-800">
          Expiration
        </label>
        <select id="token-expires" className="mt-1 rounded-md border border-gray-300 bg-white px-2 py-1.5 text-sm" {...form.register("expiresIn")}>
          {TOKEN_EXPIRY_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <p className="mt-1 text-xs text-gray-600">A sync stops working when its token expires: create the next one before that day.</p>
      </div>

      <div className="flex gap-3">
        <SubmitButton disabled={isSubmitting}>
          Create token
        </SubmitButton>
        <LinkButton href="/tokens" variant="secondary">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
