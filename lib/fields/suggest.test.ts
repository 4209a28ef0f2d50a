import { describe, expect, it } from "vitest";
import { suggestFieldTypes } from "./suggest";
import type { FieldOptions, FieldType } from "./types";

const suggestOne = (values: string[]) => {
  const [s] = suggestFieldTypes(["col"], values.map((v) => [v]));
  return { type: s.type, options: s.options };
};

describe("suggestFieldTypes", () => {
  it.each([
    ["integers", ["1", "22", "-3", ""], "number", { precision: 0 }],
    ["decimals: precision from the sample", ["1.5", "2.25", "1,234"], "number", { precision: 2 }],
    ["exponents", ["1e3", "2.5e1"], "number", { precision: 0 }],
    ["zip codes with leading zeros", ["00501", "10001", "90210"], "singleLineText", undefined],
    ["ids with a leading zero", ["0123", "4"], "singleLineText", undefined],
    ["zero and fractions are numbers", ["0", "0.5", "10"], "number", { precision: 1 }],
    ["percent signs", ["45%", "12.5%", "-3 %"], "percent", { precision: 1 }],
    ["some without a percent sign", ["45%", "12"], "percent", { precision: 0 }],
    ["a percent sign on text", ["45%", "n/a"], "singleLineText", undefined],
    ["dollars", ["$1,234.50", "-$3", "$0.5"], "currency", { symbol: "$", precision: 2 }],
    ["euros after the amount", ["1.234 €", "5 €"], "currency", { symbol: "€", precision: 3 }],
    ["whole dollars", ["$1,200", "$300"], "currency", { symbol: "$", precision: 0 }],
    ["currency with some bare numbers", ["$5.00", "7", "(2.50)"], "currency", { symbol: "$", precision: 2 }],
    ["letters are not a currency", ["5 kg", "7 kg"], "singleLineText", undefined],
    ["ISO dates", ["2025-03-14", "2024-12-31T10:00:00Z"], "date", { dateFormat: "iso" }],
    ["US dates", ["3/14/2025", "12/1/2024"], "date", { dateFormat: "us" }],
    ["European dates (a first part over 12)", ["3/4/2025", "14/3/2025"], "date", { dateFormat: "european" }],
    ["US and ISO dates mixed", ["3/14/2025", "2025-03-15"], "date", { dateFormat: "us" }],
    ["impossible dates", ["2025-02-30", "2025-03-01"], "singleLineText", undefined],
    ["neither US nor European", ["13/13/2025"], "singleLineText", undefined],
    ["emails", ["ada@example.com", "bob@example.org"], "email", undefined],
    ["URLs", ["https://example.com", "www.example.org/x"], "url", undefined],
    ["file names are not URLs", ["report.pdf", "notes.txt"], "singleLineText", undefined],
    ["phone numbers", ["+1 (555) 123-4567", "555-123-4567 x12"], "phoneNumber", undefined],
    ["digits-only phones read as numbers", ["5551234567", "5559876543"], "number", { precision: 0 }],
    ["a value with a newline", ["short", "two\nlines"], "multilineText", undefined],
    ["prose over 100 characters", ["short", "word ".repeat(21)], "multilineText", undefined],
    ["100 characters stay single-line", ["short", "x".repeat(100)], "singleLineText", undefined],
    ["mixed values", ["1", "two", "2025-01-01"], "singleLineText", undefined],
    ["h:mm durations", ["1:30", "0:45", "12:05", ""], "duration", { durationFormat: "h:mm" }],
    ["h:mm:ss durations", ["1:30:15", "0:45", "100:00:00"], "duration", { durationFormat: "h:mm:ss" }],
    ["durations with tenths", ["1:30:15.5", "0:00:01"], "duration", { durationFormat: "h:mm:ss.S" }],
    ["negative durations", ["-0:30", "1:00"], "duration", { durationFormat: "h:mm" }],
    ["minutes over 59 are not durations", ["1:75", "2:00"], "singleLineText", undefined],
    ["clock values among text", ["1:30", "soon"], "singleLineText", undefined],
    ["an empty column", ["", "  "], "singleLineText", undefined],
  ] as [string, string[], FieldType, FieldOptions | undefined][])("%s → %s", (_, values, type, options) => {
    expect(suggestOne(values)).toEqual({ type, options });
  });

  it("suggests per column, in header order, skipping empty cells", () => {
    const header = ["id", "email", "price", "joined"];
    const rows = [
      ["00501", "a@example.com", "$5", "1/2/2025"],
      ["00502", "", "$7.25", ""],
      ["00503", "b@example.com", "", "1/31/2025"],
    ];
    expect(suggestFieldTypes(header, rows)).toEqual([
      { column: "id", type: "singleLineText" },
      { column: "email", type: "email" },
      { column: "price", type: "currency", options: { symbol: "$", precision: 2 } },
      { column: "joined", type: "date", options: { dateFormat: "us" } },
    ]);
  });

  it("caps precision at 8", () => {
    expect(suggestOne(["0.1234567890123"])).toEqual({ type: "number", options: { precision: 8 } });
  });
});
