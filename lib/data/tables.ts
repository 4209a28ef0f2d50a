import "server-only";
import type { Queryable } from "./tx";

// The `tables` rows a sync writes, on its table-locked transaction's connection (raw SQL: Prisma
// cannot join that transaction). The pages read tables with Prisma (lib/tables/resolve.ts).

// How many cell slots the table has given out (0 before its first configuration).
export async function readSlotsUsed(q: Queryable, tableId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT field_slots AS n FROM tables WHERE id = $1`, [tableId]);
  return rows[0]?.n ?? 0;
}

export async function recordSlotsUsed(q: Queryable, tableId: string, fields: { slot: number }[]): Promise<void> {
  const highest = fields.reduce((max, f) => Math.max(max, f.slot), 0);
  await q.query(`UPDATE tables SET field_slots = greatest(field_slots, $2::int) WHERE id = $1`, [tableId, highest]);
}

// Whether another table of the base already has this name (case-insensitively).
export async function tableNameTaken(q: Queryable, input: { baseId: string; tableId: string; name: string }): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM tables WHERE base_id = $1 AND lower(name) = lower($2) AND id <> $3`, [
    input.baseId,
    input.name,
    input.tableId,
  ]);
  return rows.length > 0;
}

export async function insertTable(q: Queryable, input: { id: string; baseId: string; name: string }): Promise<void> {
  await q.query(`INSERT INTO tables (id, base_id, name) VALUES ($1, $2, $3)`, [input.id, input.baseId, input.name]);
}

export async function updateTable(q: Queryable, input: { id: string; name: string; primaryFieldId: string | null }): Promise<void> {
  await q.query(`UPDATE tables SET name = $2, primary_field_id = $3 WHERE id = $1`, [input.id, input.name, input.primaryFieldId]);
}

// Fields cascade; records go with the table's trigger.
export async function deleteTable(q: Queryable, input: { id: string; baseId: string }): Promise<void> {
  await q.query(`DELETE FROM tables WHERE id = $1 AND base_id = $2`, [input.id, input.baseId]);
}
