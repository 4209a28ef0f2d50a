// The typed formula evaluated on one record in memory: the reference the SQL of sql.ts is tested
// against (e2e/api/formula-property.test.ts), with the same blank and conversion rules.
// Text positions count code points, as Postgres does.
import type { CellValue } from "../fields/types";
import { addMonths, monthsBetween, truncateDate, UNIT_MONTHS, UNIT_MS } from "./dates";
import { floatText, modDecimal, roundDecimal } from "./decimal";
import type { DateUnit, Expr } from "./types";

export type Value = number | string | boolean | null;
export type EvalRecord = { id: string; createdTime: number; cells: Record<string, CellValue> };

const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d{1,2})?$/;
const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const chars = (s: string) => Array.from(s);

export function matchesFormula(expr: Expr, record: EvalRecord, now: number): boolean {
  return new Evaluator(record, now).bool(expr);
}

export function formulaText(expr: Expr, record: EvalRecord, now: number): string {
  return new Evaluator(record, now).text(expr);
}

export function evaluateFormula(expr: Expr, record: EvalRecord, now: number): Value {
  return new Evaluator(record, now).eval(expr);
}

export function textToNumber(text: string): number | null {
  const s = text.replace(/[\s,$]/g, "");
  return NUMBER_TEXT.test(s) ? Number(s) : null;
}

function strpos(haystack: string, needle: string): number {
  const i = haystack.indexOf(needle);
  return i < 0 ? 0 : chars(haystack.slice(0, i)).length + 1;
}

const clamp = (n: number, min: number) => Math.min(Math.max(Math.trunc(n), min), 100_000_000);

class Evaluator {
  constructor(
    private readonly record: EvalRecord,
    private readonly now: number,
  ) {}

  bool(e: Expr): boolean {
    const v = this.eval(e);
    if (e.type === "bool") return v as boolean;
    if (e.type === "number") return (v ?? 0) !== 0;
    if (e.type === "text") return (v ?? "") !== "";
    if (e.type === "date") return v !== null;
    return false;
  }

  private num(e: Expr): number {
    const v = this.eval(e);
    if (e.type === "number") return (v as number | null) ?? 0;
    if (e.type === "bool") return v ? 1 : 0;
    if (e.type === "text") return textToNumber((v as string | null) ?? "") ?? 0;
    return 0;
  }

  text(e: Expr): string {
    if (e.type === "date" && e.k === "field") return String(this.record.cells[e.field.id] ?? "");
    const v = this.eval(e);
    if (v === null) return "";
    if (e.type === "number") return floatText(v as number);
    if (e.type === "bool") return v ? "1" : "0";
    if (e.type === "date") return new Date(v as number).toISOString();
    return String(v);
  }

  eval(e: Expr): Value {
    switch (e.k) {
      case "lit":
        return e.value;
      case "field": {
        const v = this.record.cells[e.field.id];
        if (e.field.type === "checkbox") return v === true ? 1 : 0;
        if (e.field.type === "multipleSelects") return Array.isArray(v) && v.length > 0 ? v.join(", ") : null;
        if (v === undefined) return null;
        if (e.type === "number") return typeof v === "number" ? v : null;
        if (e.type === "date") return typeof v === "string" && DAY_TEXT.test(v) ? Date.parse(`${v}T00:00:00Z`) : null;
        return String(v);
      }
      case "cmp":
        return this.compare(e);
      case "op":
        return this.op(e);
    }
  }

  private compare(e: Extract<Expr, { k: "cmp" }>): boolean {
    const a = this.eval(e.args[0]);
    const b = this.eval(e.args[1]);
    if (a === null || b === null) return false; // only dates can be blank here
    const order = e.domain === "text" ? compareCodePoints(a as string, b as string) : (a as number) - (b as number);
    switch (e.cmp) {
      case "=":
        return order === 0;
      case "!=":
        return order !== 0;
      case "<":
        return order < 0;
      case ">":
        return order > 0;
      case "<=":
        return order <= 0;
      case ">=":
        return order >= 0;
    }
  }

