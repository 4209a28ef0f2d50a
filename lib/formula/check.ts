// AST → typed expression (types.ts): resolves field names, checks every function's arguments and
// inserts the conversions. Everything a formula can get wrong is found here, before any SQL runs.
import type { BinaryOp, Node } from "./ast";
import { parseDateLiteral, parseDateUnit } from "./dates";
import { FormulaError } from "./errors";
import { fieldValueType, type Comparison, type Expr, type FormulaField, type Op, type Type } from "./types";

type Arg = "number" | "text" | "bool" | "date" | "any";
type Signature = { op: Op; args: Arg[]; optional?: number; rest?: Arg; result: Type; unit?: "optional" | "required" };

// Each function's arguments; `optional` trailing ones may be left out, `rest` repeats (at least one).
const FUNCTIONS: Record<string, Signature> = {
  AND: { op: "and", args: [], rest: "bool", result: "bool" },
  OR: { op: "or", args: [], rest: "bool", result: "bool" },
  XOR: { op: "xor", args: [], rest: "bool", result: "bool" },
  NOT: { op: "not", args: ["bool"], result: "bool" },
  LEN: { op: "len", args: ["text"], result: "number" },
  LOWER: { op: "lower", args: ["text"], result: "text" },
  UPPER: { op: "upper", args: ["text"], result: "text" },
  TRIM: { op: "trim", args: ["text"], result: "text" },
  FIND: { op: "find", args: ["text", "text", "number"], optional: 1, result: "number" },
  SEARCH: { op: "search", args: ["text", "text", "number"], optional: 1, result: "number" },
  LEFT: { op: "left", args: ["text", "number"], result: "text" },
  RIGHT: { op: "right", args: ["text", "number"], result: "text" },
  MID: { op: "mid", args: ["text", "number", "number"], result: "text" },
  SUBSTITUTE: { op: "substitute", args: ["text", "text", "text", "number"], optional: 1, result: "text" },
  CONCATENATE: { op: "&", args: [], rest: "text", result: "text" },
  VALUE: { op: "value", args: ["text"], result: "number" },
  ROUND: { op: "round", args: ["number", "number"], optional: 1, result: "number" },
  ABS: { op: "abs", args: ["number"], result: "number" },
  INT: { op: "int", args: ["number"], result: "number" },
  MOD: { op: "mod", args: ["number", "number"], result: "number" },
  MAX: { op: "max", args: [], rest: "number", result: "number" },
  MIN: { op: "min", args: [], rest: "number", result: "number" },
  IS_BEFORE: { op: "isBefore", args: ["date", "date"], result: "bool" },
  IS_AFTER: { op: "isAfter", args: ["date", "date"], result: "bool" },
  IS_SAME: { op: "isSame", args: ["date", "date"], result: "bool", unit: "optional" },
  DATETIME_DIFF: { op: "datetimeDiff", args: ["date", "date"], result: "number", unit: "optional" },
  DATEADD: { op: "dateAdd", args: ["date", "number"], result: "date", unit: "required" },
  DATESTR: { op: "dateStr", args: ["date"], result: "text" },
  TODAY: { op: "today", args: [], result: "date" },
  NOW: { op: "now", args: [], result: "date" },
  RECORD_ID: { op: "recordId", args: [], result: "text" },
  CREATED_TIME: { op: "createdTime", args: [], result: "date" },
  REGEX_MATCH: { op: "regexMatch", args: ["text", "text"], result: "bool" },
};

export const SUPPORTED_FUNCTIONS = [...Object.keys(FUNCTIONS), "IF", "BLANK", "TRUE", "FALSE", "T"].sort();

const lit = (type: Type, value: number | string | boolean | null): Expr => ({ k: "lit", type, value });
const op = (name: Op, type: Type, args: Expr[]): Expr => ({ k: "op", type, op: name, args });

export function checkFormula(node: Node, fields: readonly FormulaField[]): Expr {
  return new Checker(fields).check(node);
}

