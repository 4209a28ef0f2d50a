import { describe, expect, it } from "vitest";
import { mailtoHref, telHref, webHref } from "./links";

describe("webHref", () => {
  it.each([
    ["https://example.com/a?b=1", "https://example.com/a?b=1"],
    ["HTTP://Example.com", "http://example.com/"],
    ["example.com/path", "https://example.com/path"],
    ["www.example.org", "https://www.example.org/"],
    ["javascript:alert(1)", null],
    ["JavaScript:alert(1)", null],
    [" javascript:alert(1)", null],
    ["data:text/html,<b>x</b>", null],
    ["vbscript:msgbox", null],
    ["ftp://example.com/file", null],
    ["mailto:a@example.com", null],
    ["localhost:3000", null],
    ["https://exa mple.com", null],
    ["report", null],
    ["", null],
  ])("%j → %j", (value, href) => expect(webHref(value)).toBe(href));
});

describe("mailtoHref", () => {
  it.each([
    ["ada@example.com", "mailto:ada@example.com"],
    ["ada@example.com?subject=hi", null],
    ["not an email", null],
    ["javascript:a@b.c", null],
  ])("%j → %j", (value, href) => expect(mailtoHref(value)).toBe(href));
});

describe("telHref", () => {
  it.each([
    ["+1 (555) 010-0199", "tel:+15550100199"],
    ["555.0100 x12", "tel:5550100;ext=12"],
    ["030 1234567 ext. 5", "tel:0301234567;ext=5"],
    ["12", null],
  ])("%j → %j", (value, href) => expect(telHref(value)).toBe(href));
});
