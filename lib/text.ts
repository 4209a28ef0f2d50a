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

const TO_THE_MINUTE = new Intl.DateTimeFormat("en", { dateStyle: "short", timeStyle: "short" });
const TO_THE_SECOND = new Intl.DateTimeFormat("en", { dateStyle: "short", timeStyle: "medium" });

// Labels for moments shown side by side (a chart's runs), in the viewer's time zone: to the
// minute, and to the second for the moments that share their minute with another.
export function momentLabels(moments: readonly Date[]): string[] {
  const minutes = moments.map((m) => TO_THE_MINUTE.format(m));
  const seen = new Map<string, number>();
  for (const label of minutes) seen.set(label, (seen.get(label) ?? 0) + 1);
  return minutes.map((label, i) => (seen.get(label)! > 1 ? TO_THE_SECOND.format(moments[i]) : label));
}