// Each SUBSTITUTE can multiply a text's length; nested ones multiply it again (three levels of
// "a" → ten characters turn one character into 1,000), so Postgres is never asked to build a
// gigabyte for one row.
const MAX_SUBSTITUTE_NESTING = 3;

class Checker {
  private substituteDepth = 0;

  constructor(private readonly fields: readonly FormulaField[]) {}

  check(node: Node): Expr {
    switch (node.kind) {
      case "number":
        return lit("number", node.value);
      case "string":
        return lit("text", node.value);
      case "bool":
        return lit("bool", node.value);
      case "field": {
        const field =
          this.fields.find((f) => f.name === node.name) ?? this.fields.find((f) => f.name.toLowerCase() === node.name.toLowerCase());
        if (!field) throw new FormulaError(`Unknown field name ${node.braced ? `{${node.name}}` : `"${node.name}"`}`, node.pos);
        return { k: "field", type: fieldValueType(field), field };
      }
      case "unary": {
        const operand = this.to("number", node.operand);
        return node.op === "-" ? op("neg", "number", [operand]) : operand;
      }
      case "binary":
        return this.binary(node.op, node.left, node.right);
      case "call":
        return this.call(node);
    }
  }

  // A node converted to what an argument needs. A date only comes from a date, a blank, or a text
  // literal that is a date (checked here, so SQL never parses a date that could fail).
  to(want: Arg, node: Node, expr: Expr = this.check(node)): Expr {
    if (want === "any") return expr;
    // Text and number arguments are never blank: a blank becomes "" or 0 on the way in.
    if (expr.type === want) return (want === "text" || want === "number") && !(expr.k === "lit" && expr.value !== null) ? op(want === "number" ? "num" : "text", want, [expr]) : expr;
    if (want === "date") {
      if (expr.type === "blank") return lit("date", null);
      if (expr.k === "lit" && expr.type === "text") {
        const ms = parseDateLiteral(String(expr.value));
        if (ms === null) throw new FormulaError(`"${String(expr.value).slice(0, 40)}" is not a date (use YYYY-MM-DD)`, node.pos);
        return lit("date", ms);
      }
      throw new FormulaError(`Expected a date but found ${describeType(expr.type)}`, node.pos);
    }
    if (want === "number" && expr.type === "date") throw new FormulaError("Expected a number but found a date", node.pos);
    return op(want === "number" ? "num" : want, want, [expr]);
  }

  private binary(operator: BinaryOp, leftNode: Node, rightNode: Node): Expr {
    if (operator === "&") return op("&", "text", [this.to("text", leftNode), this.to("text", rightNode)]);
    if (operator === "+" || operator === "-" || operator === "*" || operator === "/") {
      return op(operator, "number", [this.to("number", leftNode), this.to("number", rightNode)]);
    }
    return this.compare(operator, leftNode, rightNode);
  }

  private compare(cmp: Comparison, leftNode: Node, rightNode: Node): Expr {
    const left = this.check(leftNode);
    const right = this.check(rightNode);
    const types = [left.type, right.type];
    if (types.includes("date")) {
      const [dateSide, other] = left.type === "date" ? [left, right] : [right, left];
      if (other.type === "blank" && (cmp === "=" || cmp === "!=")) {
        const blank = op("isBlank", "bool", [dateSide]);
        return cmp === "=" ? blank : op("not", "bool", [blank]);
      }
      const l = left.type === "date" ? left : this.to("date", leftNode, left);
      const r = right.type === "date" ? right : this.to("date", rightNode, right);
      return { k: "cmp", type: "bool", cmp, domain: "date", args: [l, r] };
    }
    const numeric = (t: Type) => t === "number" || t === "bool" || t === "blank";
    const bothNumeric = types.every(numeric);
    const domain = bothNumeric ? "number" : types.every((t) => t === "text" || t === "blank") ? "text" : cmp === "=" || cmp === "!=" ? "text" : "number";
    const conv = (expr: Expr, node: Node) => this.to(domain, node, expr);
    return { k: "cmp", type: "bool", cmp, domain, args: [conv(left, leftNode), conv(right, rightNode)] };
  }

