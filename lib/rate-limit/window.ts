import "server-only";
import { getPool, inTransaction } from "../db";

// `remaining`: events the window still allows after this one; `resetSeconds`: until the oldest
// counted event leaves the window (0 when none is counted).
export type RateLimitState = { limit: number; remaining: number; resetSeconds: number };
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type WindowResult = RateLimitState & RateLimitResult;

// A sliding window shared by every server process: one row per counted event in Postgres.
// The advisory lock serialises deciders of one bucket, so 21 concurrent requests cannot all see 20.
export async function hitRateLimit(input: {
  bucket: string;
  limit: number;
  windowMs: number;
  now?: Date;
}): Promise<WindowResult> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - input.windowMs);
  return inTransaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 7))", [`rate:${input.bucket}`]);
    const { rows } = await client.query<{ count: string; oldest: Date | null }>(
      `SELECT count(*) AS count, min(at) AS oldest FROM rate_limit_events WHERE bucket = $1 AND at > $2`,
      [input.bucket, since],
    );
    const count = Number(rows[0].count);
    const oldest = rows[0].oldest ?? now;
    const resetSeconds = Math.max(1, Math.ceil((oldest.getTime() + input.windowMs - now.getTime()) / 1000));
    if (count >= input.limit) {
      return { allowed: false, retryAfterSeconds: resetSeconds, limit: input.limit, remaining: 0, resetSeconds };
    }
    await client.query(`INSERT INTO rate_limit_events (bucket, at) VALUES ($1, $2)`, [input.bucket, now]);
    // Keep the table small: events older than the window are never looked at again.
    await client.query(`DELETE FROM rate_limit_events WHERE bucket = $1 AND at <= $2`, [input.bucket, since]);
    return { allowed: true, limit: input.limit, remaining: input.limit - count - 1, resetSeconds };
  });
}

// The window as it stands, without counting anything (for answers that do not count).
export async function peekRateLimit(input: { bucket: string; limit: number; windowMs: number; now?: Date }): Promise<RateLimitState> {
  const now = input.now ?? new Date();
  const { rows } = await getPool().query<{ count: string; oldest: Date | null }>(
    `SELECT count(*) AS count, min(at) AS oldest FROM rate_limit_events WHERE bucket = $1 AND at > $2`,
    [input.bucket, new Date(now.getTime() - input.windowMs)],
  );
  const count = Number(rows[0].count);
  const oldest = rows[0].oldest;
  const resetSeconds = oldest ? Math.max(1, Math.ceil((oldest.getTime() + input.windowMs - now.getTime()) / 1000)) : 0;
  return { limit: input.limit, remaining: Math.max(0, input.limit - count), resetSeconds };
}
