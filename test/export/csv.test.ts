import assert from "node:assert/strict";
import { test } from "node:test";
import { exportLocale } from "../../src/i18n/index.ts";
import type { ExportLocale } from "../../src/indicators/export/index.ts";
import { exportCsv } from "../../src/indicators/export/index.ts";
import { duckdbRows, sqlPath, withTempFile } from "./duckdbRead.ts";
import { expectedByKey, sampleResult, valueKey } from "./sampleResult.ts";

// Typed as the exports' interface: this fails to compile if i18n's exportLocale stops fitting it.
const en: ExportLocale = exportLocale("en");
const nl: ExportLocale = exportLocale("nl");
const fr: ExportLocale = exportLocale("fr");
const result = sampleResult();
const typedColumns = "types={'period': 'VARCHAR', 'value': 'DOUBLE', 'lower': 'DOUBLE', 'upper': 'DOUBLE', 'flags': 'VARCHAR', 'notes': 'VARCHAR'}";

test("exportCsv(result, {locale}) read back by DuckDB gives the same numbers, nulls, flags, bounds and notes", async () => {
  const csv = exportCsv(result, { locale: en });
  const rows = await withTempFile("result.csv", csv, (file) =>
    duckdbRows(`SELECT * FROM read_csv(${sqlPath(file)}, header = true, delim = ',', ${typedColumns})`));
  const expected = expectedByKey(result);
  assert.equal(rows.length, expected.size);
  for (const row of rows) {
    const v = expected.get(valueKey(String(row.geo), [String(row.citizen)], String(row.period)));
    assert.ok(v, `unexpected row ${JSON.stringify(row)}`);
    assert.equal(row.value, v.value);
    assert.equal(row.flags ?? "", v.flags);
    assert.equal(row.lower, v.lower ?? null);
    assert.equal(row.upper, v.upper ?? null);
    assert.equal(row.notes ?? "", (v.notes ?? []).join("; "));
    assert.equal(row.source, en.citation(result));
  }
  const zero = rows.find((r) => r.geo === "BE21" && r.period === "2020");
  assert.equal(zero?.value, 0, "a true zero stays 0");
  const withheld = rows.find((r) => r.geo === "BE" && r.period === "2021");
  assert.equal(withheld?.value, null, "a missing value stays null");
});

test("exportCsv(result, {locale}) writes machine headers, raw dot decimals and the citation in the source column", () => {
  const lines = exportCsv(result, { locale: en }).split("\r\n");
  assert.equal(lines[0], "geo,citizen,period,value,flags,lower,upper,notes,source");
  const citation = `"${en.citation(result)}"`;
  assert.equal(lines[4], `BE21,FOR,2019,1234.5,bep,1200.25,1270,break: municipal mergers; provisional count,${citation}`);
  assert.equal(lines[3], `BE,FOR,2021,,c,,,withheld: built from a confidential count,${citation}`);
  assert.equal(lines[7], `BE,NAT,2020,0.3333333333333333,u,,,,${citation}`);
  assert.equal(lines.at(-1), "", "the last record ends with CRLF");
});

test("exportCsv(result, {locale: nl, human}) writes Dutch headers, decimal commas, ; separators and a byte-order mark", () => {
  const text = exportCsv(result, { locale: nl, human: true });
  assert.ok(text.startsWith("\uFEFF"));
  const lines = text.slice(1).split("\r\n");
  assert.equal(lines[0], "Gebied;citizen;Periode;Waarde;Vlaggen;Ondergrens;Bovengrens;Opmerkingen;Bron");
  // Fields holding the separator are quoted (RFC 4180): the notes and the Dutch citation both contain ";".
  assert.equal(lines[4], `BE21;FOR;2019;1234,5;bep;1200,25;1270;"break: municipal mergers; provisional count";"${nl.citation(result)}"`);
  assert.ok(lines[6]?.startsWith("BE;NAT;2019;-3,25;e;"), lines[6]);
});

test("exportCsv(result, {locale: fr, human}) read back by DuckDB with ; and decimal comma gives the same numbers", async () => {
  const text = exportCsv(result, { locale: fr, human: true });
  assert.ok(text.slice(1).startsWith("Zone;citizen;Période;Valeur;Indicateurs de statut;Borne inférieure;Borne supérieure;Notes;Source\r\n"));
  const rows = await withTempFile("humain.csv", text, (file) => duckdbRows(
    `SELECT * FROM read_csv(${sqlPath(file)}, header = true, delim = ';', decimal_separator = ',', `
    + `types={'Période': 'VARCHAR', 'Valeur': 'DOUBLE', 'Borne inférieure': 'DOUBLE', 'Borne supérieure': 'DOUBLE'})`));
  const expected = expectedByKey(result);
  assert.equal(rows.length, expected.size);
  for (const row of rows) {
    const v = expected.get(valueKey(String(row.Zone), [String(row.citizen)], String(row["Période"])));
    assert.ok(v, `unexpected row ${JSON.stringify(row)}`);
    assert.equal(row.Valeur, v.value);
    assert.equal(row["Borne inférieure"], v.lower ?? null);
    assert.equal(row["Indicateurs de statut"] ?? "", v.flags);
    assert.equal(row.Source, fr.citation(result));
  }
});

test("exportCsv(result, {locale: en, human}) keeps commas as separators and dot decimals", () => {
  const lines = exportCsv(result, { locale: en, human: true }).slice(1).split("\r\n");
  assert.equal(lines[0], "Area,citizen,Period,Value,Flags,Lower bound,Upper bound,Notes,Source");
  assert.ok(lines[1]?.startsWith("BE,FOR,2019,11.634,,11.5,11.8,,"), lines[1]);
});
