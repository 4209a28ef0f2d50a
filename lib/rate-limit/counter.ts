import "server-only";
import { getPool } from "../db";
import type { RateLimitResult } from "./window";

// A per-second style limit shared by every server process, in one round trip to Postgres (the
// function hit_rate_counter, migration 20261202040000_read_rate_limit): cheap enough to run on
// every read request, unlike the event-row window the sync limit uses.
export async function hitRateCounter(input: { bucket: string; limit: number; windowMs: number }): Promise<RateLimitResult> {
  const { rows } = await getPool().query<{ wait: number }>("SELECT hit_rate_counter($1, $2, $3) AS wait", [input.bucket, input.limit, input.windowMs]);
  const wait = rows[0]?.wait ?? 0;
  return wait === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) };
}
