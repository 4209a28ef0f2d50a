import { describe, expect, it } from "vitest";
import { compileFilter, evaluateFormula, FormulaError, formulaToSql, matchesFormula, type EvalRecord, type FormulaField } from "./index";
import { parseFormula } from "./parser";

const field = (name: string, type: FormulaField["type"], slot: number): FormulaField => ({ id: `fld${name.padEnd(14, "0")}`, name, type, slot });
const FIELDS = [field("Name", "singleLineText", 1), field("Price", "currency", 2), field("Qty", "number", 3), field("Due", "date", 4), field("Notes", "multilineText", 5), field("Share", "percent", 6), field("Unit Price", "currency", 7)];
const id = (name: string) => FIELDS.find((f) => f.name === name)!.id;
const NOW = Date.parse("2026-11-28T15:30:00.000Z");

const record = (cells: Record<string, string | number>): EvalRecord => ({
  id: "recAAAAAAAAAAAAAA",
  createdTime: Date.parse("2026-11-01T10:00:00.000Z"),
  cells: Object.fromEntries(Object.entries(cells).map(([name, value]) => [id(name), value])),
});
const FULL = record({ Name: "Apple Pie", Price: 1234.5, Qty: 3, Due: "2026-12-24", Notes: "  fresh, warm  ", Share: 0.45, "Unit Price": 2.5 });
const EMPTY = record({});
const value = (formula: string, rec = FULL) => evaluateFormula(compileFilter(formula, FIELDS), rec, NOW);
const matches = (formula: string, rec = FULL) => matchesFormula(compileFilter(formula, FIELDS), rec, NOW);
const errorOf = (formula: string) => {
  try {
    compileFilter(formula, FIELDS);
  } catch (err) {
    if (err instanceof FormulaError) return { message: err.message, position: err.position };
    throw err;
  }
  throw new Error(`no error for ${formula}`);
};

describe("parser: precedence and associativity", () => {
  it.each([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["10 - 4 - 3", 3],
    ["24 / 4 / 2", 3],
    ["-2 * 3", -6],
    ["- -2", 2],
    ["2 * -3 + 1", -5],
    ["1 + 2 & 3", "33"],
    ["1 & 2 + 3", "15"],
    ["1 + 1 = 2", true],
    ["'a' & 'b' = 'ab'", true],
    ["2 * 3 > 5", true],
    ["1 < 2 = TRUE()", true],
    ["1 <> 2", true],
    ["3 >= 3", true],
    ["3 <= 2", false],
  ])("%s = %j", (formula, expected) => expect(value(formula)).toEqual(expected));

  it("keeps positions on nodes", () => {
    const node = parseFormula("{Qty} +  2");
    expect(node).toMatchObject({ kind: "binary", op: "+", pos: 6, left: { kind: "field", pos: 0 }, right: { kind: "number", pos: 9 } });
  });

  it("reads strings with either quote and escapes, numbers with exponents", () => {
    expect(value(`"it's" & 'say "hi"' & "\\"" & 'a\\'b'`)).toBe(`it'ssay "hi""a'b`);
    expect(value("1.5e2 + .5")).toBe(150.5);
  });
});

describe("field references", () => {
  it.each([
    ["{Name}", "Apple Pie"],
    ["Name", "Apple Pie"],
    ["{name}", "Apple Pie"],
    ["{Unit Price} * 2", 5],
    ["{Share}", 0.45],
    ["{Due} & ''", "2026-12-24"],
  ])("%s → %j", (formula, expected) => expect(value(formula)).toEqual(expected));
});

