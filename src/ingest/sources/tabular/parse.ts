import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { InputError, excerpt } from "../../../core/index.ts";
import type { DeliveryDescription } from "./description.ts";

/** One cell as read: text from a CSV, text or number from a spreadsheet, null for an empty cell. */
export type CellValue = string | number | null;

/** The rows of a delivered table before any checking: the header and each data row with its row number in the file. */
export interface DeliveredRows {
  /** The row number (1-based, as an editor or spreadsheet shows it) of the header. */
  readonly headerRow: number;
  readonly header: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly CellValue[] }[];
}

/**
 * Reads the bytes of a delivered table as the description's format says: a CSV in its encoding with its
 * delimiter, or one worksheet of an XLSX workbook from its header row on. Blank rows are skipped. Throws
 * InputError naming the file for bytes that are not such a file or a worksheet that is not there.
 */
export async function readDeliveredRows(bytes: Uint8Array, format: DeliveryDescription["format"], name: string): Promise<DeliveredRows> {
  return format.type === "csv" ? readCsvRows(bytes, format, name) : readXlsxRows(bytes, format, name);
}

type CsvFormat = Extract<DeliveryDescription["format"], { type: "csv" }>;
type XlsxFormat = Extract<DeliveryDescription["format"], { type: "xlsx" }>;

function readCsvRows(bytes: Uint8Array, format: CsvFormat, name: string): DeliveredRows {
  let text: string;
  const decoder = new TextDecoder(format.encoding, { fatal: true });
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError(name, firstUndecodableLine(bytes, decoder), `bytes that are not ${format.encoding} text`);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      delimiter: format.delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError(name, line, `not readable as CSV (${(error as Error).message.split("\n")[0]})`);
  }
  const [first, ...rest] = records;
  if (first === undefined) throw new InputError(name, undefined, "the file is empty");
  // csv-parse counts the line a record ends on; a record spans one line in these tables.
  return {
    headerRow: first.info.lines,
    header: first.record,
    rows: rest.map((r) => ({ row: r.info.lines, cells: r.record.map((c) => (c === "" ? null : c)) })),
  };
}

/** The 1-based number of the first line the decoder refuses (to name it), found only after the whole text failed. */
function firstUndecodableLine(bytes: Uint8Array, decoder: { decode(input: Uint8Array): string }): number | undefined {
  let start = 0;
  for (let line = 1; start <= bytes.byteLength; line++) {
    const end = bytes.indexOf(10, start);
    try {
      decoder.decode(bytes.subarray(start, end < 0 ? bytes.byteLength : end));
    } catch {
      return line;
    }
    if (end < 0) return undefined;
    start = end + 1;
  }
  return undefined;
}

async function readXlsxRows(bytes: Uint8Array, format: XlsxFormat, name: string): Promise<DeliveredRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new InputError(name, undefined, `not an XLSX workbook (${(error as Error).message.split("\n")[0]})`);
  }
  const sheet = workbook.getWorksheet(format.sheet);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => excerpt(w.name)).join(", ");
    throw new InputError(name, undefined, `no worksheet ${excerpt(format.sheet)} (the workbook has ${names || "none"})`);
  }
  const width = sheet.columnCount;
  const cellsOf = (row: ExcelJS.Row): CellValue[] => {
    const out: CellValue[] = [];
    for (let c = 1; c <= width; c++) out.push(cellValue(row.getCell(c).value));
    while (out.length > 0 && out.at(-1) === null) out.pop();
    return out;
  };
  const headerCells = cellsOf(sheet.getRow(format.headerRow));
  if (headerCells.length === 0) throw new InputError(`${name} sheet ${format.sheet}`, format.headerRow, "the header row is empty");
  const rows: { row: number; cells: CellValue[] }[] = [];
  for (let r = format.headerRow + 1; r <= sheet.rowCount; r++) {
    const cells = cellsOf(sheet.getRow(r));
    if (cells.length > 0) rows.push({ row: r, cells });
  }
  return { headerRow: format.headerRow, header: headerCells.map((c) => (c === null ? "" : String(c).trim())), rows };
}

/** A spreadsheet cell as text or number: formulas give their result, rich text its plain text, dates their ISO day. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("result" in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((t) => t.text).join("").trim() || null;
  if ("text" in value) return String(value.text).trim() || null;
  if ("error" in value) return String(value.error);
  return null;
}
