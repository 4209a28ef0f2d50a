"use client";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signInAction } from "@/lib/auth/actions";
import { signInSchema, type SignInInput } from "@/lib/auth/schemas";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormError, TextField } from "@/components/ui/field";

export function SignInForm({ next, signUpOpen }: { next?: string; signUpOpen: boolean }) {
  const [error, setError] = useState<string>();
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(undefined);
    const result = await signInAction({ ...values, next });
    if (result.field === "email" || result.field === "password") form.setError(result.field, { message: result.error });
    else setError(result.error);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
      <FormError message={error} />
      <TextField label="Email" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SubmitButton className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </SubmitButton>
      {signUpOpen ? (
        <p className="text-center text-sm text-gray-600">
          New here?{" "}
          <Link href="/sign-up" className="font-medium text-blue-700 hover:underline">
            Create an account
          </Link>
        </p>
      ) : null}
    </form>
  );
}
