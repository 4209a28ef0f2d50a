import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { FIELD_TYPE_MODULES } from "../../fields/registry";
import { fingerprintLine, fingerprintRow, fingerprintSeed } from "./fingerprint";

const fields = [
  { slot: 1, type: "singleLineText" as const, options: {} },
  { slot: 2, type: "currency" as const, options: { symbol: "$", precision: 2 } },
  { slot: 3, type: "date" as const, options: { dateFormat: "iso" as const } },
];
const textOnly = [fields[0]];

describe("fingerprintSeed", () => {
  afterEach(() => {
    FIELD_TYPE_MODULES.currency.coercionVersion = 1;
  });

  // Values computed by the seed of one global COERCION_VERSION = 1: fingerprints stored by it stay valid.
  it("is what it was before coercion versions were per type", () => {
    const seed = fingerprintSeed(fields);
    expect(seed).toEqual([833129868, 1415033952]);
    expect(fingerprintRow(seed, ["a", "$1.00", "2025-01-02"], [0, 1, 2])).toBe(4444687198587261);
  });

  it("changes with one type's coercion version only for tables that have that type", () => {
    const before = { all: fingerprintSeed(fields), text: fingerprintSeed(textOnly) };
    FIELD_TYPE_MODULES.currency.coercionVersion = 2;
    expect(fingerprintSeed(fields)).not.toEqual(before.all);
    expect(fingerprintSeed(textOnly)).toEqual(before.text);
  });

  it("depends on slot, type and options", () => {
    const seed = fingerprintSeed(fields);
    expect(fingerprintSeed([{ ...fields[0], slot: 4 }, fields[1], fields[2]])).not.toEqual(seed);
    expect(fingerprintSeed([{ ...fields[0], type: "email" }, fields[1], fields[2]])).not.toEqual(seed);
    expect(fingerprintSeed([fields[0], { ...fields[1], options: { symbol: "€", precision: 2 } }, fields[2]])).not.toEqual(seed);
  });
});

describe("fingerprintLine", () => {
  it("is fingerprintRow of the row's cells", () => {
    const seed = fingerprintSeed([{ slot: 1, type: "singleLineText", options: {} }]);
    const width = 4;
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 5 }).map((s) => s.replace(/[,"\n]/g, "")), { minLength: 1, maxLength: 7 }), fc.array(fc.nat(5), { maxLength: 5 }), (cells, indexes) => {
        const line = cells.join(",");
        const text = `x\n${line}\ny,z`;
        const row = [...cells];
        if (row.length > width) row.length = width;
        while (row.length < width) row.push("");
        expect(fingerprintLine(seed, text, 2, 2 + line.length, indexes, width)).toBe(fingerprintRow(seed, row, indexes));
      }),
    );
  });
});
