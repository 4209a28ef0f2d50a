// Text helpers shared by the server and the browser.

const LONE_SURROGATE = /[\uD800-\uDFFF]/u; // with the u flag, a surrogate pair is one code point and does not match

// `text` cut to at most `max` UTF-16 units plus "…", never between the two halves of a surrogate
// pair (an emoji, say): half a pair is not valid Unicode, and Postgres refuses it in JSON.
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

// True when `text` holds half a surrogate pair (JSON can spell one as "\ud83d"; UTF-8 cannot).
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

// A count as people read it: "10,000 records", "1 problem", "138 problems".
export const formatCount = (n: number): string => n.toLocaleString("en-US");
export const countOf = (n: number, one: string, many = `${one}s`): string => `${formatCount(n)} ${n === 1 ? one : many}`;

// How long something took: "850 ms", "2.4 s".
export const formatMs = (ms: number): string => (ms < 1000 ? `${formatCount(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

// Finer and finer: to the minute, to the second, to the millisecond.
const PRECISIONS = [
  new Intl.DateTimeFormat("en", { dateStyle: "short", timeStyle: "short" }),
  new Intl.DateTimeFormat("en", { dateStyle: "short", timeStyle: "medium" }),
  new Intl.DateTimeFormat("en", { year: "2-digit", month: "numeric", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3 }),
];

// Labels for moments shown side by side (a chart's runs), in the viewer's time zone: each to the
// minute, or as finely as it takes to tell it from the others (a burst of runs within one second
// reads to the millisecond).
export function momentLabels(moments: readonly Date[]): string[] {
  const labels = moments.map(() => "");
  let open = moments.map((_, i) => i);
  for (const [level, format] of PRECISIONS.entries()) {
    const texts = new Map(open.map((i) => [i, format.format(moments[i])]));
    const count = new Map<string, number>();
    for (const text of texts.values()) count.set(text, (count.get(text) ?? 0) + 1);
    const finest = level === PRECISIONS.length - 1;
    for (const [i, text] of texts) if (finest || count.get(text) === 1) labels[i] = text;
    open = open.filter((i) => !labels[i]);
  }
  return labels;
}
