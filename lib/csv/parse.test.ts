import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { decodeCsvBody } from "./decode";
import { parseCsv } from "./parse";
import { writeCsv } from "./write";

function csvError(run: () => unknown): ApiError {
  try {
    run();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an INVALID_CSV error");
}

const header = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);

describe("parseCsv: well-formed input", () => {
  it.each([
    ["LF", "id,name\n1,Ada\n2,Bob\n"],
    ["CRLF", "id,name\r\n1,Ada\r\n2,Bob\r\n"],
    ["no final newline", "id,name\n1,Ada\n2,Bob"],
    ["BOM", "\uFEFFid,name\n1,Ada\n2,Bob\n"],
    ["CRLF, then LF", "id,name\r\n1,Ada\n2,Bob\n"],
    ["LF, then CRLF", "id,name\n1,Ada\r\n2,Bob\r\n"],
    ["blank lines and comma-only lines", "\nid,name\n\n1,Ada\n,\n  ,  \n2,Bob\n\n"],
  ])("%s", (_, text) => {
    expect(parseCsv(text)).toEqual({ header: ["id", "name"], rows: [["1", "Ada"], ["2", "Bob"]], totalRows: 2, ignoredRows: 0 });
  });

  it("keeps quoted commas, doubled quotes and newlines inside a field", () => {
    const parsed = parseCsv('id,note\r\n1,"a, b"\r\n2,"she said ""hi"""\r\n3,"line 1\r\nline 2"\r\n');
    expect(parsed.rows).toEqual([["1", "a, b"], ["2", 'she said "hi"'], ["3", "line 1\nline 2"]]);
  });

  it("pads short rows and drops cells beyond the header", () => {
    expect(parseCsv("a,b,c\n1\n1,2,3,4,5\n").rows).toEqual([["1", "", ""], ["1", "2", "3"]]);
  });

  it("trims field names", () => {
    expect(parseCsv(" id , Name \n1,2").header).toEqual(["id", "Name"]);
  });

  it("accepts a header without rows", () => {
    expect(parseCsv("id,name\n")).toEqual({ header: ["id", "name"], rows: [], totalRows: 0, ignoredRows: 0 });
  });

  it("keeps the first 10,000 data rows and counts the rest", () => {
    const text = "id\n" + Array.from({ length: 10_001 }, (_, i) => String(i + 1)).join("\n");
    const parsed = parseCsv(text);
    expect(parsed.rows).toHaveLength(10_000);
    expect(parsed.rows[9_999]).toEqual(["10000"]);
    expect(parsed.totalRows).toBe(10_001);
    expect(parsed.ignoredRows).toBe(1);
  });

  it("keeps the first maxRows rows and takes up to maxColumns columns when the limits are raised or lowered", () => {
    const text = header(600).join(",") + "\n" + Array.from({ length: 30 }, (_, i) => String(i + 1)).join("\n");
    const parsed = parseCsv(text, { maxRows: 25, maxColumns: 600 });
    expect(parsed.header).toHaveLength(600);
    expect(parsed.rows).toHaveLength(25);
    expect(parsed.rows[24][0]).toBe("25");
    expect(parsed).toMatchObject({ totalRows: 30, ignoredRows: 5 });
    expect(csvError(() => parseCsv(header(1_201).join(","), { maxRows: 10, maxColumns: 1_200 })).message).toMatch(
      /1201 columns; at most 1,200 are supported/,
    );
  });

  it("accepts 500 columns", () => {
    const parsed = parseCsv(header(500).join(",") + "\n" + header(500).map(() => "x").join(","));
    expect(parsed.header).toHaveLength(500);
    expect(parsed.rows[0]).toHaveLength(500);
  });

  it("reads back what writeCsv writes", () => {
    const rows = [["1", 'a "quoted", value'], ["2", "multi\nline"], ["3", " spaced "], ["4", "=SUM(A1)"]];
    expect(parseCsv(writeCsv(["id", "text"], rows)).rows).toEqual(rows);
  });
});

describe("parseCsv: refused input (INVALID_CSV)", () => {
  it.each([
    ["empty body", "", /empty/],
    ["only whitespace", " \r\n \n", /empty/],
    ["BOM only", "\uFEFF", /empty/],
    ["501 columns", header(501).join(",") + "\n", /501 columns; at most 500/],
    ["an empty field name", "id,,name\n1,2,3", /empty field name \(column 2, after "id"\)/],
    ["a blank field name", "id,  \n1,2", /empty field name \(column 2/],
    ["a header of only commas", ",,\n1,2,3", /empty field name \(column 1\)/],
    ["a field name over 255 characters", `id,${"n".repeat(256)}\n1,2`, /at most 255 characters; column 2 \("n{40}…"\) has 256/],
    ["names differing only in case", "id,Name,NAME\n1,2,3", /"Name" \(column 2\) and "NAME" \(column 3\)/],
    ["an unclosed quote", 'id,note\n1,"never closed\n2,x', /not closed properly \(starting in CSV row 2/],
    ["text after a closing quote", 'id,note\n1,"x"y,3\n', /not closed properly/],
  ])("%s", (_, text, message) => {
    const err = csvError(() => parseCsv(text));
    expect(err.type).toBe("INVALID_CSV");
    expect(err.status).toBe(422);
    expect(err.message).toMatch(message);
  });
});

describe("decodeCsvBody", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);

  it("decodes UTF-8 and drops a BOM", () => {
    expect(decodeCsvBody(new TextEncoder().encode("id,nom\n1,Zoë"))).toBe("id,nom\n1,Zoë");
    expect(decodeCsvBody(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe("a");
  });

  it.each([
    ["a Latin-1 byte", bytes(0x61, 0xe9, 0x62)],
    ["a truncated sequence", bytes(0x61, 0xe2, 0x82)],
    ["an overlong encoding", bytes(0xc0, 0xaf)],
  ])("refuses %s", (_, input) => {
    const err = csvError(() => decodeCsvBody(input));
    expect(err.type).toBe("INVALID_CSV");
    expect(err.message).toBe("The request body is not valid UTF-8.");
  });

  it("refuses a NUL character and names its line", () => {
    const err = csvError(() => decodeCsvBody(new TextEncoder().encode("id,name\n1,a\u0000b\n")));
    expect(err.type).toBe("INVALID_CSV");
    expect(err.message).toBe("The request body contains a NUL character (byte 0) on line 2.");
  });
});
