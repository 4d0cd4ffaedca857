import ExcelJS from "exceljs";
import { flagCodes, UsageError } from "../../core/index.ts";
import type { IndicatorResult } from "../result.ts";
import type { ExportLocale, ExportOptions } from "./exportLocale.ts";
import type { ResultRow } from "./resultRows.ts";
import { joinNotes, resultRows } from "./resultRows.ts";

/** The most data rows a sheet holds: Excel's 1,048,576 rows less the header. */
export const xlsxMaxRows = 1_048_575;

/** Excel number format of the figures: whole numbers when every figure is whole, else up to three decimals. */
export function figureFormat(rows: readonly ResultRow[]): string {
  const figures = rows.flatMap((r) => [r.value, r.lower, r.upper]).filter((x): x is number => x !== null);
  return figures.every(Number.isInteger) ? "#,##0" : "#,##0.0##";
}

function addDataSheet(wb: ExcelJS.Workbook, result: IndicatorResult, rows: readonly ResultRow[], locale: ExportLocale): void {
  const ws = wb.addWorksheet(locale.text("sheet.data"), { views: [{ state: "frozen", ySplit: 1 }] });
  const numFmt = figureFormat(rows);
  ws.columns = [
    { header: locale.text("column.geo"), key: "geo", width: 12 },
    ...result.breakdownDimensions.map((d, i) => ({ header: d, key: `breakdown${i}`, width: 12 })),
    { header: locale.text("column.period"), key: "period", width: 12 },
    { header: locale.text("column.value"), key: "value", width: 14, style: { numFmt } },
    { header: locale.text("column.flags"), key: "flags", width: 8 },
    { header: locale.text("column.lower"), key: "lower", width: 14, style: { numFmt } },
    { header: locale.text("column.upper"), key: "upper", width: 14, style: { numFmt } },
    { header: locale.text("column.notes"), key: "notes", width: 50 },
  ];
  for (const r of rows) {
    ws.addRow([
      r.geo, ...r.breakdown, r.period, r.value, r.flags === "" ? null : r.flags, r.lower, r.upper,
      r.notes.length === 0 ? null : joinNotes(r.notes),
    ]);
  }
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columnCount } };
}

function addLabelledRows(ws: ExcelJS.Worksheet, label: string, lines: readonly string[], none: string): void {
  const shown = lines.length === 0 ? [none] : lines;
  shown.forEach((line, i) => {
    const row = ws.addRow([i === 0 ? label : "", line]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  });
}

function addDefinitionsSheet(wb: ExcelJS.Workbook, result: IndicatorResult, rows: readonly ResultRow[], locale: ExportLocale): void {
  const ws = wb.addWorksheet(locale.text("sheet.definitions"));
  ws.columns = [{ width: 28 }, { width: 100 }];
  const { indicator } = result;
  const lang = locale.lang;
  const none = locale.text("label.none");
  addLabelledRows(ws, locale.text("label.indicator"), [indicator.id], none);
  addLabelledRows(ws, locale.text("label.title"), [indicator.title[lang]], none);
  addLabelledRows(ws, locale.text("label.definition"), [indicator.definition[lang]], none);
  addLabelledRows(ws, locale.text("label.unit"), [indicator.unit], none);
  addLabelledRows(ws, locale.text("label.breaks"),
    indicator.breaks.map((b) => `${locale.formatDate(b.date)}${locale.text("text.colon")}${b.explanation[lang]}`), none);
  addLabelledRows(ws, locale.text("label.qualityNotes"), indicator.notes.map((n) => n[lang]), none);
  const used = new Set(rows.flatMap((r) => [...r.flags]));
  addLabelledRows(ws, locale.text("label.flagsUsed"),
    flagCodes.filter((c) => used.has(c)).map((c) => `${c}${locale.text("text.colon")}${locale.text(`flag.${c}`)}`), none);
  addLabelledRows(ws, locale.text("label.asOf"),
    [result.asOf === null ? locale.text("label.latest") : locale.formatDate(result.asOf)], none);
}

function addCitationSheet(wb: ExcelJS.Workbook, result: IndicatorResult, locale: ExportLocale): void {
  const ws = wb.addWorksheet(locale.text("sheet.citation"));
  ws.columns = [{ width: 28 }, { width: 40 }, { width: 10 }, { width: 20 }, { width: 20 }, { width: 20 }, { width: 60 }];
  const first = ws.addRow([locale.text("label.citation"), locale.citation(result)]);
  first.getCell(1).font = { bold: true };
  ws.addRow([]);
  const header = ws.addRow([
    locale.text("label.dataset"), locale.text("label.datasetTitle"), locale.text("label.release"),
    locale.text("label.sourceUpdated"), locale.text("label.retrieved"), locale.text("label.licence"), locale.text("label.query"),
  ]);
  header.font = { bold: true };
  for (const p of result.provenance) {
    ws.addRow([
      p.dataset, p.datasetTitle[locale.lang], p.release,
      p.sourceUpdatedAt === null ? "" : locale.formatDate(p.sourceUpdatedAt), locale.formatDate(p.retrievedAt), p.licence, p.query,
    ]);
  }
}

/**
 * Writes a result as an XLSX workbook (exceljs) with three sheets, named in the chosen language: the data (one
 * row per value, figures as numbers with a number format, a missing figure as an empty cell, flags and notes
 * columns, frozen header, filter), the definitions (title, definition, unit, breaks, quality notes, the meaning of
 * every flag used, the as-of date) and the citation (the citation sentence, then every dataset and release with
 * its dates, licence and store query). The workbook's dates are the latest retrieval, so the same result gives
 * the same workbook. Throws UsageError when the values do not fit in one sheet (xlsxMaxRows; CSV and Parquet
 * have no such limit) and MigmonError for an inconsistent result.
 */
export async function exportXlsx(result: IndicatorResult, options: ExportOptions): Promise<Uint8Array> {
  const { locale } = options;
  if (result.values.length > xlsxMaxRows) {
    throw new UsageError(`indicator ${result.indicator.id} has ${result.values.length} values, more than an XLSX sheet holds `
      + `(${xlsxMaxRows}): choose csv or parquet, or narrow the query`);
  }
  const rows = resultRows(result);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Migration Monitor";
  const latest = result.provenance.map((p) => p.retrievedAt).sort().at(-1);
  if (latest !== undefined) {
    wb.created = new Date(latest);
    wb.modified = new Date(latest);
  }
  wb.title = result.indicator.title[locale.lang];
  addDataSheet(wb, result, rows, locale);
  addDefinitionsSheet(wb, result, rows, locale);
  addCitationSheet(wb, result, locale);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