describe("empty cells", () => {
  it.each([
    ["{Qty} = 0", true],
    ["{Qty} + 1", 1],
    ["{Qty} < 1", true],
    ["{Name} = ''", true],
    ["{Name} = BLANK()", true],
    ["{Qty} = BLANK()", true],
    ["{Due} = BLANK()", true],
    ["{Due} != BLANK()", false],
    ["LEN({Name})", 0],
    ["{Name} & 'x'", "x"],
    ["{Qty} & 'x'", "x"],
    ["IS_BEFORE({Due}, '2030-01-01')", false],
    ["IS_AFTER({Due}, '2000-01-01')", false],
    ["{Due} < '2030-01-01'", false],
    ["DATETIME_DIFF({Due}, '2026-01-01', 'days')", null],
    ["DATESTR({Due})", null],
    ["IF({Name}, 'yes', 'no')", "no"],
    ["IF({Due}, 'yes', 'no')", "no"],
  ])("%s on an empty record → %j", (formula, expected) => expect(value(formula, EMPTY)).toEqual(expected));

  it("a filter keeps a record when the value is truthy", () => {
    expect(matches("{Name}", EMPTY)).toBe(false);
    expect(matches("{Name}")).toBe(true);
    expect(matches("{Qty}", EMPTY)).toBe(false);
    expect(matches("{Qty} - 3")).toBe(false);
    expect(matches("BLANK()")).toBe(false);
    expect(matches("{Due}")).toBe(true);
    expect(matches("1/0")).toBe(false);
  });
});

describe("numbers and text", () => {
  it.each([
    ["{Price} = 1234.5", true],
    ["{Price} = '1234.5'", true],
    ["{Qty} > '2'", true],
    ["'10' + 5", 15],
    ["'$1,000' * 1", 1000],
    ["'abc' + 1", 1],
    ["TRUE() + TRUE()", 2],
    ["'b' > 'a'", true],
    ["'B' < 'a'", true],
    ["'apple' = 'Apple'", false],
    ["0.1 + 0.2 = 0.3", false],
    ["7 / 2", 3.5],
    ["1 / 0", null],
    ["1 / 0 & ''", ""],
  ])("%s → %j", (formula, expected) => expect(value(formula)).toEqual(expected));
});

