// insertRecords while another statement still runs on the transaction's connection (the Sync API
// sends the CSV's store that way): the rows are coerced ahead meanwhile, nothing is sent before the statement settles,
// and a failure of that statement fails the insert. Straight against the database, in a
// transaction that is rolled back.
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { newId } from "@/lib/ids";
import { insertRecords } from "@/lib/sync/engine/load";
import type { EncodedRow } from "@/lib/sync/engine/plan";
import { Tx } from "@/lib/data/tx";

const ROWS = 2_000;

// The plan's rows are coerced as they are taken; `taken` counts how far that has got.
function* plannedRows(taken: { count: number }): Generator<EncodedRow> {
  for (let i = 0; i < ROWS; i++) {
    taken.count++;
    yield { key: `k${i}`, cells: `{"1":"v${i}"}`, fingerprint: i };
  }
}

async function inTransaction(work: (client: Tx) => Promise<void>) {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const tx = new Tx(client);
    await work(tx);
    await tx.idle();
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

describe("insertRecords with a statement pending", () => {
  it("coerces every row while the statement runs, then inserts them all", async () => {
    await inTransaction(async (client) => {
      const tableId = newId("table");
      const taken = { count: 0 };
      let takenWhenSettled = -1;
      void client.send("SELECT pg_sleep(0.5)").then(() => {
        takenWhenSettled = taken.count;
      });
      expect(await insertRecords(client, { tableId, rows: plannedRows(taken), now: new Date() })).toBe(ROWS);
      expect(takenWhenSettled).toBe(ROWS);
      const { rows } = await client.query(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM records WHERE table_id = $1`, [tableId]);
      expect(rows[0]).toEqual({ n: ROWS, ids: ROWS });
    });
  });

  it("fails with the pending statement, sending nothing after it", async () => {
    await inTransaction(async (client) => {
      void client.send("SELECT 1 / 0");
      const taken = { count: 0 };
      await expect(insertRecords(client, { tableId: newId("table"), rows: plannedRows(taken), now: new Date() })).rejects.toThrow(/division by zero/);
    });
  });
});
