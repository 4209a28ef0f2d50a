// The transaction's connection keeps its statements in one queue (lib/data/tx.ts): a statement
// sent without waiting runs while Node works, what is issued meanwhile waits for it, and its
// failure fails what follows without sending it. Straight against the database, in transactions
// that are rolled back.
import { describe, expect, it } from "vitest";
import { getPool } from "@/lib/db";
import { Tx } from "@/lib/data/tx";

async function inTransaction(work: (tx: Tx) => Promise<void>) {
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

describe("a transaction's statement queue", () => {
  it("runs a query issued while a sent statement is in flight after it, in order", async () => {
    await inTransaction(async (tx) => {
      await tx.query("CREATE TEMP TABLE queue_probe (n int) ON COMMIT DROP");
      void tx.send("INSERT INTO queue_probe SELECT 1 FROM pg_sleep(0.2)");
      void tx.send("INSERT INTO queue_probe VALUES (2)");
      expect(tx.busy).toBe(true);
      const { rows } = await tx.query<{ n: number }>("SELECT n FROM queue_probe ORDER BY n");
      expect(rows).toEqual([{ n: 1 }, { n: 2 }]);
      await tx.idle();
      expect(tx.busy).toBe(false);
    });
  });

  it("fails what follows a failed sent statement with its error, without sending it", async () => {
    await inTransaction(async (tx) => {
      const sent = tx.send("SELECT 1 / 0");
      await expect(tx.query("SELECT 1")).rejects.toThrow(/division by zero/);
      await expect(sent).rejects.toThrow(/division by zero/);
      // Not "current transaction is aborted": the second statement never reached the server.
      await expect(tx.query("SELECT 2")).rejects.toThrow(/division by zero/);
    });
  });
});
