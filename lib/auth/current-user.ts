import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getBaseRole } from "./permissions";
import { findSession, SESSION_COOKIE } from "./sessions";

// For pages (server components): who is signed in, from the session cookie.
export async function getCurrentUser() {
  const session = await findSession((await cookies()).get(SESSION_COOKIE)?.value);
  return session?.user ?? null;
}

export async function requireUser() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

// A base page for someone without a role there is a 404: it does not reveal that the base exists.
export async function requireBaseMember(baseId: string) {
  const user = await requireUser();
  const role = await getBaseRole(baseId, user.id);
  if (!role) notFound();
  return { user, role };
}
