import { describe, expect, it } from "vitest";
import { escapeCopy } from "./engine/copy-format";
import { sampleCsvRows } from "./sample";

describe("sampleCsvRows", () => {
  it("returns the first data rows, blank lines skipped, ragged rows padded or cut to the header", () => {
    const body = 'a,b,c\r\n1,"x\ny",3\r\n\r\n,,\r\n4\r\n5,6,7,8\r\n9,9,9\r\n';
    expect(sampleCsvRows(body, 3, 3)).toEqual([
      ["1", "x\ny", "3"],
      ["4", "", ""],
      ["5", "6", "7"],
    ]);
    expect(sampleCsvRows("a,b\n", 2, 20)).toEqual([]);
  });
});

describe("escapeCopy", () => {
  it.each([
    ["plain", "plain"],
    ["a\\b", "a\\\\b"],
    ["tab\there", "tab\\there"],
    ["line\nbreak\r\n", "line\\nbreak\\r\\n"],
    ['{"k":"say \\"hi\\""}', '{"k":"say \\\\"hi\\\\""}'],
  ])("%j → %j", (input, expected) => {
    expect(escapeCopy(input)).toBe(expected);
  });
});
