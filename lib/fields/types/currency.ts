import { formatGrouped, losslessGrouped, parseDecimal } from "../decimal";
import { parseFailure, type FieldOptions, type FieldTypeModule, typeOptions } from "../types";

export const DEFAULT_CURRENCY_SYMBOL = "$";
export const DEFAULT_CURRENCY_PRECISION = 2;

// A currency sign, optionally after up to three letters (`$`, `US$`, `R$`, `€`), or an ISO code
// (`USD 12`, `12 EUR`). Other letters (`kr`, `Fr.`) only when they are the field's own symbol, so
// `5 kg` is not mistaken for money.
const LEADING_SYMBOL = /^(?:\p{L}{0,3}\p{Sc}|[A-Z]{3}(?=[\s\d.]))/u;
const TRAILING_SYMBOL = /(?:\p{L}{0,3}\p{Sc}|[A-Z]{3})$/u;
// The common case in one step: `$1,234.50`, `-$5`, `€-3`.
const QUICK = /^(-?)[$€£¥](-?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$/;
// Symbols we can write in front of an amount and read back unambiguously.
const WRITABLE_SYMBOL = /^[^\s\d.,+\-()%]+$/;

export type Money = { value: number; decimals: number; symbol: string };

function takeSymbol(s: string, configured: string | undefined, at: "start" | "end"): [string, string] {
  if (configured && WRITABLE_SYMBOL.test(configured) && (at === "start" ? s.startsWith(configured) : s.endsWith(configured))) {
    return at === "start" ? [configured, s.slice(configured.length)] : [configured, s.slice(0, -configured.length)];
  }
  const m = (at === "start" ? LEADING_SYMBOL : TRAILING_SYMBOL).exec(s);
  if (!m) return ["", s];
  return at === "start" ? [m[0], s.slice(m[0].length)] : [m[0], s.slice(0, -m[0].length)];
}

// `-$1,234.50`, `$-1,234.50`, `(1,234.50)`, `1.234 €`, `USD 12`, `12`. A currency symbol and
// thousands separators are dropped; parentheses mean negative. No decimal-comma guessing.
export function parseMoney(text: string, configured?: string): Money | null {
  let s = text.trim();
  const quick = QUICK.exec(s);
  if (quick && !(quick[1] && quick[2])) {
    const digits = quick[3].includes(",") ? quick[3].replaceAll(",", "") : quick[3];
    const value = quick[1] || quick[2] ? -Number(digits) : Number(digits);
    const dot = digits.indexOf(".");
    return { value: value === 0 ? 0 : value, decimals: dot < 0 ? 0 : digits.length - dot - 1, symbol: s[quick[1].length] };
  }
  let negative = false;
  let signs = 0;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    signs++;
    s = s.slice(1, -1).trim();
  }
  const takeSign = () => {
    if (s[0] !== "-" && s[0] !== "+") return;
    negative = s[0] === "-";
    signs++;
    s = s.slice(1).trimStart();
  };
  takeSign();
  let [symbol, rest] = takeSymbol(s, configured, "start");
  s = rest.trimStart();
  if (symbol) takeSign();
  else {
    [symbol, rest] = takeSymbol(s, configured, "end");
    s = rest.trimEnd();
  }
  if (signs > 1 || s[0] === "-" || s[0] === "+") return null;
  const parsed = parseDecimal(s);
  if (!parsed) return null;
  const value = negative ? -parsed.value : parsed.value;
  return { value: value === 0 ? 0 : value, decimals: parsed.decimals, symbol: symbol.trim() };
}

function symbolOf(options: FieldOptions): string {
  return options.symbol ?? DEFAULT_CURRENCY_SYMBOL;
}

// `$1,234.50`, `CHF 1,234.50` (a space after a symbol that ends in a letter).
function withSymbol(symbol: string, negative: boolean, body: string): string {
  const gap = /\p{L}$/u.test(symbol) ? " " : "";
  return `${negative ? "-" : ""}${symbol}${gap}${body}`;
}

export const currency: FieldTypeModule = {
  type: "currency",
  label: "Currency",
  coercionVersion: 1,
  defaultOptions: { symbol: DEFAULT_CURRENCY_SYMBOL, precision: DEFAULT_CURRENCY_PRECISION },
  ...typeOptions("symbol", "precision"),
  formatChoices: {},
  apiOptions: (options) => ({
    precision: options.precision ?? DEFAULT_CURRENCY_PRECISION,
    symbol: options.symbol ?? DEFAULT_CURRENCY_SYMBOL,
  }),
  sortKind: "numeric",
  searchable: false,
  align: "right",
  gridWidth: 140,
  gridCell: { kind: "formatted" },
  parse(text, options) {
    if (!text.trim()) return undefined;
    const money = parseMoney(text, options.symbol);
    return money ? money.value : parseFailure("not a currency amount");
  },
  format(value, options) {
    const n = Number(value);
    const body = formatGrouped(Math.abs(n), options.precision ?? DEFAULT_CURRENCY_PRECISION);
    return withSymbol(symbolOf(options), n < 0 && /[1-9]/.test(body), body);
  },
  // Never rounds: at least `precision` decimals, more if the value has them.
  toCsv(value, options) {
    const { negative, body } = losslessGrouped(Number(value), options.precision ?? DEFAULT_CURRENCY_PRECISION);
    const symbol = symbolOf(options);
    return WRITABLE_SYMBOL.test(symbol) ? withSymbol(symbol, negative, body) : `${negative ? "-" : ""}${body}`;
  },
  matches(text) {
    const money = parseMoney(text);
    return money !== null && money.symbol !== "";
  },
};
