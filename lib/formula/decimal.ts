// ROUND and MOD as Postgres computes them in sql.ts: the float turned into a decimal of 15
// significant digits (what float8 → numeric does), exact decimal arithmetic, then back to the
// nearest float. Also how Postgres writes a float8 as text.
type Decimal = { digits: bigint; exponent: number }; // value = digits × 10^exponent

function toDecimal(x: number): Decimal {
  const [mantissa, exp] = x.toExponential(14).split("e");
  const [whole, fraction] = mantissa.split(".");
  return { digits: BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
}

const toNumber = (d: Decimal) => Number(`${d.digits}e${d.exponent}`);
const pow10 = (n: number) => 10n ** BigInt(n);

// Half away from zero at `places` decimals (negative: tens, hundreds…).
export function roundDecimal(x: number, places: number): number {
  const d = toDecimal(x);
  const drop = -places - d.exponent;
  if (drop <= 0) return toNumber(d);
  const unit = pow10(drop);
  const negative = d.digits < 0n;
  const abs = negative ? -d.digits : d.digits;
  let q = abs / unit;
  if ((abs % unit) * 2n >= unit) q += 1n;
  const result = toNumber({ digits: negative ? -q : q, exponent: -places });
  return result === 0 ? 0 : result;
}

// The remainder with the dividend's sign.
export function modDecimal(a: number, b: number): number {
  const x = toDecimal(a);
  const y = toDecimal(b);
  const exponent = Math.min(x.exponent, y.exponent);
  const r = (x.digits * pow10(x.exponent - exponent)) % (y.digits * pow10(y.exponent - exponent));
  const result = toNumber({ digits: r, exponent });
  return result === 0 ? 0 : result;
}

// float8 as Postgres prints it: the shortest digits, in exponent form below 1e-4 and from 1e15.
export function floatText(x: number): string {
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, exp] = x.toExponential().split("e");
  const e = Number(exp);
  if (e < -4 || e >= 15) return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  return String(x);
}