  private op(e: Extract<Expr, { k: "op" }>): Value {
    const v = (i: number) => this.eval(e.args[i]);
    const n = (i: number) => v(i) as number;
    const t = (i: number) => v(i) as string;
    const date = (i: number) => v(i) as number | null;
    switch (e.op) {
      case "num":
        return this.num(e.args[0]);
      case "text":
        return this.text(e.args[0]);
      case "bool":
        return this.bool(e.args[0]);
      case "neg":
        return -n(0);
      case "+":
        return n(0) + n(1);
      case "-":
        return n(0) - n(1);
      case "*":
        return n(0) * n(1);
      case "/":
        return n(1) === 0 ? null : n(0) / n(1);
      case "&":
        return e.args.map((_, i) => t(i)).join("");
      case "and":
        return e.args.every((_, i) => v(i));
      case "or":
        return e.args.some((_, i) => v(i));
      case "xor":
        return e.args.filter((_, i) => v(i)).length % 2 === 1;
      case "not":
        return !v(0);
      case "if":
        return v(0) ? v(1) : v(2);
      case "isBlank":
        return v(0) === null;
      case "len":
        return chars(t(0)).length;
      case "lower":
        return t(0).toLowerCase();
      case "upper":
        return t(0).toUpperCase();
      case "trim":
        return t(0).replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, "");
      case "find":
      case "search":
        return this.find(e);
      case "left":
        return chars(t(0)).slice(0, clamp(n(1), 0)).join("");
      case "right": {
        const count = clamp(n(1), 0);
        return count === 0 ? "" : chars(t(0)).slice(-count).join("");
      }
      case "mid": {
        const start = clamp(n(1), 1);
        return chars(t(0)).slice(start - 1, start - 1 + clamp(n(2), 0)).join("");
      }
      case "substitute":
        return this.substitute(e);
      case "value":
        return textToNumber(t(0));
      case "round":
        return roundDecimal(n(0), e.args[1] ? Math.min(Math.max(Math.trunc(n(1)), -15), 15) : 0);
      case "abs":
        return Math.abs(n(0));
      case "int":
        return Math.floor(n(0));
      case "mod":
        return n(1) === 0 ? null : modDecimal(n(0), n(1));
      case "max":
        return Math.max(...e.args.map((_, i) => n(i))) + 0;
      case "min":
        return Math.min(...e.args.map((_, i) => n(i))) + 0;
      case "isBefore":
      case "isAfter": {
        const [a, b] = [date(0), date(1)];
        if (a === null || b === null) return false;
        return e.op === "isBefore" ? a < b : a > b;
      }
      case "isSame": {
        const [a, b] = [date(0), date(1)];
        if (a === null || b === null) return false;
        return e.unit ? truncateDate(a, e.unit) === truncateDate(b, e.unit) : a === b;
      }
      case "datetimeDiff":
        return this.diff(date(0), date(1), e.unit ?? "s");
      case "dateAdd": {
        const d = date(0);
        if (d === null) return null;
        const count = Math.trunc(n(1));
        const unit = e.unit ?? "d";
        return UNIT_MS[unit] ? d + count * UNIT_MS[unit]! : addMonths(d, count * UNIT_MONTHS[unit]!);
      }
      case "dateStr": {
        const d = date(0);
        return d === null ? null : new Date(d).toISOString().slice(0, 10);
      }
      case "now":
        return this.now;
      case "today":
        return Math.floor(this.now / 86_400_000) * 86_400_000;
      case "recordId":
        return this.record.id;
      case "createdTime":
        return this.record.createdTime;
      case "regexMatch":
        return new RegExp(t(1), "u").test(t(0));
    }
  }

  private find(e: Extract<Expr, { k: "op" }>): number | null {
    const fold = (s: string) => (e.op === "search" ? s.toLowerCase() : s);
    const needle = fold(this.eval(e.args[0]) as string);
    const haystack = fold(this.eval(e.args[1]) as string);
    let position: number;
    if (e.args[2]) {
      const start = clamp(this.eval(e.args[2]) as number, 1);
      const i = strpos(chars(haystack).slice(start - 1).join(""), needle);
      position = i === 0 ? 0 : i + start - 1;
    } else {
      position = strpos(haystack, needle);
    }
    return e.op === "search" && position === 0 ? null : position;
  }

  private substitute(e: Extract<Expr, { k: "op" }>): string {
    const [t, from, to] = [0, 1, 2].map((i) => this.eval(e.args[i]) as string);
    if (from === "") return t;
    if (!e.args[3]) return t.split(from).join(to);
    const n = clamp(this.eval(e.args[3]) as number, 0);
    const parts = t === "" ? [] : t.split(from);
    if (n < 1 || n >= parts.length) return t;
    return parts.slice(0, n).join(from) + to + parts.slice(n).join(from);
  }

  private diff(a: number | null, b: number | null, unit: DateUnit): number | null {
    if (a === null || b === null) return null;
    const step = UNIT_MS[unit];
    if (step) return Math.trunc((a - b) / step) || 0;
    return Math.trunc(monthsBetween(a, b) / (unit === "y" ? 12 : unit === "Q" ? 3 : 1)) || 0;
  }
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const x = chars(a);
  const y = chars(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
