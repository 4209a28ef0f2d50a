import "server-only";
import { readAllFields } from "../data/fields";
import type { Queryable } from "../data/tx";
import { getPool } from "../db";
import { fieldTypeSchema } from "../fields/registry";
import { fieldOptionsSchema } from "../fields/types";
import type { TableField } from "./types";

// The table's fields, synced and own, in their order, primary field first; a field whose stored type
// or options this version cannot read is left out or read without options.
// `q`: a transaction's connection when the caller holds one (on the embedded database a query on
// another connection would wait for that transaction).
export async function loadTableFields(table: { id: string; primaryFieldId: string | null }, q: Queryable = getPool()): Promise<TableField[]> {
  const rows = await readAllFields(q, table.id);
  const fields = rows.flatMap((row) => {
    const type = fieldTypeSchema.safeParse(row.type);
    if (!type.success) return [];
    const options = fieldOptionsSchema.safeParse(row.options ?? {});
    const field: TableField = {
      id: row.id,
      name: row.name,
      column: row.column,
      type: type.data,
      options: options.success ? options.data : {},
      slot: row.slot,
      origin: row.origin === "own" ? "own" : "sync",
    };
    return [field];
  });
  const primary = fields.findIndex((f) => f.id === table.primaryFieldId);
  if (primary > 0) fields.unshift(...fields.splice(primary, 1));
  return fields;
}
