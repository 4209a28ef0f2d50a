// Typed formula (types.ts) → a Postgres boolean expression over one row of `records`. Every value
// from the formula travels as a bound parameter; the only words spliced into the text come from
// this file (date units, casts). Blank, conversion and error rules are those of evaluate.ts,
// which the property test holds this file to.
import type { DateUnit, Expr } from "./types";

export type SqlContext = {
  param: (value: unknown) => string; // "$n" of a bound parameter
  cellKey: (slot: number) => string; // a field's key in the cells (lib/records/cells.ts)
  cells: string; // the row's cells as jsonb, parsed once per row, e.g. "f.cells" of a lateral "r.cells::jsonb"
  row: string; // the records alias, e.g. "r"
  now: number; // epoch ms: NOW() and TODAY() are fixed for the request
};

const TRUNC_UNITS: Record<DateUnit, string> = { ms: "milliseconds", s: "second", m: "minute", h: "hour", d: "day", w: "week", M: "month", Q: "quarter", y: "year" };
const INTERVALS: Record<DateUnit, string> = { ms: "1 millisecond", s: "1 second", m: "1 minute", h: "1 hour", d: "1 day", w: "7 days", M: "1 month", Q: "3 months", y: "1 year" };
const STEP_MS: Partial<Record<DateUnit, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const WHITESPACE = " \t\n\r";
const NUMBER_TEXT = "^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]{1,2})?$";
const DAY_TEXT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

// The formula as a filter: rows where its value is truthy.
export function formulaToSql(expr: Expr, ctx: SqlContext): string {
  return new Compiler(ctx).bool(expr);
}

// The formula's value as text (how it shows inside a text): for tests that compare values exactly.
export function formulaTextToSql(expr: Expr, ctx: SqlContext): string {
  return new Compiler(ctx).text(expr);
}

class Compiler {
  constructor(private readonly ctx: SqlContext) {}

  private p(value: unknown, cast: string): string {
    return `${this.ctx.param(value)}::${cast}`;
  }

  private utc(sql: string): string {
    return `(${sql} AT TIME ZONE 'UTC')`;
  }

  // An integer argument for a string function, kept in int range.
  private int(sql: string, min: number): string {
    return `LEAST(GREATEST(trunc(${sql}), ${min}), 100000000)::int`;
  }

  bool(e: Expr): string {
    if (e.type === "bool") return this.sql(e);
    if (e.type === "number") return `(coalesce(${this.sql(e)}, 0) <> 0)`;
    if (e.type === "text") return `(coalesce(${this.sql(e)}, '') <> '')`;
    if (e.type === "date") return `(${this.sql(e)} IS NOT NULL)`;
    return "FALSE";
  }

  private num(e: Expr): string {
    if (e.type === "number") return `coalesce(${this.sql(e)}, 0)`;
    if (e.type === "bool") return `(CASE WHEN ${this.sql(e)} THEN 1 ELSE 0 END)::float8`;
    if (e.type === "text") return `coalesce(${this.value(this.sql(e))}, 0)`;
    return "0::float8";
  }

