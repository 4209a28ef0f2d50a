// The lean-records migration on a database holding data in the earlier shape: cells keyed by
// field id in jsonb become JSON text keyed by slot, nothing visible is lost, and deleting a table
// still deletes its records (a trigger now, where the foreign key cascaded before).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../scripts/lib/test-database";

const MIGRATIONS = path.join(process.cwd(), "prisma", "migrations");
const LEAN = "20261128170000_lean_records";
const migrationSql = (name: string) => readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");

let database: TestDatabase;
let client: pg.Client;

// It needs a second database of its own: on the shared embedded server (TABLESYNC_EMBEDDED=1,
// when no PostgreSQL answers) there is none to make, and the run applied every migration anyway.
const ownDatabase = process.env.TABLESYNC_EMBEDDED !== "1";

beforeAll(async () => {
  if (!ownDatabase) return;
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  for (const name of readdirSync(MIGRATIONS).filter((n) => /^\d/.test(n)).sort()) {
    if (name === LEAN) break;
    await client.query(migrationSql(name));
  }
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe.runIf(ownDatabase)("migration lean_records", () => {
  it("rekeys cells by slot, keeps every visible value, and deletes records with their table", async () => {
    await client.query(`
      INSERT INTO bases (id, name) VALUES ('appMigration00001', 'B');
      INSERT INTO tables (id, base_id, name) VALUES ('tblMigration00001', 'appMigration00001', 'T'), ('tblMigration00002', 'appMigration00001', 'U');
      INSERT INTO fields (id, table_id, name, type, position, "column") VALUES
        ('fldSku0000000000A', 'tblMigration00001', 'SKU', 'singleLineText', 0, 'sku'),
        ('fldQty0000000000A', 'tblMigration00001', 'Qty', 'number', 1, 'qty'),
        ('fldNote000000000B', 'tblMigration00002', 'Note', 'singleLineText', 0, 'note');
      INSERT INTO records (id, table_id, key, cells, deleted_at) VALUES
        ('recMigration00001', 'tblMigration00001', 'A', '{"fldSku0000000000A": "A", "fldQty0000000000A": 2.5, "fldGone000000000A": "old"}', NULL),
        ('recMigration00002', 'tblMigration00001', 'B', '{"fldSku0000000000A": "B \\"quoted\\""}', now()),
        ('recMigration00003', 'tblMigration00002', 'N', '{"fldNote000000000B": "n"}', NULL);
    `);
    await client.query(migrationSql(LEAN));

    const fields = await client.query(`SELECT id, slot FROM fields ORDER BY table_id, slot`);
    expect(fields.rows).toEqual([
      { id: "fldSku0000000000A", slot: 1 },
      { id: "fldQty0000000000A", slot: 2 },
      { id: "fldNote000000000B", slot: 1 },
    ]);
    const tables = await client.query(`SELECT id, field_slots FROM tables ORDER BY id`);
    expect(tables.rows.map((t) => t.field_slots)).toEqual([2, 1]);
    const records = await client.query(`SELECT id, cells, fingerprint, deleted_at IS NOT NULL AS tombstone FROM records ORDER BY id`);
    expect(records.rows.map((r) => [r.id, JSON.parse(r.cells), r.fingerprint, r.tombstone])).toEqual([
      ["recMigration00001", { 1: "A", 2: 2.5 }, null, false],
      ["recMigration00002", { 1: 'B "quoted"' }, null, true],
      ["recMigration00003", { 1: "n" }, null, false],
    ]);

    await client.query(`DELETE FROM tables WHERE id = 'tblMigration00001'`);
    const left = await client.query(`SELECT id FROM records ORDER BY id`);
    expect(left.rows.map((r) => r.id)).toEqual(["recMigration00003"]);
    await client.query(`DELETE FROM bases WHERE id = 'appMigration00001'`);
    expect((await client.query(`SELECT count(*)::int AS n FROM records`)).rows[0].n).toBe(0);
  });
});
