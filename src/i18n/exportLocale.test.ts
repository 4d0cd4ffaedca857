import assert from "node:assert/strict";
import { test } from "node:test";
import { exportLocale } from "./exportLocale.ts";

test("exportLocale(lang) writes spreadsheet numbers without grouping in the language's decimal mark", () => {
  assert.equal(exportLocale("nl").formatNumber(1234.5), "1234,5");
  assert.equal(exportLocale("fr").formatNumber(-0.25), "-0,25");
  assert.equal(exportLocale("en").formatNumber(1234.5), "1234.5");
});

test("exportLocale(lang) separates CSV fields with ; where the decimal mark is a comma", () => {
  assert.equal(exportLocale("nl").listSeparator, ";");
  assert.equal(exportLocale("fr").listSeparator, ";");
  assert.equal(exportLocale("en").listSeparator, ",");
});

test("exportLocale(lang) gives the catalogue texts, long dates and citation of its language", () => {
  const fr = exportLocale("fr");
  assert.equal(fr.lang, "fr");
  assert.equal(fr.text("sheet.definitions"), "Définitions");
  assert.equal(fr.formatDate("2025-03-14T08:00:00Z"), "14 mars 2025");
  assert.equal(fr.citation({
    indicator: { id: "x" }, asOf: null,
    provenance: [{ dataset: "oecd:dioc", release: 2, retrievedAt: "2025-05-02T00:00:00Z", sourceUpdatedAt: null }],
  }), "Source\u00a0: OECD, dioc (version 2, récupérée le 2025-05-02)\u00a0; calculé par Migration Monitor, indicateur x.");
});
