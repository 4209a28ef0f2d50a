import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { parseCsv } from "./parse";
import { scanCsv } from "./scan";
import { splitLine } from "./rows";

// scanCsv must read every CSV exactly as parseCsv does: the same header, rows, counts and errors.
function both(text: string, limits = { maxRows: 10_000, maxColumns: 500 }) {
  const outcome = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (err) {
      return { error: err instanceof ApiError ? `${err.type}: ${err.message}` : String(err) };
    }
  };
  const parsed = outcome(() => parseCsv(text, limits));
  const scanned = outcome(() => {
    const s = scanCsv(text, limits);
    return { header: s.header, rows: Array.from({ length: s.rows.length }, (_, r) => s.rows.cells(r)), totalRows: s.totalRows, ignoredRows: s.ignoredRows };
  });
  return { parsed, scanned };
}

const cases = [
  "id,name\n1,Ada\n2,Bob\n",
  'id,note\r\n1,"a, b"\r\n2,"she said ""hi"""\r\n3,"line 1\r\nline 2"\r\n',
  "a,b,c\n1\n1,2,3,4,5\n",
  " id , Name \n1,2",
  "id,name\n",
  "\n\nid,name\n\n1,x\n , \n2,y",
  'id,v\n1,ab"c\n2,"x"y\n3,"a""\n',
  'id,v\n1,"unclosed\n2,x\n',
  'id,v\n1,"a" ,b\n2,""\n3,"",""\n',
  "id,v\r1,a\r2,b\r",
  "\ufeffid,v\n1,a",
  ",\n1,2",
  "",
  "  \n ",
  'id,v\n"1","2"\n"3",4,"5"\n',
];

describe("scanCsv", () => {
  it.each(cases.map((c) => [JSON.stringify(c), c]))("reads %s as parseCsv does", (_, text) => {
    const { parsed, scanned } = both(text);
    expect(scanned).toEqual(parsed);
  });

  it("keeps only the first maxRows rows and counts the rest", () => {
    const text = ["id", ...Array.from({ length: 30 }, (_, i) => `${i}`)].join("\n");
    const { parsed, scanned } = both(text, { maxRows: 25, maxColumns: 10 });
    expect(scanned).toEqual(parsed);
    expect(scanned.value).toMatchObject({ totalRows: 30, ignoredRows: 5 });
  });

  it("agrees with parseCsv on generated CSVs", () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', ",", "\n", '"a,b"', 'x"y', " ", "\r\n", '"q"'));
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(","));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom("\n", "\r\n"), (lines, eol) => {
        const { parsed, scanned } = both(["h1,h2,h3", ...lines].join(eol));
        expect(scanned).toEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with parseCsv on generated CSVs without quotes (read without the parser)", () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }).map((c) => c.replaceAll('"', "").replaceAll("\r", "")), fc.constantFrom("", " ", "\u00a0", "\ufeff", "\t", "é", "🙂"));
    const line = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(","));
    // Line ends LF, CRLF or mixed, with or without one at the end.
    const ended = fc.tuple(line, fc.constantFrom("\n", "\r\n")).map(([l, eol]) => l + eol);
    fc.assert(
      fc.property(fc.array(ended, { minLength: 1, maxLength: 8 }), fc.constantFrom("", "\n", "\r\n\r\n", " \n"), fc.boolean(), (lines, lead, cut) => {
        const body = lines.join("");
        const text = `${lead}h1,h2,h3\r\n${cut ? body.replace(/\r?\n$/, "") : body}`;
        const { parsed, scanned } = both(text);
        expect(scanned).toEqual(parsed);
        const limited = both(text, { maxRows: 2, maxColumns: 500 });
        expect(limited.scanned).toEqual(limited.parsed);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads one cell of a plain row without splitting it, the same as the cells", () => {
    const { rows } = scanCsv("a,b,c\n1,2,3\n4,,\n7\n");
    expect([0, 1, 2, 3].map((i) => rows.cell(0, i))).toEqual(["1", "2", "3", ""]);
    expect([0, 1, 2].map((i) => rows.cell(1, i))).toEqual(["4", "", ""]);
    expect([0, 1, 2].map((i) => rows.cell(2, i))).toEqual(["7", "", ""]);
  });
});

describe("splitLine", () => {
  it("splits what a CSV writer writes and refuses anything else", () => {
    expect(splitLine('a,"b,c","d""e",')).toEqual(["a", "b,c", 'd"e', ""]);
    expect(splitLine('"x\ny"')).toEqual(["x\ny"]);
    expect(splitLine('a"b,c')).toBeNull();
    expect(splitLine('"a"b,c')).toBeNull();
    expect(splitLine('"a')).toBeNull();
  });
});
