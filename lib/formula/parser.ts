// Formula text → AST. Precedence, lowest first: comparisons (= != <> < > <= >=), & (join
// text), + and -, * and /, unary minus; all binary operators associate to the left. A bare word
// followed by "(" is a function call, TRUE and FALSE are booleans, any other bare word is a field
// name (as Airtable allows for names without spaces).
import type { BinaryOp, Node } from "./ast";
import { FormulaError } from "./errors";
import { tokenize, type Token } from "./tokens";

export const MAX_FORMULA_LENGTH = 100_000;
const MAX_DEPTH = 100;
const COMPARISONS = new Set(["=", "!=", "<", ">", "<=", ">="]);

export function parseFormula(source: string): Node {
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new FormulaError(`The formula is longer than ${MAX_FORMULA_LENGTH.toLocaleString("en-US")} characters`, MAX_FORMULA_LENGTH);
  }
  if (!source.trim()) throw new FormulaError("The formula is empty", 0);
  const parser = new Parser(tokenize(source));
  const node = parser.expression(0);
  const next = parser.peek();
  if (next.kind !== "end") throw new FormulaError(`Unexpected ${describe(next)}`, next.pos);
  return node;
}

function describe(token: Token): string {
  if (token.kind === "end") return "end of formula";
  const text = token.text.length > 40 ? `${token.text.slice(0, 40)}…` : token.text;
  return `"${text}"`;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.i];
  }

  private take(): Token {
    return this.tokens[this.i++];
  }

  private expect(kind: Token["kind"], what: string): Token {
    const token = this.peek();
    if (token.kind !== kind) throw new FormulaError(`Expected ${what} but found ${describe(token)}`, token.pos);
    return this.take();
  }

  private isOp(ops: Set<string> | string[]): boolean {
    const token = this.peek();
    return token.kind === "op" && (Array.isArray(ops) ? ops.includes(token.value) : ops.has(token.value));
  }

  private guard(depth: number, pos: number) {
    if (depth > MAX_DEPTH) throw new FormulaError(`The formula nests deeper than ${MAX_DEPTH} levels`, pos);
  }

  expression(depth: number): Node {
    this.guard(depth, this.peek().pos);
    return this.binary(depth, COMPARISONS, () => this.binary(depth, ["&"], () => this.binary(depth, ["+", "-"], () => this.binary(depth, ["*", "/"], () => this.unary(depth)))));
  }

  private binary(depth: number, ops: Set<string> | string[], next: () => Node): Node {
    let left = next();
    while (this.isOp(ops)) {
      const op = this.take();
      const right = next();
      left = { kind: "binary", op: op.value as BinaryOp, left, right, pos: op.pos };
    }
    return left;
  }

  private unary(depth: number): Node {
    if (this.isOp(["-", "+"])) {
      const op = this.take();
      this.guard(depth + 1, op.pos);
      return { kind: "unary", op: op.value as "-" | "+", operand: this.unary(depth + 1), pos: op.pos };
    }
    return this.primary(depth);
  }

  private primary(depth: number): Node {
    const token = this.take();
    switch (token.kind) {
      case "number": {
        const value = Number(token.value);
        if (!Number.isFinite(value)) throw new FormulaError(`The number ${token.text} is too large`, token.pos);
        return { kind: "number", value, pos: token.pos };
      }
      case "string":
        return { kind: "string", value: token.value, pos: token.pos };
      case "field":
        return { kind: "field", name: token.value, braced: true, pos: token.pos };
      case "(": {
        const inner = this.expression(depth + 1);
        this.expect(")", '")"');
        return inner;
      }
      case "word": {
        if (this.peek().kind === "(") return this.call(token, depth);
        const upper = token.value.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE") return { kind: "bool", value: upper === "TRUE", pos: token.pos };
        return { kind: "field", name: token.value, braced: false, pos: token.pos };
      }
      default:
        throw new FormulaError(token.kind === "end" ? "The formula ends too early" : `Unexpected ${describe(token)}`, token.pos);
    }
  }

  private call(name: Token, depth: number): Node {
    this.take(); // (
    const args: Node[] = [];
    if (this.peek().kind !== ")") {
      for (;;) {
        args.push(this.expression(depth + 1));
        if (this.peek().kind !== ",") break;
        this.take();
      }
    }
    this.expect(")", `"," or ")" in ${name.value}(…)`);
    return { kind: "call", name: name.value.toUpperCase(), args, pos: name.pos };
  }
}
