import { AppShell } from "@/components/ui/app-shell";
import { requireUser } from "@/lib/auth/current-user";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
