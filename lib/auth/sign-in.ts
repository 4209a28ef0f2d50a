import "server-only";
import { db, getPool } from "../db";
import { hitRateLimit } from "../rate-limit/window";
import { verifyPassword } from "./passwords";

// Failed sign-ins are counted per account and per IP address in Postgres, so every server
// process sees the same counts. Successful sign-ins are not counted.
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMIT_PER_ACCOUNT = 10;
export const SIGN_IN_LIMIT_PER_IP = 50;

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "unknown-email" | "wrong-password" | "throttled"; message: string };

const accountBucket = (email: string) => `signin:account:${email}`;
const ipBucket = (ip: string) => `signin:ip:${ip}`;

async function blockedFor(bucket: string, limit: number, now: Date): Promise<number | null> {
  const { rows } = await getPool().query<{ count: string; oldest: Date | null }>(
    `SELECT count(*) AS count, min(at) AS oldest FROM rate_limit_events WHERE bucket = $1 AND at > $2`,
    [bucket, new Date(now.getTime() - SIGN_IN_WINDOW_MS)],
  );
  if (Number(rows[0].count) < limit) return null;
  const oldest = rows[0].oldest ?? now;
  return Math.max(1, Math.ceil((oldest.getTime() + SIGN_IN_WINDOW_MS - now.getTime()) / 1000));
}

function throttled(seconds: number): SignInResult {
  const minutes = Math.ceil(seconds / 60);
  return {
    ok: false,
    reason: "throttled",
    message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  };
}

async function recordFailure(email: string, ip: string, now: Date) {
  await hitRateLimit({ bucket: accountBucket(email), limit: SIGN_IN_LIMIT_PER_ACCOUNT, windowMs: SIGN_IN_WINDOW_MS, now });
  await hitRateLimit({ bucket: ipBucket(ip), limit: SIGN_IN_LIMIT_PER_IP, windowMs: SIGN_IN_WINDOW_MS, now });
}

// `email` must already be normalised (trimmed, lower-case).
export async function checkSignIn(input: { email: string; password: string; ip: string; now?: Date }): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const wait =
    (await blockedFor(accountBucket(input.email), SIGN_IN_LIMIT_PER_ACCOUNT, now)) ??
    (await blockedFor(ipBucket(input.ip), SIGN_IN_LIMIT_PER_IP, now));
  if (wait !== null) return throttled(wait);

  const user = await db.user.findUnique({ where: { email: input.email }, omit: { passwordHash: false } });
  if (!user) {
    await recordFailure(input.email, input.ip, now);
    return { ok: false, reason: "unknown-email", message: "There is no account with that email address." };
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    await recordFailure(input.email, input.ip, now);
    return { ok: false, reason: "wrong-password", message: "Wrong password. Check it and try again." };
  }
  return { ok: true, userId: user.id };
}

// The client address as the nearest proxy reports it. Without a proxy this header can be set by
// the client itself, so the per-account limit is the one that always holds.
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
