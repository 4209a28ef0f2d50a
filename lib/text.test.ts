import { describe, expect, it } from "vitest";
import { countOf, formatCount, formatMs, hasLoneSurrogate, momentLabels, shorten } from "./text";

describe("shorten", () => {
  it("keeps short text and cuts long text with an ellipsis", () => {
    expect(shorten("abc", 3)).toBe("abc");
    expect(shorten("abcd", 3)).toBe("abc…");
  });
  it("never keeps half of a surrogate pair", () => {
    const cut = shorten(`ab😀cd`, 3); // the emoji is two UTF-16 units, at 2 and 3
    expect(cut).toBe("ab…");
    expect(hasLoneSurrogate(cut)).toBe(false);
    expect(shorten(`ab😀cd`, 4)).toBe("ab😀…");
  });
});

describe("hasLoneSurrogate", () => {
  it("finds half a pair, not a whole one", () => {
    expect(hasLoneSurrogate("a😀b")).toBe(false);
    expect(hasLoneSurrogate("a\ud83d")).toBe(true);
    expect(hasLoneSurrogate("\ude00b")).toBe(true);
  });
});

describe("counts", () => {
  it("groups thousands and picks the singular", () => {
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(countOf(1, "problem")).toBe("1 problem");
    expect(countOf(10000, "record")).toBe("10,000 records");
    expect(countOf(0, "entry", "entries")).toBe("0 entries");
  });
});

describe("formatMs", () => {
  it("says milliseconds under a second and tenths of seconds from there", () => {
    expect(formatMs(0)).toBe("0 ms");
    expect(formatMs(999)).toBe("999 ms");
    expect(formatMs(1000)).toBe("1.0 s");
    expect(formatMs(2449)).toBe("2.4 s");
  });
});

describe("momentLabels", () => {
  const at = (hh: number, mm: number, ss: number, ms = 0) => new Date(2026, 11, 3, hh, mm, ss, ms);
  it("reads to the minute while every moment has its own", () => {
    const labels = momentLabels([at(7, 28, 5), at(7, 29, 50), at(9, 0, 0)]);
    expect(labels).toEqual(["12/3/26, 7:28 AM", "12/3/26, 7:29 AM", "12/3/26, 9:00 AM"]);
  });
  it("reads to the second where two moments share a minute", () => {
    const labels = momentLabels([at(7, 28, 5), at(7, 28, 40), at(9, 0, 0)]);
    expect(labels).toEqual(["12/3/26, 7:28:05 AM", "12/3/26, 7:28:40 AM", "12/3/26, 9:00 AM"]);
  });
  it("reads to the millisecond where two moments share a second", () => {
    const labels = momentLabels([at(7, 28, 5, 20), at(7, 28, 5, 480), at(7, 28, 40), at(9, 0, 0)]);
    expect(labels).toEqual(["12/3/26, 7:28:05.020 AM", "12/3/26, 7:28:05.480 AM", "12/3/26, 7:28:40 AM", "12/3/26, 9:00 AM"]);
  });
});
