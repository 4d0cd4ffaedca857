import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDate, isoDate } from "./dateFormat.ts";

test("formatDate(iso, lang) writes the long date in Dutch, French and English", () => {
  assert.equal(formatDate("2025-03-14", "nl"), "14 maart 2025");
  assert.equal(formatDate("2025-03-14", "fr"), "14 mars 2025");
  assert.equal(formatDate("2025-03-14", "en"), "14 March 2025");
});

test("formatDate(first of a month, fr) writes the ordinal 1er; nl and en keep the cardinal", () => {
  assert.equal(formatDate("2010-01-01", "fr"), "1er janvier 2010");
  assert.equal(formatDate("2010-01-01", "nl"), "1 januari 2010");
  assert.equal(formatDate("2010-01-01", "en"), "1 January 2010");
  // fr-BE short dates follow the CLDR pattern d/MM/yy: no leading zero on the day.
  assert.equal(formatDate("2010-01-01", "fr", "short"), "1/01/10");
});

test("formatDate(iso, lang, short) is 14/03/2025 in nl-BE and en-GB and 14/03/25 in fr-BE", () => {
  assert.equal(formatDate("2025-03-14", "nl", "short"), "14/03/2025");
  assert.equal(formatDate("2025-03-14", "en", "short"), "14/03/2025");
  assert.equal(formatDate("2025-03-14", "fr", "short"), "14/03/25");
});

test("formatDate(timestamp, lang) keeps the day written in the text whatever the time", () => {
  assert.equal(formatDate("2025-03-14T23:30:00Z", "en"), "14 March 2025");
  assert.equal(formatDate("2025-01-01T00:00:00+01:00", "nl"), "1 januari 2025");
});

test("formatDate(text, lang) throws RangeError for a text that is not a real day", () => {
  assert.throws(() => formatDate("2025-02-30", "en"), /not an ISO date: "2025-02-30"/);
  assert.throws(() => formatDate("14/03/2025", "nl"), RangeError);
});

test("isoDate(timestamp) is its YYYY-MM-DD day", () => {
  assert.equal(isoDate("2025-03-20T08:15:00Z"), "2025-03-20");
  assert.equal(isoDate("2025-03-14"), "2025-03-14");
  assert.throws(() => isoDate("March 2025"), RangeError);
});
