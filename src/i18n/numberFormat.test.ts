import assert from "node:assert/strict";
import { test } from "node:test";
import { formatNumber } from "./numberFormat.ts";

const codePoints = (s: string) => [...s].map((c) => c.codePointAt(0)?.toString(16).padStart(4, "0"));

test("formatNumber(1234.5, nl) is 1.234,5 with a full stop for thousands and a comma for decimals", () => {
  assert.equal(formatNumber(1234.5, "nl"), "1.234,5");
});

test("formatNumber(1234.5, fr) groups thousands with U+202F, the narrow no-break space", () => {
  const text = formatNumber(1234.5, "fr");
  assert.equal(text, "1\u202f234,5");
  assert.deepEqual(codePoints(text), ["0031", "202f", "0032", "0033", "0034", "002c", "0035"]);
});

test("formatNumber(1234.5, en) is 1,234.5", () => {
  assert.equal(formatNumber(1234.5, "en"), "1,234.5");
});

test("formatNumber(-1234567.891, lang) writes the sign as a hyphen-minus and groups every three digits", () => {
  assert.equal(formatNumber(-1234567.891, "nl"), "-1.234.567,891");
  assert.equal(formatNumber(-1234567.891, "fr"), "-1\u202f234\u202f567,891");
  assert.equal(formatNumber(-1234567.891, "en"), "-1,234,567.891");
});

test("formatNumber(x, lang, {grouping: false}) leaves thousands ungrouped so a spreadsheet reads a number", () => {
  assert.equal(formatNumber(1234.5, "nl", { grouping: false }), "1234,5");
  assert.equal(formatNumber(1234.5, "fr", { grouping: false }), "1234,5");
  assert.equal(formatNumber(1234.5, "en", { grouping: false }), "1234.5");
});

test("formatNumber(x, lang, {fractionDigits}) rounds half away from zero and pads to that many decimals", () => {
  assert.equal(formatNumber(1234.5, "nl", { fractionDigits: 2 }), "1.234,50");
  assert.equal(formatNumber(2.345, "en", { fractionDigits: 1 }), "2.3");
  assert.equal(formatNumber(0.125, "fr", { fractionDigits: 2 }), "0,13");
  assert.equal(formatNumber(7, "en", { fractionDigits: 0 }), "7");
});

test("formatNumber(x, lang) without fractionDigits writes the shortest digits that give x back", () => {
  for (const x of [0.1, 1 / 3, 11.634, 1.5e-7, 123456.789]) {
    const text = formatNumber(x, "nl", { grouping: false });
    assert.equal(Number(text.replace(",", ".")), x, text);
  }
  assert.equal(formatNumber(1 / 3, "en"), "0.3333333333333333");
  assert.equal(formatNumber(0.1, "fr"), "0,1");
});

test("formatNumber(NaN or Infinity, lang) throws RangeError: a missing figure is null, never NaN", () => {
  assert.throws(() => formatNumber(Number.NaN, "en"), RangeError);
  assert.throws(() => formatNumber(Number.POSITIVE_INFINITY, "nl"), RangeError);
});
