import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getSignUpState } from "@/lib/accounts/users";

export const metadata = { title: "Create an account · Tablesync" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/");
  const { open, firstAccount } = await getSignUpState();
  if (!open) {
    return (
      <>
        <h1 className="mb-2 text-lg font-semibold">Sign-ups are turned off</h1>
        <p className="text-sm text-gray-700">This server does not accept new accounts. Ask its administrator to create one for you.</p>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="font-medium text-blue-700 hover:underline">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Create your account</h1>
      <SignUpForm firstAccount={firstAccount} />
    </>
  );
}
