import { describe, expect, it } from "vitest";
import { redactRun, redactStatus } from "./redact";
import type { SyncRunJson, SyncStatusJson } from "../sync-shapes/json";

const run: SyncRunJson = {
  id: "runAAAAAAAAAAAAAA", trigger: "api", status: "applied", startedAt: "", finishedAt: "", durationMs: 1,
  rowsReceived: 1, rowsIgnored: 0, created: 1, updated: 0, deleted: 0, unchanged: 0, skipped: 0, problemCount: 1,
  problems: [{ row: 1, column: "Price", value: "abc", reason: "not a number" }], error: null,
};

const status = (fieldSelection: "all" | "specific" | null): SyncStatusJson => ({
  id: "s", baseId: "b", tableId: "t", name: "n", url: "u", status: fieldSelection ? "active" : "received",
  config: fieldSelection && {
    tableName: "T", fieldSelection, primaryKey: "SKU", updateMethod: "auto", deletion: "delete", retentionDays: 30,
    fields: [{ column: "SKU", type: "singleLineText" }, { column: "price", type: "number" }],
  },
  latestPayload: { id: "p", receivedAt: "", header: ["SKU", "Price", "Salary"], rowCount: 1, sampleRows: [["A", "abc", "secret"]] },
  suggestedFields: [{ column: "SKU", type: "singleLineText" }, { column: "Price", type: "number" }, { column: "Salary", type: "number" }],
  lastRun: run,
  lastAppliedAt: null,
});

describe("redactRun", () => {
  it("drops quoted values without data.records:read", () => {
    expect(redactRun(run, { readsRecords: false, configures: true }).problems).toEqual([{ row: 1, column: "Price", value: "", reason: "not a number" }]);
    expect(redactRun(run, { readsRecords: true, configures: false })).toBe(run);
  });
});

describe("redactStatus", () => {
  it("shows every column during setup and in all-fields mode, rows only to record readers", () => {
    for (const mode of [null, "all"] as const) {
      expect(redactStatus(status(mode), { readsRecords: true, configures: false }).latestPayload?.sampleRows).toEqual([["A", "abc", "secret"]]);
      const schemaOnly = redactStatus(status(mode), { readsRecords: false, configures: true });
      expect(schemaOnly.latestPayload).toMatchObject({ header: ["SKU", "Price", "Salary"], sampleRows: [] });
      expect(schemaOnly.lastRun?.problems[0].value).toBe("");
    }
  });

  it("never shows an ignored column's values after setup; only configurers see its name", () => {
    const configurer = redactStatus(status("specific"), { readsRecords: true, configures: true });
    expect(configurer.latestPayload).toMatchObject({ header: ["SKU", "Price", "Salary"], sampleRows: [["A", "abc", ""]] });
    const reader = redactStatus(status("specific"), { readsRecords: true, configures: false });
    expect(reader.latestPayload).toMatchObject({ header: ["SKU", "Price"], sampleRows: [["A", "abc"]] });
    expect(reader.suggestedFields?.map((s) => s.column)).toEqual(["SKU", "Price"]);
  });
});