  private call(node: Extract<Node, { kind: "call" }>): Expr {
    const { name, args, pos } = node;
    const arity = (min: number, max: number) => checkArity(name, args.length, pos, min, max);
    switch (name) {
      case "TRUE":
      case "FALSE":
        arity(0, 0);
        return lit("bool", name === "TRUE");
      case "BLANK":
        arity(0, 0);
        return lit("blank", null);
      case "T": {
        arity(1, 1);
        const value = this.check(args[0]);
        return value.type === "text" ? this.to("text", args[0], value) : lit("text", "");
      }
      case "IF":
        arity(2, 3);
        return this.ifExpr(args);
    }
    const signature = FUNCTIONS[name];
    if (!signature) throw new FormulaError(`Unknown or unsupported function ${name}()`, pos);
    if (name !== "SUBSTITUTE") return this.checkCall(name, signature, args, pos);
    if (++this.substituteDepth > MAX_SUBSTITUTE_NESTING) throw new FormulaError(`SUBSTITUTE() is nested more than ${MAX_SUBSTITUTE_NESTING} levels deep`, pos);
    try {
      return this.checkCall(name, signature, args, pos);
    } finally {
      this.substituteDepth--;
    }
  }

  private checkCall(name: string, signature: Signature, args: Node[], pos: number): Expr {
    const arity = (min: number, max: number) => checkArity(name, args.length, pos, min, max);
    const fixed = signature.args.length;
    const unitSlots = signature.unit ? 1 : 0;
    const min = signature.rest ? 1 : fixed - (signature.optional ?? 0) + (signature.unit === "required" ? 1 : 0);
    const max = signature.rest ? Infinity : fixed + unitSlots;
    arity(min, max);
    const checked = args.slice(0, signature.rest ? args.length : fixed).map((arg, i) => this.to(signature.rest ?? signature.args[i], arg));
    const expr: Expr = op(signature.op, signature.result, checked);
    if (signature.op === "regexMatch" && args[1].kind === "string") checkRegex(args[1].value, args[1].pos);
    if (signature.unit && args.length > fixed) {
      const unitNode = args[fixed];
      if (unitNode.kind !== "string") throw new FormulaError(`${name}() needs its unit as a text literal such as 'days'`, unitNode.pos);
      const unit = parseDateUnit(unitNode.value);
      if (!unit) throw new FormulaError(`Unknown date unit "${unitNode.value.slice(0, 20)}"`, unitNode.pos);
      return { ...expr, unit } as Expr;
    }
    return expr;
  }

  private ifExpr(args: Node[]): Expr {
    const condition = this.to("bool", args[0]);
    const then = this.check(args[1]);
    const otherwise = args[2] ? this.check(args[2]) : lit("blank", null);
    const type = unify(then.type, otherwise.type);
    const branch = (expr: Expr, node: Node | undefined): Expr => {
      if (expr.type === type) return expr;
      if (expr.type === "blank") return lit(type, type === "bool" ? false : null);
      return node ? this.to(type === "blank" ? "any" : type, node, expr) : expr;
    };
    return op("if", type, [condition, branch(then, args[1]), branch(otherwise, args[2])]);
  }
}

// The type of IF(c, a, b): the same type, the other one when one is blank, a number for numbers
// and booleans, text otherwise.
function unify(a: Type, b: Type): Type {
  if (a === b) return a;
  if (a === "blank") return b;
  if (b === "blank") return a;
  if ((a === "number" || a === "bool") && (b === "number" || b === "bool")) return "number";
  return "text";
}

function checkArity(name: string, count: number, pos: number, min: number, max: number) {
  if (count >= min && count <= max) return;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  throw new FormulaError(`${name}() takes ${expected} argument${expected === "1" ? "" : "s"}, got ${count}`, pos);
}

function describeType(type: Type): string {
  return { number: "a number", text: "text", bool: "a true/false value", date: "a date", blank: "a blank" }[type];
}

function checkRegex(pattern: string, pos: number) {
  try {
    new RegExp(pattern, "u");
  } catch {
    throw new FormulaError("REGEX_MATCH() has an invalid regular expression", pos);
  }
}
