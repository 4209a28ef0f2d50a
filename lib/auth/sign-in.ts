import "server-only";
import { db, getPool, inTransaction } from "../db";
import { hashPassword, verifyPassword } from "./passwords";

// Sign-in throttling, in Postgres so every server process sees the same counts (OWASP's
// authentication cheat sheet: lock per account *and* address, slow down per account):
// - per (account, address): 10 failures in 15 minutes refuse further tries from that address
//   for that account; the right password from elsewhere still works;
// - per address: 50 failures in 15 minutes across accounts refuse that address;
// - per account, from anywhere: past 10 failures each attempt waits before its answer (0.5 s,
//   doubling, at most 10 s), so guessing from many addresses slows down without locking the
//   owner out.
// Checking the limits and counting the attempt are one step (a transaction under advisory locks
// of the buckets); an attempt counts until its password proves right, so parallel guesses
// cannot all pass the check before any is counted.
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS = 10;
export const SIGN_IN_LIMIT_PER_ADDRESS = 50;
export const SIGN_IN_SLOWDOWN_AFTER = 10;
const SLOWDOWN_FIRST_MS = 500;
const SLOWDOWN_MAX_MS = 10_000;

export const INVALID_CREDENTIALS = "Wrong email or password.";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid-credentials" | "throttled"; message: string };

type Claim = { ok: true; eventIds: string[]; accountFailures: number } | { ok: false; retryAfterSeconds: number };

const buckets = (email: string, ip: string) => ({
  pair: `signin:pair:${ip}|${email}`,
  address: `signin:ip:${ip}`,
  account: `signin:account:${email}`,
});

export function slowdownMs(accountFailures: number): number {
  if (accountFailures < SIGN_IN_SLOWDOWN_AFTER) return 0;
  return Math.min(SLOWDOWN_MAX_MS, SLOWDOWN_FIRST_MS * 2 ** (accountFailures - SIGN_IN_SLOWDOWN_AFTER));
}

async function claimAttempt(email: string, ip: string, now: Date): Promise<Claim> {
  const b = buckets(email, ip);
  const all = [b.pair, b.address, b.account];
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  return inTransaction(async (client) => {
    // One statement takes the locks in a fixed order, so two attempts never deadlock.
    await client.query(
      `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended('rate:' || k, 7) AS h FROM unnest($1::text[]) k) x ORDER BY h`,
      [[b.pair, b.address]],
    );
    const { rows } = await client.query<{ bucket: string; count: number; oldest: Date }>(
      `SELECT bucket, count(*)::int AS count, min(at) AS oldest FROM rate_limit_events
        WHERE bucket = ANY($1::text[]) AND at > $2 GROUP BY bucket`,
      [all, since],
    );
    const seen = new Map(rows.map((r) => [r.bucket, r]));
    const over = [
      [b.pair, SIGN_IN_LIMIT_PER_ACCOUNT_AND_ADDRESS],
      [b.address, SIGN_IN_LIMIT_PER_ADDRESS],
    ] as const;
    for (const [bucket, limit] of over) {
      const row = seen.get(bucket);
      if (row && row.count >= limit) {
        const retryAfterMs = row.oldest.getTime() + SIGN_IN_WINDOW_MS - now.getTime();
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
      }
    }
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO rate_limit_events (bucket, at) SELECT k, $2 FROM unnest($1::text[]) k RETURNING id::text`,
      [all, now],
    );
    await client.query(`DELETE FROM rate_limit_events WHERE bucket = ANY($1::text[]) AND at <= $2`, [all, since]);
    return { ok: true, eventIds: inserted.rows.map((r) => r.id), accountFailures: seen.get(b.account)?.count ?? 0 };
  });
}

function throttled(seconds: number): SignInResult {
  const minutes = Math.ceil(seconds / 60);
  return {
    ok: false,
    reason: "throttled",
    message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  };
}

// An unknown email costs the same scrypt work as a wrong password, so timing tells nothing either.
let dummyHash: Promise<string> | undefined;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// `email` must already be normalised (trimmed, lower-case); `ip` from lib/http/client-address.ts.
export async function checkSignIn(input: {
  email: string;
  password: string;
  ip: string;
  now?: Date;
  wait?: (ms: number) => Promise<void>;
}): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const claim = await claimAttempt(input.email, input.ip, now);
  if (!claim.ok) return throttled(claim.retryAfterSeconds);
  const delay = slowdownMs(claim.accountFailures);
  if (delay > 0) await (input.wait ?? sleep)(delay);

  const user = await db.user.findUnique({ where: { email: input.email }, omit: { passwordHash: false } });
  dummyHash ??= hashPassword("not a password of anyone");
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash));
  if (!user || !valid) return { ok: false, reason: "invalid-credentials", message: INVALID_CREDENTIALS };
  // A right password is not a failure: take its counts back.
  await getPool().query(`DELETE FROM rate_limit_events WHERE id = ANY($1::bigint[])`, [claim.eventIds]);
  return { ok: true, userId: user.id };
}
