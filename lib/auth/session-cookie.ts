import "server-only";
import { cookies, headers } from "next/headers";
import { env } from "../env";
import { createSession, deleteSession, SESSION_COOKIE } from "./sessions";

// The session cookie: httpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
// POSTs), Secure whenever the app is served over HTTPS. The value is random; the database keeps
// its hash, so every server process shares sessions.
async function isHttps(): Promise<boolean> {
  const proto = (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim();
  return proto === "https" || (env.PUBLIC_URL?.startsWith("https:") ?? false);
}

export async function startSession(userId: string): Promise<void> {
  const { value, expiresAt } = await createSession(userId);
  (await cookies()).set(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    expires: expiresAt,
  });
}

export async function endSession(): Promise<void> {
  const jar = await cookies();
  const value = jar.get(SESSION_COOKIE)?.value;
  if (value) await deleteSession(value);
  jar.delete(SESSION_COOKIE);
}
