import assert from "node:assert/strict";
import { test } from "node:test";
import { bibtexEntry, bibtexEscape } from "../../src/web/bibtex.ts";

test("bibtexEscape(text) puts a backslash before LaTeX's special characters", () => {
  assert.equal(bibtexEscape("50% of A&B_c #1 {x} $"), "50\\% of A\\&B\\_c \\#1 \\{x\\} \\$");
  assert.equal(bibtexEscape("a\\b^c~d"), "a\\textbackslash{}b\\^{}c\\~{}d");
});

test("bibtexEntry(source) is an @misc entry keyed and dated by the newest release retrieved", () => {
  const entry = bibtexEntry({
    indicator: "first_permits", title: "First residence permits (Belgium, EU27)", author: "Migration Monitor",
    retrieved: ["2025-03-01T00:00:00Z", "2024-11-20T10:00:00Z"], note: "Source: Eurostat, tps00170 (release 3)",
    url: "http://127.0.0.1/indicator?id=first_permits&tab=sources",
  });
  assert.equal(entry.split("\n")[0], "@misc{migmon_first_permits_2025,");
  assert.match(entry, /^ {2}author = \{\{Migration Monitor\}\},$/m);
  assert.match(entry, /^ {2}year = \{2025\},$/m);
  assert.match(entry, /^ {2}url = \{http:\/\/127\.0\.0\.1\/indicator\?id=first_permits&tab=sources\},$/m);
  assert.equal(entry.at(-1), "}");
});

test("bibtexEntry(source) throws RangeError without a release date", () => {
  assert.throws(() => bibtexEntry({ indicator: "x", title: "x", author: "m", retrieved: [], note: "", url: "u" }), RangeError);
});
