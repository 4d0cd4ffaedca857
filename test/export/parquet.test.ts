import assert from "node:assert/strict";
import { test } from "node:test";
import { exportLocale } from "../../src/i18n/index.ts";
import type { ExportLocale } from "../../src/indicators/export/index.ts";
import { exportParquet } from "../../src/indicators/export/index.ts";
import { duckdbRows, sqlPath, withTempFile } from "./duckdbRead.ts";
import { expectedByKey, sampleResult, valueKey } from "./sampleResult.ts";

const nl: ExportLocale = exportLocale("nl");
const result = sampleResult("2025-03-31");

test("exportParquet(result, {locale}) read back by DuckDB gives the same numbers, nulls, flags, bounds and notes", async () => {
  const rows = await withTempFile("result.parquet", exportParquet(result, { locale: nl }),
    (file) => duckdbRows(`SELECT * FROM read_parquet(${sqlPath(file)})`));
  const expected = expectedByKey(result);
  assert.equal(rows.length, expected.size);
  for (const row of rows) {
    const v = expected.get(valueKey(String(row.geo), [String(row.citizen)], String(row.period)));
    assert.ok(v, `unexpected row ${JSON.stringify(row)}`);
    assert.equal(row.value, v.value);
    assert.equal(row.flags, v.flags);
    assert.equal(row.lower, v.lower ?? null);
    assert.equal(row.upper, v.upper ?? null);
    assert.equal(row.notes, v.notes === undefined ? null : v.notes.join("; "));
  }
  assert.equal(rows.find((r) => r.geo === "BE21" && r.period === "2020")?.value, 0);
  assert.equal(rows.find((r) => r.geo === "BE" && r.period === "2021")?.value, null);
});

test("exportParquet(result, {locale}) types its columns: strings for codes, nullable DOUBLE for figures", async () => {
  const columns = await withTempFile("result.parquet", exportParquet(result, { locale: nl }),
    (file) => duckdbRows(`DESCRIBE SELECT * FROM read_parquet(${sqlPath(file)})`));
  assert.deepEqual(columns.map((c) => [c.column_name, c.column_type]), [
    ["geo", "VARCHAR"], ["citizen", "VARCHAR"], ["period", "VARCHAR"], ["value", "DOUBLE"], ["flags", "VARCHAR"],
    ["lower", "DOUBLE"], ["upper", "DOUBLE"], ["notes", "VARCHAR"],
  ]);
});

test("exportParquet(result, {locale}) puts the citation, indicator and provenance in the file's key-value metadata", async () => {
  const rows = await withTempFile("result.parquet", exportParquet(result, { locale: nl }), (file) =>
    duckdbRows(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${sqlPath(file)})`));
  const meta = new Map(rows.map((r) => [String(r.key), String(r.value)]));
  assert.equal(meta.get("migmon.citation"), nl.citation(result));
  assert.ok(meta.get("migmon.citation")?.endsWith("zoals gepubliceerd op 2025-03-31."));
  assert.equal(meta.get("migmon.lang"), "nl");
  assert.equal(meta.get("migmon.as_of"), "2025-03-31");
  assert.deepEqual(JSON.parse(meta.get("migmon.provenance")!).map((p: { release: number }) => p.release), [3, 7]);
  assert.equal(JSON.parse(meta.get("migmon.indicator")!).definition.fr, result.indicator.definition.fr);
});

test("exportParquet(result, {locale}) writes a readable file with no rows for an empty result", async () => {
  const empty = { ...result, values: [] };
  const rows = await withTempFile("empty.parquet", exportParquet(empty, { locale: nl }),
    (file) => duckdbRows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlPath(file)})`));
  assert.equal(rows[0]?.n, 0);
});
