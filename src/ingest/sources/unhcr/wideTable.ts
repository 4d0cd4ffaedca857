import { InputError, makeSeriesKey, excerpt } from "../../../core/index.ts";
import type { Observation, ParsedTable, ParseInput, Period, SeriesKey } from "../../../core/index.ts";
import { batchSize } from "../international/batchSize.ts";
import { findColumns, readCsvRecords } from "../international/csvRecords.ts";
import { readNumber, readYear } from "../international/numbers.ts";
import { CodeMapper, throwIfAnyUnknown } from "../international/unknownCodes.ts";
import { mapUnhcrCountry } from "./codes.ts";

/**
 * When the parts of a row are all 0 but their whole is not, the parts were not reported (UNHCR writes 0 for
 * "no breakdown"): the columns in `unknown` are then null, never 0.
 */
export interface MissingBreakdown {
  readonly parts: readonly string[];
  readonly whole: string;
  readonly unknown: readonly string[];
}

/** A UNHCR table with one row per year, asylum country, origin (and other keys) and one column per measure. */
export interface WideTableSpec {
  readonly datasetCode: string;
  readonly year: string;
  readonly asylum: string;
  readonly origin: string;
  /** Other key columns, whose codes are kept as they are, with the dimension each becomes. */
  readonly keys: ReadonlyArray<readonly [column: string, dimension: string]>;
  /** The dimensions the measure columns add (none when there is one measure column). */
  readonly measureDimensions: readonly string[];
  /** Each measure column with its codes in the measure dimensions. */
  readonly measures: ReadonlyArray<readonly [column: string, codes: readonly string[]]>;
  readonly missingBreakdowns?: readonly MissingBreakdown[];
}

/**
 * Parses a UNHCR wide table (CSV, plain or gzipped) into observations keyed geo.origin.<keys>.<measure
 * dimensions>. Rows that repeat a key are parts of one cell (the R package dropped the column that told them
 * apart) and are added up; a cell with an unknown part is null. Reads the whole input before the first batch.
 * Throws InputError (line) for a malformed row, UnknownCodesError listing every country code that maps nowhere.
 */
export function parseWideTable(spec: WideTableSpec, input: ParseInput): ParsedTable {
  const dimensions = ["geo", "origin", ...spec.keys.map(([, d]) => d), ...spec.measureDimensions];
  return { header: { dimensions, sourceUpdatedAt: null, datasetCode: spec.datasetCode }, batches: wideTableBatches(spec, input) };
}

async function* wideTableBatches(spec: WideTableSpec, input: ParseInput): AsyncGenerator<readonly Observation[]> {
  const asylum = new CodeMapper("asylum country", mapUnhcrCountry);
  const origin = new CodeMapper("origin", mapUnhcrCountry);
  const measureColumns = spec.measures.map(([c]) => c);
  const keyColumns = spec.keys.map(([c]) => c);
  const sums = new Map<string, { key: readonly string[]; period: Period; values: Array<number | null> }>();
  let layout: { year: number; asylum: number; origin: number; keys: number[]; measures: number[]; rules: IndexedRule[] } | null = null;
  // plain loops over precomputed column positions: this runs for every row of files of 200,000 rows
  for await (const record of readCsvRecords(input)) {
    const fields = record.fields;
    if (layout === null) {
      const at = findColumns(input.name, record, [spec.year, spec.asylum, spec.origin, ...keyColumns, ...measureColumns]);
      const col = (c: string) => at[c] ?? -1;
      layout = {
        year: col(spec.year),
        asylum: col(spec.asylum),
        origin: col(spec.origin),
        keys: keyColumns.map(col),
        measures: measureColumns.map(col),
        rules: (spec.missingBreakdowns ?? []).map((rule) => indexRule(rule, measureColumns)),
      };
      continue;
    }
    const period = readYear(fields[layout.year] ?? "", spec.year, input.name, record.line) as Period;
    const values: Array<number | null> = new Array(layout.measures.length);
    for (let i = 0; i < layout.measures.length; i++) {
      values[i] = readNumber(fields[layout.measures[i] ?? -1] ?? "", measureColumns[i] ?? "", input.name, record.line);
    }
    for (const rule of layout.rules) blankMissingBreakdown(rule, values);
    const a = asylum.map(fields[layout.asylum] ?? "", record.line);
    const o = origin.map(fields[layout.origin] ?? "", record.line);
    const key = [a ?? "", o ?? ""];
    for (let i = 0; i < layout.keys.length; i++) {
      const code = (fields[layout.keys[i] ?? -1] ?? "").trim();
      if (code === "" || code.includes(".")) throw new InputError(input.name, record.line, `bad code ${excerpt(code)} in column ${excerpt(keyColumns[i])}`);
      key.push(code);
    }
    if (a === null || o === null) continue;
    const id = `${key.join(".")}|${period}`;
    const sum = sums.get(id);
    if (sum === undefined) sums.set(id, { key, period, values });
    else addInto(sum.values, values);
  }
  if (layout === null) throw new InputError(input.name, undefined, "no header line");
  throwIfAnyUnknown(input.name, [asylum, origin]);
  let batch: Observation[] = [];
  // the measure codes are checked once; each cell's key is then the row's key plus a precomputed suffix
  const suffixes = spec.measures.map(([, codes]) => (codes.length === 0 ? "" : `.${makeSeriesKey(codes)}`));
  for (const { key, period, values } of sums.values()) {
    const prefix = makeSeriesKey(key);
    for (let i = 0; i < values.length; i++) {
      batch.push({ series: `${prefix}${suffixes[i] ?? ""}` as SeriesKey, period, value: values[i] ?? null, flags: "" });
    }
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Adds the parts of a repeated row into the cell's values; an unknown part makes the sum unknown. */
function addInto(sum: Array<number | null>, part: ReadonlyArray<number | null>): void {
  for (let i = 0; i < sum.length; i++) {
    const a = sum[i] ?? null;
    const b = part[i] ?? null;
    sum[i] = a === null || b === null ? null : a + b;
  }
}

/** A MissingBreakdown with its columns as positions among the measures. */
interface IndexedRule {
  readonly parts: readonly number[];
  readonly whole: number;
  readonly unknown: readonly number[];
}

function indexRule(rule: MissingBreakdown, columns: readonly string[]): IndexedRule {
  const at = (c: string) => {
    const i = columns.indexOf(c);
    if (i < 0) throw new RangeError(`missing-breakdown rule names ${JSON.stringify(c)}, which is not a measure column`);
    return i;
  };
  return { parts: rule.parts.map(at), whole: at(rule.whole), unknown: rule.unknown.map(at) };
}

function blankMissingBreakdown(rule: IndexedRule, values: Array<number | null>): void {
  const whole = values[rule.whole] ?? null;
  if (whole === null || whole === 0) return;
  for (const p of rule.parts) if (values[p] !== 0) return;
  for (const u of rule.unknown) values[u] = null;
}
