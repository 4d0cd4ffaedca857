// Reading the CSV of `migmon analyse --input FILE.csv`: one series (period,value), two aligned series
// (period,y,x) or a panel (unit,period,value). Periods are read with parsePeriod; an empty value is missing.
import { parse } from "csv-parse/sync";
import { InputError, formatPeriod, parsePeriodParts, periodAtOrdinal, periodOrdinal, periodsPerYear } from "../../core/index.ts";
import type { Period, PeriodParts } from "../../core/index.ts";
import { shapeColumns } from "../../analysis/methods/methodTypes.ts";
import type { InputShape, MethodPanel, MethodSeries } from "../../analysis/methods/methodTypes.ts";

interface Record_ {
  readonly cells: readonly string[];
  readonly line: number;
}

function readRecords(text: string, source: string): { header: string[]; records: Record_[] } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError(source, line, `not a readable CSV (${(error as Error).message.split("\n")[0] ?? "parse error"})`);
  }
  const [first, ...rest] = parsed;
  if (first === undefined) throw new InputError(source, undefined, "empty file: expected a header row");
  return { header: first.record.map((h) => h.toLowerCase()), records: rest.map((r) => ({ cells: r.record, line: r.info.lines })) };
}

export type { InputShape };

/** The layout of a header, or null when it is none of the three. */
export function shapeOfHeader(header: readonly string[]): InputShape | null {
  for (const [shape, columns] of Object.entries(shapeColumns) as [InputShape, readonly string[]][]) {
    if (header.length === columns.length && columns.every((c, i) => header[i] === c)) return shape;
  }
  return null;
}

function readNumber(cell: string, source: string, line: number, column: string): number | null {
  if (cell === "") return null;
  const value = Number(cell);
  if (!Number.isFinite(value) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell)) {
    throw new InputError(source, line, `${column} ${JSON.stringify(cell)} is not a number (leave it empty when missing)`);
  }
  return value;
}

function readPeriod(cell: string, source: string, line: number): PeriodParts {
  try {
    return parsePeriodParts(cell);
  } catch {
    throw new InputError(source, line, `period ${JSON.stringify(cell)} is not a period such as 2019, 2019-Q1 or 2019-03`);
  }
}

function ordinal(p: PeriodParts, frequency: number | null): number {
  return frequency === null ? 0 : periodOrdinal(p);
}

/**
 * Reads a `period,value` or `period,y,x` CSV into a regular series (every period from the first to the last, a
 * period absent from the file or with an empty value being null, never 0; `lines` the CSV line of each). Throws InputError naming the file and line
 * for a wrong header, a bad period or number, a repeated period, periods out of order or of mixed kinds.
 */
export function readRegularSeries(text: string, source: string, shape: "series" | "pair"): MethodSeries {
  const { header, records } = readRecords(text, source);
  const found = shapeOfHeader(header);
  if (found !== shape) {
    throw new InputError(source, 1, `header must be ${shapeColumns[shape].join(",")} for this method, found ${header.join(",")}`);
  }
  const names = header.slice(1);
  if (records.length === 0) throw new InputError(source, undefined, "no data rows after the header");
  const parts: PeriodParts[] = [];
  for (const r of records) {
    if (r.cells.length !== header.length) throw new InputError(source, r.line, `expected ${header.length} fields, found ${r.cells.length}`);
    const p = readPeriod(r.cells[0] as string, source, r.line);
    if (parts.length > 0 && p.kind !== (parts[0] as PeriodParts).kind) {
      throw new InputError(source, r.line, `period ${r.cells[0]} is a ${p.kind}, the first period a ${(parts[0] as PeriodParts).kind}`);
    }
    parts.push(p);
  }
  const kind = (parts[0] as PeriodParts).kind;
  const frequency = periodsPerYear(kind);
  const firstOrdinal = ordinal(parts[0] as PeriodParts, frequency);
  const length = frequency === null ? records.length : ordinal(parts[parts.length - 1] as PeriodParts, frequency) - firstOrdinal + 1;
  const periods: Period[] = [];
  const lines: (number | null)[] = new Array<number | null>(Math.max(length, 0)).fill(null);
  const columns: Record<string, (number | null)[]> = Object.fromEntries(names.map((n) => [n, new Array<number | null>(Math.max(length, 0)).fill(null)]));
  let previous = -Infinity;
  records.forEach((r, i) => {
    const p = parts[i] as PeriodParts;
    const position = frequency === null ? i : ordinal(p, frequency) - firstOrdinal;
    const canonical = formatPeriod(p);
    if (frequency === null && i > 0 && canonical <= (periods[i - 1] as string)) {
      throw new InputError(source, r.line, `period ${canonical} is not after the period before it: sort the file by period`);
    }
    if (frequency !== null && position <= previous) {
      const what = position === previous ? "repeats" : "is not after the period before it: sort the file by period";
      throw new InputError(source, r.line, `period ${canonical} ${what}`);
    }
    previous = position;
    if (frequency === null) periods.push(canonical);
    lines[position] = r.line;
    names.forEach((name, j) => {
      (columns[name] as (number | null)[])[position] = readNumber(r.cells[j + 1] as string, source, r.line, name);
    });
  });
  if (frequency !== null) for (let i = 0; i < length; i++) periods.push(periodAtOrdinal(kind, firstOrdinal + i));
  return { label: source, periods, columns, lines, frequency };
}

/** Reads a `unit,period,value` CSV. Throws InputError naming the file and line for a bad header, period or value. */
export function readPanel(text: string, source: string): MethodPanel {
  const { header, records } = readRecords(text, source);
  if (shapeOfHeader(header) !== "panel") {
    throw new InputError(source, 1, `header must be unit,period,value for this method, found ${header.join(",")}`);
  }
  if (records.length === 0) throw new InputError(source, undefined, "no data rows after the header");
  const seen = new Set<string>();
  const rows = records.map((r) => {
    if (r.cells.length !== 3) throw new InputError(source, r.line, `expected 3 fields, found ${r.cells.length}`);
    const unit = r.cells[0] as string;
    if (unit === "") throw new InputError(source, r.line, "unit is empty");
    const period = formatPeriod(readPeriod(r.cells[1] as string, source, r.line));
    const key = `${unit}\u0000${period}`;
    if (seen.has(key)) throw new InputError(source, r.line, `unit ${unit} has period ${period} twice`);
    seen.add(key);
    return { unit, period, value: readNumber(r.cells[2] as string, source, r.line, "value") };
  });
  return { label: source, rows };
}
