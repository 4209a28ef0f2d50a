"use client";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createBaseAction } from "@/lib/accounts/actions";
import { createBaseSchema, type CreateBaseInput } from "@/lib/accounts/schemas";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/field";

export function CreateBaseForm() {
  const form = useForm<CreateBaseInput>({ resolver: zodResolver(createBaseSchema), defaultValues: { name: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createBaseAction(values);
    form.setError("name", { message: result.error });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start" aria-label="Create base">
      <TextField label="Base name" placeholder="e.g. Inventory" className="sm:w-72" error={errors.name?.message} {...form.register("name")} />
      <SubmitButton className="sm:mt-6" disabled={isSubmitting}>
        Create base
      </SubmitButton>
    </form>
  );
}