  text(e: Expr): string {
    if (e.type === "date" && e.k === "field") return `coalesce(${this.cell(e.field.slot)}, '')`;
    if (e.type === "blank") return "''";
    const sql = this.sql(e);
    if (e.type === "text") return `coalesce(${sql}, '')`;
    if (e.type === "number") return `coalesce(${sql}::text, '')`;
    if (e.type === "bool") return `(CASE WHEN ${sql} THEN '1' ELSE '0' END)`;
    if (e.type === "date") return `coalesce(to_char(${this.utc(sql)}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;
    return "''";
  }

  private value(textSql: string): string {
    return `(SELECT CASE WHEN v.s ~ ${this.p(NUMBER_TEXT, "text")} THEN v.s::float8 END FROM (SELECT regexp_replace(${textSql}, '[[:space:],$]', '', 'g') AS s) v)`;
  }

  private cell(slot: number): string {
    return `(${this.ctx.cells} ->> ${this.p(this.ctx.cellKey(slot), "text")})`;
  }

  sql(e: Expr): string {
    switch (e.k) {
      case "lit":
        return this.literal(e);
      case "field": {
        if (e.field.type === "checkbox" || e.field.type === "multipleSelects") return this.ownOnlyField(e.field.type, e.field.slot);
        const raw = this.cell(e.field.slot);
        if (e.type === "number") {
          return `(CASE WHEN jsonb_typeof(${this.ctx.cells} -> ${this.p(this.ctx.cellKey(e.field.slot), "text")}) = 'number' THEN ${raw}::float8 END)`;
        }
        if (e.type === "date") return `(CASE WHEN ${raw} ~ ${this.p(DAY_TEXT, "text")} THEN ${this.utc(`${raw}::timestamp`)} END)`;
        return raw;
      }
      case "cmp": {
        const [a, b] = e.args.map((x) => this.sql(x));
        const op = e.cmp === "!=" ? "<>" : e.cmp;
        if (e.domain === "date") return `coalesce(${a} ${op} ${b}, FALSE)`;
        if (e.domain === "text" && op !== "=" && op !== "<>") return `(${a} COLLATE "C" ${op} ${b})`;
        return `(${a} ${op} ${b})`;
      }
      case "op":
        return this.op(e);
    }
  }

  // As Airtable shows them to formulas: a checkbox is 1 or 0, multiple selects their names joined by ", ".
  private ownOnlyField(type: "checkbox" | "multipleSelects", slot: number): string {
    const json = `(${this.ctx.cells} -> ${this.p(this.ctx.cellKey(slot), "text")})`;
    if (type === "checkbox") return `(CASE WHEN ${json} = 'true'::jsonb THEN 1 ELSE 0 END)::float8`;
    return `(SELECT string_agg(n, ', ' ORDER BY i) FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} END) WITH ORDINALITY AS a(n, i))`;
  }

  private literal(e: Extract<Expr, { k: "lit" }>): string {
    if (e.type === "bool") return e.value ? "TRUE" : "FALSE";
    if (e.type === "number") return e.value === null ? "NULL::float8" : this.p(e.value, "float8");
    if (e.type === "text") return e.value === null ? "NULL::text" : this.p(e.value, "text");
    if (e.type === "date") return e.value === null ? "NULL::timestamptz" : this.p(new Date(Number(e.value)).toISOString(), "timestamptz");
    return "NULL";
  }

  private op(e: Extract<Expr, { k: "op" }>): string {
    const s = (i: number) => this.sql(e.args[i]);
    const all = () => e.args.map((a) => this.sql(a));
    switch (e.op) {
      case "num":
        return this.num(e.args[0]);
      case "text":
        return this.text(e.args[0]);
      case "bool":
        return this.bool(e.args[0]);
      case "neg":
        return `(- ${s(0)})`;
      case "+":
      case "-":
      case "*":
        return `(${s(0)} ${e.op} ${s(1)})`;
      case "/":
        return `(${s(0)} / NULLIF(${s(1)}, 0))`;
      case "&":
        return `(${all().join(" || ")})`;
      case "and":
        return `(${all().join(" AND ")})`;
      case "or":
        return `(${all().join(" OR ")})`;
      case "xor":
        return `((${all().map((a) => `(CASE WHEN ${a} THEN 1 ELSE 0 END)`).join(" + ")}) % 2 = 1)`;
      case "not":
        return `(NOT ${s(0)})`;
      case "if":
        return `(CASE WHEN ${s(0)} THEN ${s(1)} ELSE ${s(2)} END)`;
      case "isBlank":
        return `(${s(0)} IS NULL)`;
      case "len":
        return `char_length(${s(0)})::float8`;
      case "lower":
      case "upper":
        return `${e.op}(${s(0)})`;
      case "trim":
        return `btrim(${s(0)}, ${this.p(WHITESPACE, "text")})`;
      case "find":
      case "search":
        return this.find(e);
      case "left":
      case "right":
        return `${e.op}(${s(0)}, ${this.int(s(1), 0)})`;
      case "mid":
        return `substr(${s(0)}, ${this.int(s(1), 1)}, ${this.int(s(2), 0)})`;
      case "substitute":
        return this.substitute(e);
      case "value":
        return this.value(s(0));
      case "round":
        return `round(${s(0)}::numeric, ${e.args[1] ? `LEAST(GREATEST(trunc(${s(1)}), -15), 15)::int` : "0"})::float8`;
      case "abs":
        return `abs(${s(0)})`;
      case "int":
        return `floor(${s(0)})`;
      case "mod":
        return `mod(${s(0)}::numeric, NULLIF(${s(1)}, 0)::numeric)::float8`;
      case "max":
        return `(GREATEST(${all().join(", ")}) + 0)`; // + 0: never -0, whichever argument won
      case "min":
        return `(LEAST(${all().join(", ")}) + 0)`;
      case "isBefore":
        return `coalesce(${s(0)} < ${s(1)}, FALSE)`;
      case "isAfter":
        return `coalesce(${s(0)} > ${s(1)}, FALSE)`;
      case "isSame":
        return e.unit ? `coalesce(${this.truncate(s(0), e.unit)} = ${this.truncate(s(1), e.unit)}, FALSE)` : `coalesce(${s(0)} = ${s(1)}, FALSE)`;
      case "datetimeDiff":
        return this.diff(s(0), s(1), e.unit ?? "s");
      case "dateAdd":
        return `(${this.utc(s(0))} + trunc(${s(1)}) * interval '${INTERVALS[e.unit ?? "d"]}') AT TIME ZONE 'UTC'`;
      case "dateStr":
        return `to_char(${this.utc(s(0))}, 'YYYY-MM-DD')`;
      case "now":
        return this.p(new Date(this.ctx.now).toISOString(), "timestamptz");
      case "today":
        return this.p(new Date(Math.floor(this.ctx.now / 86_400_000) * 86_400_000).toISOString(), "timestamptz");
      case "recordId":
        return `${this.ctx.row}.id`;
      case "createdTime":
        return `${this.ctx.row}.created_at`;
      case "regexMatch":
        return `(${s(0)} ~ ${s(1)})`;
    }
  }

  // FIND: 1-based position from `start`, 0 when absent; SEARCH: case-insensitive, blank when absent.
  private find(e: Extract<Expr, { k: "op" }>): string {
    const fold = (sql: string) => (e.op === "search" ? `lower(${sql})` : sql);
    const needle = fold(this.sql(e.args[0]));
    const haystack = fold(this.sql(e.args[1]));
    let position: string;
    if (e.args[2]) {
      const start = this.int(this.sql(e.args[2]), 1);
      position = `(SELECT CASE WHEN f.i = 0 THEN 0 ELSE f.i + f.st - 1 END FROM (SELECT strpos(substr(${haystack}, x.st), ${needle}) AS i, x.st FROM (SELECT ${start} AS st) x) f)`;
    } else {
      position = `strpos(${haystack}, ${needle})`;
    }
    return e.op === "search" ? `NULLIF(${position}, 0)::float8` : `${position}::float8`;
  }

  // SUBSTITUTE(text, old, new[, n]): every occurrence, or only the n-th; an empty `old` changes nothing.
  private substitute(e: Extract<Expr, { k: "op" }>): string {
    const [t, from, to] = [0, 1, 2].map((i) => this.sql(e.args[i]));
    if (!e.args[3]) return `(SELECT CASE WHEN x.f = '' THEN x.t ELSE replace(x.t, x.f, ${to}) END FROM (SELECT ${t} AS t, ${from} AS f) x)`;
    const n = `LEAST(GREATEST(trunc(${this.sql(e.args[3])}), 0), 100000000)::int`;
    return `(SELECT CASE WHEN x.f <> '' AND x.n >= 1 AND x.n < cardinality(x.a) THEN array_to_string(x.a[1:x.n], x.f) || ${to} || array_to_string(x.a[x.n + 1:], x.f) ELSE x.t END FROM (SELECT ${t} AS t, ${from} AS f, ${n} AS n, string_to_array(${t}, ${from}) AS a) x)`;
  }

  private truncate(sql: string, unit: DateUnit): string {
    if (unit === "w") return `(date_trunc('day', ${this.utc(sql)}) - extract(dow FROM ${this.utc(sql)}) * interval '1 day')`;
    return `date_trunc('${TRUNC_UNITS[unit]}', ${this.utc(sql)})`;
  }

  // DATETIME_DIFF(a, b, unit): whole units from b to a, truncated toward zero.
  private diff(a: string, b: string, unit: DateUnit): string {
    const step = STEP_MS[unit];
    if (step) return `trunc((extract(epoch FROM ${a}) - extract(epoch FROM ${b})) * 1000 / ${step})::float8`;
    const months = (x: string, y: string) =>
      `((extract(year FROM ${this.utc(x)}) - extract(year FROM ${this.utc(y)})) * 12 + extract(month FROM ${this.utc(x)}) - extract(month FROM ${this.utc(y)})` +
      ` - CASE WHEN ${this.utc(x)} - date_trunc('month', ${this.utc(x)}) < ${this.utc(y)} - date_trunc('month', ${this.utc(y)}) THEN 1 ELSE 0 END)`;
    const total = `(SELECT CASE WHEN d.a >= d.b THEN ${months("d.a", "d.b")} ELSE -${months("d.b", "d.a")} END FROM (SELECT ${a} AS a, ${b} AS b) d)`;
    const per = unit === "y" ? 12 : unit === "Q" ? 3 : 1;
    return `trunc(${total} / ${per})::float8`;
  }
}
