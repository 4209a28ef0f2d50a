import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isSignUpOpen } from "@/lib/accounts/users";

export const metadata = { title: "Sign in · Tablesync" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await getCurrentUser()) redirect("/");
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <SignInForm next={typeof next === "string" ? next : undefined} signUpOpen={await isSignUpOpen()} />
    </>
  );
}
