import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata = { title: "Sign out · Tablesync" };

// Visiting /sign-out only asks: a GET never changes state.
export default async function SignOutPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return (
    <>
      <h1 className="mb-2 text-lg font-semibold">Sign out</h1>
      <p className="mb-4 text-sm text-gray-700">You are signed in as {user.email}.</p>
      <SignOutButton className="w-full border border-gray-300" />
    </>
  );
}
