import "server-only";
import { RECORDS_READ, authorizeBase, type Principal } from "../auth/permissions";
import { env } from "../env";
import { ApiError, notFound } from "../errors";
import { hitRateCounter } from "../rate-limit/counter";
import { findTable } from "../tables/resolve";
import { boundedRead } from "./bounded-read";
import { storedCellsByFieldId } from "./cells";
import { loadTableFields } from "./fields";
import type { RecordRow, TableField } from "./types";

// The start of every call of the Airtable-compatible read API: may this principal read the base,
// is the base within its rate limit (counted only once the base is known to be the caller's, so
// nobody can use up another's allowance), and which table is meant.
export async function openTableForApiRead(principal: Principal, baseId: string, tableIdOrName: string) {
  await authorizeBase(principal, baseId, RECORDS_READ);
  await countReadRequest(baseId);
  const table = await findTable(baseId, safeDecode(tableIdOrName));
  if (!table) throw notFound(`Could not find table ${tableIdOrName} in this base.`);
  const fields = await loadTableFields(table);
  return { table, fields };
}

// Airtable: 5 requests per second per base, then 429. Shared by every server process.
export async function countReadRequest(baseId: string): Promise<void> {
  const limit = env.READ_RATE_LIMIT_PER_SECOND;
  const result = await hitRateCounter({ bucket: `read:${baseId}`, limit, windowMs: 1000 });
  if (!result.allowed) {
    throw new ApiError("RATE_LIMIT_REACHED", `Rate limit reached: at most ${limit} read requests per second for a base. Try again in ${result.retryAfterSeconds} second${result.retryAfterSeconds === 1 ? "" : "s"}.`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

// One live record by id. Record ids are not indexed on their own (see lib/records/sql.ts); within
// one table of at most 10,000 records this reads the table's rows once, a few ms.
export async function findRecord(tableId: string, recordId: string, fields: TableField[], signal?: AbortSignal): Promise<RecordRow | null> {
  if (!/^rec[A-Za-z0-9]{14}$/.test(recordId)) return null;
  const { rows } = await boundedRead<{ id: string; key: string; created_at: Date; cells: string; own_cells: string | null }>(
    { text: "SELECT id, key, created_at, cells, own_cells FROM records WHERE table_id = $1 AND id = $2 AND deleted_at IS NULL", values: [tableId, recordId] },
    signal,
  );
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, key: row.key, createdTime: row.created_at.toISOString(), cells: storedCellsByFieldId(row.cells, row.own_cells, fields) };
}

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
