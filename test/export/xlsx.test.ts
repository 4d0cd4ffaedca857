import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import type { Lang } from "../../src/i18n/index.ts";
import { exportLocale, languages, t } from "../../src/i18n/index.ts";
import type { ExportLocale } from "../../src/indicators/export/index.ts";
import { exportXlsx, xlsxMaxRows } from "../../src/indicators/export/index.ts";
import { UsageError } from "../../src/core/index.ts";
import { expectedByKey, sampleResult, valueKey } from "./sampleResult.ts";

const result = sampleResult();
const localeOf = (lang: Lang): ExportLocale => exportLocale(lang);

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** Every cell text of a sheet, row by row. */
function sheetTexts(ws: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  return texts;
}

test("exportXlsx(result, {locale}) names its sheets in the chosen language", async () => {
  for (const lang of languages) {
    const wb = await readWorkbook(await exportXlsx(result, { locale: localeOf(lang) }));
    assert.deepEqual(wb.worksheets.map((ws) => ws.name),
      [t(lang, "sheet.data"), t(lang, "sheet.definitions"), t(lang, "sheet.citation")]);
  }
});

test("exportXlsx(result, {locale}) read back by exceljs gives the same numbers (as numbers), nulls and flags", async () => {
  const wb = await readWorkbook(await exportXlsx(result, { locale: localeOf("nl") }));
  const ws = wb.getWorksheet("Gegevens");
  assert.ok(ws);
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1),
    ["Gebied", "citizen", "Periode", "Waarde", "Vlaggen", "Ondergrens", "Bovengrens", "Opmerkingen"]);
  const expected = expectedByKey(result);
  assert.equal(ws.rowCount - 1, expected.size);
  for (let i = 2; i <= ws.rowCount; i++) {
    const row: ExcelJS.Row = ws.getRow(i);
    const v = expected.get(valueKey(String(row.getCell(1).value), [String(row.getCell(2).value)], String(row.getCell(3).value)));
    assert.ok(v, `unexpected row ${i}`);
    const value: ExcelJS.CellValue = row.getCell(4).value;
    assert.equal(value, v.value, `row ${i}`);
    if (v.value !== null) assert.equal(typeof value, "number");
    assert.equal(row.getCell(4).numFmt, "#,##0.0##");
    assert.equal(row.getCell(5).value ?? "", v.flags);
    assert.equal(row.getCell(6).value, v.lower ?? null);
    assert.equal(row.getCell(7).value, v.upper ?? null);
    assert.equal(row.getCell(8).value ?? "", (v.notes ?? []).join("; "));
  }
});

test("exportXlsx(result, {locale}) puts title, definition, unit, breaks, quality notes and flag meanings in the chosen language", async () => {
  const meta = result.indicator;
  for (const lang of languages) {
    const wb = await readWorkbook(await exportXlsx(result, { locale: localeOf(lang) }));
    const texts = sheetTexts(wb.getWorksheet(t(lang, "sheet.definitions"))!).join("\n");
    assert.ok(texts.includes(meta.title[lang]), `${lang} title`);
    assert.ok(texts.includes(meta.definition[lang]), `${lang} definition`);
    assert.ok(texts.includes(meta.unit), `${lang} unit`);
    assert.ok(texts.includes(meta.breaks[0]!.explanation[lang]), `${lang} break`);
    assert.ok(texts.includes(meta.notes[0]![lang]), `${lang} note`);
    const colon = t(lang, "text.colon");
    for (const code of ["b", "c", "e", "p", "u"] as const) assert.ok(texts.includes(`${code}${colon}${t(lang, `flag.${code}`)}`), `${lang} flag ${code}`);
    assert.ok(!texts.includes(`r${colon}${t(lang, "flag.r")}`), "a flag no value carries is not listed");
    for (const other of languages.filter((l) => l !== lang)) {
      assert.ok(!texts.includes(meta.definition[other]), `${lang} sheet holds the ${other} definition`);
    }
  }
  const nlTexts = sheetTexts((await readWorkbook(await exportXlsx(result, { locale: localeOf("nl") }))).getWorksheet("Definities")!);
  assert.ok(nlTexts.includes("1 januari 2010: Ambtshalve schrappingen en herinschrijvingen worden anders geteld."));
  assert.ok(nlTexts.includes("laatste releases"));
  const frTexts = sheetTexts((await readWorkbook(await exportXlsx(result, { locale: localeOf("fr") }))).getWorksheet("Définitions")!);
  assert.ok(frTexts.includes("1er janvier 2010\u00a0: Les radiations d’office et réinscriptions sont comptées autrement."));
  assert.ok(frTexts.includes("p\u00a0: provisoire"));
});

test("exportXlsx(result, {locale}) cites every dataset and release on the citation sheet", async () => {
  for (const lang of languages) {
    const locale = localeOf(lang);
    const wb = await readWorkbook(await exportXlsx(result, { locale }));
    const ws = wb.getWorksheet(t(lang, "sheet.citation"))!;
    assert.equal(ws.getRow(1).getCell(2).value, locale.citation(result));
    const rows = [4, 5].map((i) => (ws.getRow(i).values as unknown[]).slice(1));
    assert.deepEqual(rows.map((r) => [r[0], r[2]]), [["eurostat:migr_imm1ctz", 3], ["eurostat:demo_pjan", 7]]);
    assert.equal(rows[0]?.[1], result.provenance[0]!.datasetTitle[lang]);
  }
  const en = await readWorkbook(await exportXlsx(result, { locale: localeOf("en") }));
  assert.deepEqual((en.getWorksheet("Citation")!.getRow(4).values as unknown[]).slice(1, 6),
    ["eurostat:migr_imm1ctz", "Immigration by citizenship", 3, "14 March 2025", "20 March 2025"]);
});

test("exportXlsx(result, {locale}) throws UsageError for more values than a sheet holds", async () => {
  const tooMany = { ...result, values: new Array(xlsxMaxRows + 1).fill(result.values[0]) };
  await assert.rejects(exportXlsx(tooMany, { locale: localeOf("en") }), (e: unknown) => e instanceof UsageError
    && e.message === "indicator immigration-rate has 1048576 values, more than an XLSX sheet holds (1048575): choose csv or parquet, or narrow the query");
});

test("exportXlsx(result, {locale}) formats whole-number results without decimals", async () => {
  const counts = { ...result, values: result.values.map((v) => ({ ...v, value: v.value === null ? null : 40, lower: null, upper: null })) };
  const wb = await readWorkbook(await exportXlsx(counts, { locale: localeOf("en") }));
  assert.equal(wb.getWorksheet("Data")!.getRow(2).getCell(4).numFmt, "#,##0");
});
