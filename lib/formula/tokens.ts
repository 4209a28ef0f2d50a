// The formula language's tokens: numbers, strings ("…" or '…', backslash escapes), {field names},
// bare words (function names, field names without braces, TRUE/FALSE), operators, parentheses
// and commas. Every token keeps its offset for error messages.
import { FormulaError } from "./errors";

export type TokenKind = "number" | "string" | "field" | "word" | "op" | "(" | ")" | "," | "end";
export type Token = { kind: TokenKind; text: string; value: string; pos: number };

const OPERATORS = ["!=", "<>", "<=", ">=", "=", "<", ">", "&", "+", "-", "*", "/"];
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[\p{L}_][\p{L}\p{N}_.]*/u;
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'" };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = source.slice(i, i + 400);
    const number = NUMBER.exec(rest);
    if (number && (/\d/.test(c) || c === ".")) {
      tokens.push({ kind: "number", text: number[0], value: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      const [value, end] = readString(source, i);
      tokens.push({ kind: "string", text: source.slice(i, end), value, pos: i });
      i = end;
      continue;
    }
    if (c === "{") {
      const close = source.indexOf("}", i + 1);
      if (close < 0) throw new FormulaError("Missing } after field name", i);
      tokens.push({ kind: "field", text: source.slice(i, close + 1), value: source.slice(i + 1, close), pos: i });
      i = close + 1;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: c, text: c, value: c, pos: i });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ kind: "op", text: op, value: op === "<>" ? "!=" : op, pos: i });
      i += op.length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: "word", text: word[0], value: word[0], pos: i });
      i += word[0].length;
      continue;
    }
    throw new FormulaError(`Unexpected character ${JSON.stringify(String.fromCodePoint(source.codePointAt(i)!))}`, i);
  }
  tokens.push({ kind: "end", text: "", value: "", pos: source.length });
  return tokens;
}

function readString(source: string, start: number): [string, number] {
  const quote = source[start];
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const c = source[i];
    if (c === quote) return [value, i + 1];
    if (c === "\\" && i + 1 < source.length) {
      const next = source[i + 1];
      value += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw new FormulaError(`Missing closing ${quote} for the text that starts`, start);
}
