import { describe, expect, it } from "vitest";
import type { SyncConfig } from "../sync-shapes/config";
import { summarizeChange, type ConfigurePreviewJson } from "./change-summary";

const config: SyncConfig = {
  tableName: "Airports",
  fieldSelection: "all",
  fields: [
    { column: "iata", type: "singleLineText" },
    { column: "name", type: "singleLineText" },
    { column: "Price", type: "singleLineText" },
  ],
  primaryKey: "iata",
  updateMethod: "auto",
  deletion: "delete",
  retentionDays: 30,
};
const run = { created: 0, updated: 0, deleted: 0, unchanged: 10, problemCount: 0, problemsByColumn: {} };
const preview = (over: Partial<ConfigurePreviewJson>): ConfigurePreviewJson => ({ dryRun: true, reapplies: true, rebuild: false, liveRecords: 3376, run, ...over });

describe("summarizeChange", () => {
  it("warns of a rebuild and asks for confirmation", () => {
    const s = summarizeChange(config, { ...config, primaryKey: "name" }, preview({ rebuild: true }));
    expect(s.lines).toContain("Primary key iata → name: the table is rebuilt, 3,376 records get new ids.");
    expect(s.needsConfirmation).toBe(true);
  });

  it("names a type change and the cells that will not parse", () => {
    const next = { ...config, fields: config.fields.map((f) => (f.column === "Price" ? { ...f, type: "currency" as const } : f)) };
    const s = summarizeChange(config, next, preview({ run: { ...run, updated: 40, problemCount: 12, problemsByColumn: { Price: 12 } } }));
    expect(s.lines).toEqual(["Type of Price singleLineText → currency: 12 cells will not parse.", "40 records will be updated."]);
    expect(s.needsConfirmation).toBe(false);
  });

  it("asks for confirmation when records would be deleted, and says when nothing changes", () => {
    expect(summarizeChange(config, config, preview({ run: { ...run, deleted: 2 } })).needsConfirmation).toBe(true);
    expect(summarizeChange(config, { ...config, tableName: "X" }, preview({ reapplies: false, run: null })).lines).toEqual(["No record changes."]);
  });
});
