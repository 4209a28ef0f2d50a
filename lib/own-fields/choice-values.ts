import "server-only";
import type { TableField } from "../records/types";
import type { Tx } from "../sync/engine/transaction";

// Renames (old name → new name) or removes (→ null) select choices in every record's own cells,
// in one statement.
export async function renameChoiceValues(tx: Tx, input: { tableId: string; field: TableField; renames: Record<string, string | null> }) {
  const { tableId, field, renames } = input;
  const slot = String(field.slot);
  const next =
    field.type === "singleSelect"
      ? `CASE WHEN $3::jsonb ? (o.cells ->> $2::text) THEN $3::jsonb -> (o.cells ->> $2::text) ELSE o.cells -> $2::text END`
      : `(SELECT jsonb_agg(CASE WHEN $3::jsonb ? n THEN $3::jsonb ->> n ELSE n END ORDER BY i)
            FROM jsonb_array_elements_text(o.cells -> $2::text) WITH ORDINALITY AS a(n, i)
           WHERE NOT ($3::jsonb ? n AND jsonb_typeof($3::jsonb -> n) = 'null'))`;
  await tx.query(
    `UPDATE records r
        SET own_cells = (
          SELECT nullif((CASE WHEN v.value IS NULL OR v.value = 'null'::jsonb THEN o.cells - $2::text
                              ELSE jsonb_set(o.cells, ARRAY[$2::text], v.value) END)::text, '{}')
            FROM (SELECT r.own_cells::jsonb AS cells) o CROSS JOIN LATERAL (SELECT ${next} AS value) v)
      WHERE r.table_id = $1 AND r.own_cells IS NOT NULL AND r.own_cells::jsonb ? $2::text`,
    [tableId, slot, JSON.stringify(renames)],
  );
}