describe("every function", () => {
  it.each([
    ["AND(1, 'x', TRUE())", true],
    ["AND({Qty}, {Name} = 'Pear')", false],
    ["OR(0, '', {Qty} = 3)", true],
    ["OR(FALSE(), BLANK())", false],
    ["NOT({Qty} = 3)", false],
    ["XOR(TRUE(), TRUE(), TRUE())", true],
    ["XOR(TRUE(), TRUE())", false],
    ["IF({Qty} > 2, 'many', 'few')", "many"],
    ["IF({Qty} > 5, 'many')", null],
    ["IF({Qty} > 2, 1, 'x')", "1"],
    ["IF({Qty} > 2, {Price}, TRUE())", 1234.5],
    ["IF({Qty} > 5, TRUE())", false],
    ["TRUE()", true],
    ["FALSE()", false],
    ["TRUE", true],
    ["BLANK()", null],
    ["LEN('héllo')", 5],
    ["LEN({Qty})", 1],
    ["LOWER('AbC')", "abc"],
    ["UPPER({Name})", "APPLE PIE"],
    ["TRIM({Notes})", "fresh, warm"],
    ["FIND('p', {Name})", 2],
    ["FIND('p', {Name}, 3)", 3],
    ["FIND('z', {Name})", 0],
    ["FIND('', 'abc')", 1],
    ["SEARCH('PIE', {Name})", 7],
    ["SEARCH('z', {Name})", null],
    ["SEARCH('p', {Name}, 4)", 7],
    ["LEFT({Name}, 3)", "App"],
    ["LEFT({Name}, -1)", ""],
    ["RIGHT({Name}, 3)", "Pie"],
    ["RIGHT('ab', 5)", "ab"],
    ["MID({Name}, 2, 3)", "ppl"],
    ["MID('abc', 0, 2)", "ab"],
    ["SUBSTITUTE('a-b-c', '-', '+')", "a+b+c"],
    ["SUBSTITUTE('a-b-c', '-', '+', 2)", "a-b+c"],
    ["SUBSTITUTE('a-b-c', '-', '+', 3)", "a-b-c"],
    ["SUBSTITUTE('abc', '', 'x')", "abc"],
    ["CONCATENATE({Name}, ': ', {Qty})", "Apple Pie: 3"],
    ["VALUE('12.5')", 12.5],
    ["VALUE(' 1,234 ')", 1234],
    ["VALUE('abc')", null],
    ["T({Name})", "Apple Pie"],
    ["T({Qty})", ""],
    ["ROUND(2.5)", 3],
    ["ROUND(-2.5)", -3],
    ["ROUND(1.005, 2)", 1.01],
    ["ROUND(1234.5678, -2)", 1200],
    ["ROUND({Price} / 7, 3)", 176.357],
    ["ABS(-4)", 4],
    ["INT(-2.5)", -3],
    ["INT(2.9)", 2],
    ["MOD(7, 3)", 1],
    ["MOD(-7, 3)", -1],
    ["MOD(5.5, 2)", 1.5],
    ["MOD(1, 0)", null],
    ["MAX(1, {Qty}, 2)", 3],
    ["MIN(1, {Qty}, -2)", -2],
    ["IS_BEFORE({Due}, '2027-01-01')", true],
    ["IS_BEFORE({Due}, TODAY())", false],
    ["IS_AFTER({Due}, NOW())", true],
    ["IS_SAME({Due}, '2026-12-24')", true],
    ["IS_SAME({Due}, '2026-12-01', 'month')", true],
    ["IS_SAME({Due}, '2026-11-30', 'month')", false],
    ["IS_SAME({Due}, '2026-12-20', 'week')", true],
    ["IS_SAME({Due}, '2026-12-19', 'week')", false],
    ["IS_SAME({Due}, '2026-01-01', 'years')", true],
    ["DATETIME_DIFF({Due}, '2026-12-01', 'days')", 23],
    ["DATETIME_DIFF('2026-12-01', {Due}, 'd')", -23],
    ["DATETIME_DIFF({Due}, '2026-12-23T12:00:00Z', 'hours')", 12],
    ["DATETIME_DIFF({Due}, '2026-12-23T12:00:00Z')", 43200],
    ["DATETIME_DIFF('2026-03-30', '2026-01-31', 'months')", 1],
    ["DATETIME_DIFF('2026-03-31', '2026-01-31', 'M')", 2],
    ["DATETIME_DIFF('2026-01-31', '2026-03-30', 'months')", -1],
    ["DATETIME_DIFF('2030-06-01', '2026-12-24', 'years')", 3],
    ["DATETIME_DIFF('2027-06-01', '2026-12-24', 'quarters')", 1],
    ["DATESTR(DATEADD({Due}, 10, 'days'))", "2026-01-03".replace("2026-01-03", "2027-01-03")],
    ["DATESTR(DATEADD('2026-01-31', 1, 'month'))", "2026-02-28"],
    ["DATESTR(DATEADD({Due}, -2, 'years'))", "2024-12-24"],
    ["DATEADD({Due}, 90, 'minutes') & ''", "2026-12-24T01:30:00.000Z"],
    ["DATESTR({Due})", "2026-12-24"],
    ["DATESTR(TODAY())", "2026-11-28"],
    ["NOW() & ''", "2026-11-28T15:30:00.000Z"],
    ["RECORD_ID()", "recAAAAAAAAAAAAAA"],
    ["CREATED_TIME() & ''", "2026-11-01T10:00:00.000Z"],
    ["IS_AFTER(CREATED_TIME(), '2026-10-31')", true],
    ["REGEX_MATCH({Name}, '^Ap+le')", true],
    ["REGEX_MATCH({Name}, '^pie')", false],
  ])("%s → %j", (formula, expected) => expect(value(formula)).toEqual(expected));
});

