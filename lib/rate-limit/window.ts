import "server-only";
import { getPool } from "../db";

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// A sliding window shared by every server process: one row per counted event in Postgres.
// The advisory lock serialises deciders of one bucket, so 21 concurrent requests cannot all see 20.
export async function hitRateLimit(input: {
  bucket: string;
  limit: number;
  windowMs: number;
  now?: Date;
}): Promise<RateLimitResult> {
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - input.windowMs);
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 7))", [`rate:${input.bucket}`]);
    const { rows } = await client.query<{ count: string; oldest: Date | null }>(
      `SELECT count(*) AS count, min(at) AS oldest FROM rate_limit_events WHERE bucket = $1 AND at > $2`,
      [input.bucket, since],
    );
    const count = Number(rows[0].count);
    if (count >= input.limit) {
      await client.query("COMMIT");
      const oldest = rows[0].oldest ?? now;
      const retryAfterMs = oldest.getTime() + input.windowMs - now.getTime();
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    }
    await client.query(`INSERT INTO rate_limit_events (bucket, at) VALUES ($1, $2)`, [input.bucket, now]);
    // Keep the table small: events older than the window are never looked at again.
    await client.query(`DELETE FROM rate_limit_events WHERE bucket = $1 AND at <= $2`, [input.bucket, since]);
    await client.query("COMMIT");
    return { allowed: true };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
