import assert from "node:assert/strict";
import { test } from "node:test";
import { UsageError } from "../../src/core/index.ts";
import { exportLocale } from "../../src/i18n/index.ts";
import type { ExportLocale } from "../../src/indicators/export/index.ts";
import {
  exportCsv, exportFormatOf, exportFormats, exportJsonStat, exportParquet, exportResult, exportSdmxCsv,
} from "../../src/indicators/export/index.ts";
import { sampleResult } from "./sampleResult.ts";

const fr: ExportLocale = exportLocale("fr");
const result = sampleResult();
// ignoreBOM keeps the byte-order mark of the human CSV in the decoded text instead of dropping it.
const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

test("exportResult(result, format, options) gives the bytes of each format's own function", async () => {
  assert.equal(decode(await exportResult(result, "csv", { locale: fr, human: true })), exportCsv(result, { locale: fr, human: true }));
  assert.equal(decode(await exportResult(result, "jsonstat", { locale: fr })), exportJsonStat(result, { locale: fr }));
  assert.equal(decode(await exportResult(result, "sdmx-csv", { locale: fr })), exportSdmxCsv(result, { locale: fr }));
  assert.deepEqual(await exportResult(result, "parquet", { locale: fr }), exportParquet(result, { locale: fr }));
  const xlsx = await exportResult(result, "xlsx", { locale: fr });
  assert.deepEqual([...xlsx.subarray(0, 2)], [0x50, 0x4b], "an XLSX file is a zip archive");
});

test("exportResult(result, format, options) throws MigmonError for an inconsistent result in every format", async () => {
  const twice = { ...result, values: [...result.values, result.values[0]!] };
  for (const f of exportFormats) {
    await assert.rejects(exportResult(twice, f.id, { locale: fr }), /two values for geo BE, period 2019, citizen FOR/, f.id);
  }
});

test("exportFormats lists each format once with an extension and a media type", () => {
  assert.deepEqual(exportFormats.map((f) => f.id), ["csv", "xlsx", "jsonstat", "sdmx-csv", "parquet"]);
  for (const f of exportFormats) {
    assert.match(f.extension, /^\.[a-z]+$/);
    assert.match(f.mediaType, /^[a-z]+\/[a-z0-9.+-]+/);
  }
  assert.equal(exportFormatOf("sdmx-csv").mediaType, "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8");
});

test("exportFormatOf(id) throws UsageError naming the unknown format and the choices", () => {
  assert.throws(() => exportFormatOf("xls"),
    (e: unknown) => e instanceof UsageError && e.message === 'unknown export format "xls": expected one of csv, xlsx, jsonstat, sdmx-csv, parquet');
});
