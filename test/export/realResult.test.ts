import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import JSONstat from "jsonstat-toolkit";
import { exportLocale } from "../../src/i18n/index.ts";
import type { ExportLocale } from "../../src/indicators/export/index.ts";
import { exportCsv, exportJsonStat, exportParquet, exportXlsx } from "../../src/indicators/export/index.ts";
import { duckdbRows, sqlPath, withTempFile } from "./duckdbRead.ts";
import { unemploymentFile, unemploymentGeos, unemploymentResult } from "./realResult.ts";

const en: ExportLocale = exportLocale("en");
const result = await unemploymentResult();
const geoList = unemploymentGeos.map((g) => `'${g}'`).join(", ");

// The other route to the same figures: DuckDB reads the original gzip file itself, with its own CSV reader.
const sourceQuery = `
  SELECT geo, citizen, CAST(TIME_PERIOD AS VARCHAR) AS period, CAST(OBS_VALUE AS DOUBLE) AS value,
         coalesce(OBS_FLAG, '') AS flags
  FROM read_csv(${sqlPath(unemploymentFile)}, header = true)
  WHERE sex = 'T' AND age = 'Y15-64' AND citizen IN ('NAT', 'FOR') AND geo IN (${geoList})`;

/** Rows of an exported file that differ from the source file, compared by DuckDB (both directions). */
function mismatchQuery(exported: string): string {
  return `
    WITH source AS (${sourceQuery}), exported AS (${exported})
    SELECT coalesce(s.geo, e.geo) AS geo, coalesce(s.citizen, e.citizen) AS citizen, coalesce(s.period, e.period) AS period,
           s.value AS source_value, e.value AS exported_value, s.flags AS source_flags, e.flags AS exported_flags
    FROM source s FULL OUTER JOIN exported e ON s.geo = e.geo AND s.citizen = e.citizen AND s.period = e.period
    WHERE s.geo IS NULL OR e.geo IS NULL OR s.value IS DISTINCT FROM e.value OR s.flags IS DISTINCT FROM e.flags`;
}

test("unemploymentResult() holds the real figures: BE 2023 foreigners 9.8 %, nationals 5.0 %, with gaps and u flags", () => {
  const be2023 = result.values.filter((v) => v.geo === "BE" && v.period === "2023");
  assert.deepEqual(be2023.map((v) => [v.breakdown?.citizen, v.value]).sort(), [["FOR", 9.8], ["NAT", 5]]);
  assert.ok(result.values.some((v) => v.value === null), "the file has empty values in this selection");
  assert.ok(result.values.some((v) => v.flags.includes("u")), "and low-reliability flags");
  assert.ok(result.values.length > 300);
});

test("exportParquet(real result) equals the source file read by DuckDB, value for value and flag for flag", async () => {
  const mismatches = await withTempFile("real.parquet", exportParquet(result, { locale: en }), (file) =>
    duckdbRows(mismatchQuery(`SELECT geo, citizen, period, value, flags FROM read_parquet(${sqlPath(file)})`)));
  assert.deepEqual(mismatches, []);
});

test("exportCsv(real result) equals the source file read by DuckDB, value for value and flag for flag", async () => {
  const mismatches = await withTempFile("real.csv", exportCsv(result, { locale: en }), (file) =>
    duckdbRows(mismatchQuery(`SELECT geo, citizen, period, value, coalesce(flags, '') AS flags FROM read_csv(${sqlPath(file)}, `
      + `header = true, types = {'period': 'VARCHAR', 'value': 'DOUBLE', 'flags': 'VARCHAR'})`)));
  assert.deepEqual(mismatches, []);
});

test("exportJsonStat(real result) read by jsonstat-toolkit gives every source figure and flag", async () => {
  const source = await duckdbRows(sourceQuery);
  const ds = JSONstat(JSON.parse(exportJsonStat(result, { locale: en }))).Dataset(0);
  for (const s of source) {
    const datum = ds.Data({ indicator: "unemployment-rate-citizenship", geo: String(s.geo), citizen: String(s.citizen), time: String(s.period) });
    assert.equal(datum?.value, s.value, `${s.geo} ${s.citizen} ${s.period}`);
    assert.equal(datum?.status ?? "", s.flags);
  }
  const withValue = source.filter((s) => s.value !== null).length;
  const cells = ds.Unflatten((_c, d) => d).filter((d) => d.value !== null).length;
  assert.equal(cells, withValue, "no cell outside the source has a value");
});

test("exportXlsx(real result) read by exceljs gives every source figure as a number", async () => {
  const bytes = await exportXlsx(result, { locale: en });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet("Data")!;
  const read = new Map<string, unknown>();
  ws.eachRow((row, i) => {
    if (i > 1) read.set(`${row.getCell(1).value}|${row.getCell(2).value}|${row.getCell(3).value}`, row.getCell(4).value);
  });
  const source = await duckdbRows(sourceQuery);
  assert.equal(read.size, source.length);
  for (const s of source) assert.equal(read.get(`${s.geo}|${s.citizen}|${s.period}`), s.value, `${s.geo} ${s.citizen} ${s.period}`);
});
