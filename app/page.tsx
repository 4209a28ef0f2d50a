import Link from "next/link";
import { AppShell } from "@/components/ui/app-shell";
import { LinkButton } from "@/components/ui/button";
import { BaseList } from "@/components/bases/base-list";
import { CreateBaseForm } from "@/components/bases/create-base-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listBasesForUser } from "@/lib/accounts/bases";
import { isSignUpOpen } from "@/lib/accounts/users";

// Home: the signed-in user's bases, or a short landing page.
export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) return <Landing signUpOpen={await isSignUpOpen()} />;
  const bases = await listBasesForUser(user.id);
  return (
    <AppShell user={user}>
      <main className="mx-auto max-w-6xl px-3 py-6 sm:px-6">
        <h1 className="text-2xl font-semibold">Bases</h1>
        <div className="mt-4">
          <CreateBaseForm />
        </div>
        <div className="mt-6">
          <BaseList bases={bases} />
        </div>
      </main>
    </AppShell>
  );
}

function Landing({ signUpOpen }: { signUpOpen: boolean }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center px-4 py-10">
      <h1 className="text-4xl font-semibold tracking-tight">Tablesync</h1>
      <p className="mt-4 text-lg text-gray-700">
        Send your data as CSV from any system; Tablesync keeps a typed table in step with it.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <LinkButton href="/sign-in">Sign in</LinkButton>
        {signUpOpen ? (
          <LinkButton href="/sign-up" variant="secondary">
            Create an account
          </LinkButton>
        ) : null}
      </div>
      <p className="mt-10 text-sm text-gray-500">
        Self-hosted. Your systems POST CSV with a{" "}
        <Link href="/sign-in?next=/tokens" className="underline">
          personal access token
        </Link>
        ; Tablesync creates, updates and deletes records to match.
      </p>
    </main>
  );
}