describe("errors name the problem and its position", () => {
  it.each([
    ["{Nope} = 1", "Unknown field name {Nope} at character 1", 0],
    ["Nope = 1", 'Unknown field name "Nope" at character 1', 0],
    ["1 +", "The formula ends too early at character 4", 3],
    ["(1 + 2", 'Expected ")" but found end of formula at character 7', 6],
    ["1 + 2)", 'Unexpected ")" at character 6', 5],
    ["LEN('a', 'b')", "LEN() takes 1 argument, got 2 at character 1", 0],
    ["AND()", "AND() takes at least 1 arguments, got 0 at character 1", 0],
    ["ROUND()", "ROUND() takes 1 to 2 arguments, got 0 at character 1", 0],
    ["{Qty} = ARRAYJOIN({Name})", "Unknown or unsupported function ARRAYJOIN() at character 9", 8],
    ["'abc", "Missing closing ' for the text that starts at character 1", 0],
    ["{Name", "Missing } after field name at character 1", 0],
    ["1 # 2", 'Unexpected character "#" at character 3', 2],
    ["IS_BEFORE({Name}, '2026-01-01')", "Expected a date but found text at character 11", 10],
    ["IS_BEFORE({Due}, 'soon')", '"soon" is not a date (use YYYY-MM-DD) at character 18', 17],
    ["{Due} + 1", "Expected a number but found a date at character 1", 0],
    ["DATEADD({Due}, 1)", "DATEADD() takes 3 arguments, got 2 at character 1", 0],
    ["DATEADD({Due}, 1, {Name})", "DATEADD() needs its unit as a text literal such as 'days' at character 19", 18],
    ["DATETIME_DIFF({Due}, {Due}, 'fortnights')", 'Unknown date unit "fortnights" at character 29', 28],
    ["REGEX_MATCH({Name}, '(')", "REGEX_MATCH() has an invalid regular expression at character 21", 20],
    ["", "The formula is empty at character 1", 0],
    ["1 2", 'Unexpected "2" at character 3', 2],
    ["1e999", "The number 1e999 is too large at character 1", 0],
  ])("%j", (formula, message, position) => expect(errorOf(formula)).toEqual({ message, position }));

  it("refuses SUBSTITUTE nested more than 3 deep (each level can multiply a text's length)", () => {
    const nest = (n: number): string => (n === 0 ? "{Name}" : `SUBSTITUTE(${nest(n - 1)}, 'a', 'aaaaaaaaaa')`);
    expect(value(`LEN(${nest(3)})`, record({ Name: "a" }))).toBe(1000);
    expect(errorOf(nest(4))).toEqual({ message: "SUBSTITUTE() is nested more than 3 levels deep at character 34", position: 33 });
    expect(errorOf(`SUBSTITUTE('a', 'a', ${nest(3)})`).message).toMatch(/nested more than 3/);
  });

  it("refuses nesting deeper than 100 levels and formulas over 100,000 characters", () => {
    expect(errorOf(`${"(".repeat(150)}1${")".repeat(150)}`).message).toMatch(/nests deeper than 100/);
    expect(errorOf(`${"NOT(".repeat(150)}1${")".repeat(150)}`).message).toMatch(/nests deeper than 100/);
    expect(errorOf(`'${"x".repeat(100_001)}'`).message).toMatch(/longer than 100,000/);
  });
});

describe("SQL", () => {
  const compile = (formula: string) => {
    const values: unknown[] = [];
    const sql = formulaToSql(compileFilter(formula, FIELDS), { param: (v) => (values.push(v), `$${values.length}`), cellKey: String, cells: "f.cells", row: "r", now: NOW });
    return { sql, values };
  };

  it("binds every value from the formula as a parameter", () => {
    const { sql, values } = compile(`{Name} = "x'; DROP TABLE records; --" & 'a\\\\b'`);
    expect(sql).not.toContain("DROP");
    expect(sql).not.toContain("x'");
    expect(values).toContain("x'; DROP TABLE records; --");
    expect(values).toContain("a\\b");
  });

  it("reads cells by slot and the record's own columns by alias", () => {
    const { sql, values } = compile("AND({Price} > 2, RECORD_ID() != '', IS_AFTER(CREATED_TIME(), NOW()))");
    expect(sql).toContain("f.cells ->> $");
    expect(sql).toContain("r.id");
    expect(sql).toContain("r.created_at");
    expect(values).toContain("2");
    expect(values).toContain("2026-11-28T15:30:00.000Z");
  });
});
