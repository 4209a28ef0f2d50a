import "server-only";
import { getPool } from "../db";
import { env } from "../env";
import { ApiError, invalidRequest } from "../errors";

// `Idempotency-Key` on the Sync API: a retry with a key used on the same sync within 24 hours gets
// the first answer again (same status and body) and applies nothing. The key is claimed before
// the request is handled, so two requests with one key never both run: the second waits for the
// first to answer (503, retry) and then replays it. Answers that ask for a retry (429, 5xx) are
// not kept, so the retry really runs. A claim whose request died with its process is taken over
// once it is older than the longest a request can take.

const MAX_KEY_LENGTH = 255;
const KEEP_HOURS = 24;

export type IdempotentAnswer = { status: number; body: string };
export type Claim = { kind: "claimed"; key: string } | { kind: "replay"; answer: IdempotentAnswer };

export function idempotencyKeyOf(req: Request): string | null {
  const key = req.headers.get("idempotency-key");
  if (key === null) return null;
  if (key.trim() === "" || key.length > MAX_KEY_LENGTH) {
    throw invalidRequest(`Idempotency-Key: send 1 to ${MAX_KEY_LENGTH} characters`, "Idempotency-Key");
  }
  return key;
}

export async function claimIdempotencyKey(syncId: string, key: string): Promise<Claim> {
  const abandonedSeconds = Math.ceil((env.LOCK_TIMEOUT_MS + env.TRANSACTION_TIMEOUT_MS) / 1000) + 60;
  const pool = getPool();
  const claimed = await pool.query(
    `INSERT INTO sync_idempotency_keys AS k (sync_id, key, created_at) VALUES ($1, $2, now())
     ON CONFLICT (sync_id, key) DO UPDATE SET created_at = now(), status = NULL, body = NULL
      WHERE k.created_at < now() - make_interval(hours => ${KEEP_HOURS})
         OR (k.status IS NULL AND k.created_at < now() - make_interval(secs => $3))
     RETURNING 1`,
    [syncId, key, abandonedSeconds],
  );
  if (claimed.rowCount) {
    await pool.query(`DELETE FROM sync_idempotency_keys WHERE sync_id = $1 AND created_at < now() - make_interval(hours => ${KEEP_HOURS})`, [syncId]);
    return { kind: "claimed", key };
  }
  const { rows } = await pool.query<{ status: number | null; body: string | null }>(
    `SELECT status, body FROM sync_idempotency_keys WHERE sync_id = $1 AND key = $2`,
    [syncId, key],
  );
  const row = rows[0];
  if (!row) return claimIdempotencyKey(syncId, key); // its claimant gave it up meanwhile
  if (row.status === null || row.body === null) {
    throw new ApiError("RETRIABLE_ERROR", "A request with this Idempotency-Key is still being handled. Retry shortly to get its answer.", {
      retryAfterSeconds: 2,
    });
  }
  return { kind: "replay", answer: { status: row.status, body: row.body } };
}

// Keeps the first answer for replays, or gives the key up when the answer asks for a retry.
export async function settleIdempotencyKey(syncId: string, key: string, answer: IdempotentAnswer): Promise<void> {
  if (answer.status === 429 || answer.status >= 500) {
    await getPool().query(`DELETE FROM sync_idempotency_keys WHERE sync_id = $1 AND key = $2`, [syncId, key]);
    return;
  }
  await getPool().query(`UPDATE sync_idempotency_keys SET status = $3, body = $4 WHERE sync_id = $1 AND key = $2`, [syncId, key, answer.status, answer.body]);
}
