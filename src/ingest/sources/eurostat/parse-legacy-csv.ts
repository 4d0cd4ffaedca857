import {
  excerpt, InputError, makeSeriesKey,
  type Observation, type ParseInput, type ParsedTable, type Parser,
} from "../../../core/index.ts";
import { batchSize } from "./batching.ts";
import { FlagReader, readDecimal } from "./cell-value.ts";
import { LabelMapper, type EurostatLabels } from "./codes.ts";
import { PeriodReader } from "./period-reader.ts";
import { readCsvRecords, type CsvRecord } from "./csv-records.ts";
import { readLines } from "../input/lines.ts";

interface Layout {
  readonly width: number;
  readonly dimensions: readonly string[];
  readonly dimensionColumns: readonly number[];
  readonly timeColumn: number;
  readonly valueColumn: number;
  readonly flagColumn: number;
}

const thousands = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Makes the parser of Eurostat's legacy "appsso" CSV export (the data browser before 2019): fully quoted,
 * columns `TIME`, the dimensions in any order and number (`GEO`, `CITIZEN`, `SEX`, `UNIT`, ...), `Value` and
 * `Flag and Footnotes`; dimension cells hold English labels (`European Union (28 countries)`), mapped to codes
 * through `labels` and then to ours (Greece -> EL -> GR); values carry thousands separators (`225,150`) and
 * `:` for missing. Lines that are not UTF-8 are read as Windows-1252, as these exports were written. Streams
 * records. Iterating throws InputError (input, line) for a wrong field count, a value that is not a number, an
 * unknown flag or period, and one UnknownCodeError listing every unknown label with its first line at the end.
 */
export function makeLegacyCsvParser(labels: EurostatLabels): Parser {
  return (input) => parseLegacyCsv(input, labels);
}

async function parseLegacyCsv(input: ParseInput, labels: EurostatLabels): Promise<ParsedTable> {
  const source = input.name;
  const records = readCsvRecords(readLines(input, "utf-8-or-windows-1252"), source);
  const head = await records.next();
  if (head.done) throw new InputError(source, undefined, "empty input, expected a legacy CSV header");
  const layout = readLayout(head.value, source);
  return {
    header: { dimensions: layout.dimensions, sourceUpdatedAt: null, datasetCode: null },
    batches: readBatches(records, layout, new LabelMapper(labels, source), source),
  };
}

function readLayout(head: CsvRecord, source: string): Layout {
  const names = head.fields.map((f) => f.trim());
  const timeColumn = names.indexOf("TIME");
  const valueColumn = names.indexOf("Value");
  const flagColumn = names.indexOf("Flag and Footnotes");
  if (timeColumn < 0 || valueColumn < 0) {
    throw new InputError(source, head.line, "not a legacy Eurostat CSV header (no TIME or Value column)");
  }
  const dimensionColumns: number[] = [];
  names.forEach((_, c) => {
    if (c !== timeColumn && c !== valueColumn && c !== flagColumn) dimensionColumns.push(c);
  });
  const dimensions = dimensionColumns.map((c) => (names[c] as string).toLowerCase());
  if (dimensions.length === 0 || new Set(dimensions).size !== dimensions.length
    || dimensions.some((d) => !/^[a-z0-9_]+$/.test(d))) {
    throw new InputError(source, head.line, `cannot read the dimension columns of ${excerpt(names.join(","))}`);
  }
  return { width: names.length, dimensions, dimensionColumns, timeColumn, valueColumn, flagColumn };
}

async function* readBatches(
  records: AsyncGenerator<CsvRecord>, layout: Layout, mapper: LabelMapper, source: string,
): AsyncGenerator<Observation[]> {
  const flags = new FlagReader(source);
  const periods = new PeriodReader(source);
  const codes: string[] = new Array<string>(layout.dimensions.length);
  let batch: Observation[] = [];
  for await (const { fields, line } of records) {
    if (fields.length !== layout.width) {
      throw new InputError(source, line, `expected ${layout.width} fields, found ${fields.length}`);
    }
    let known = true;
    for (let d = 0; d < layout.dimensions.length; d++) {
      const cell = (fields[layout.dimensionColumns[d] as number] as string).trim();
      const code = mapper.code(layout.dimensions[d] as string, cell, line);
      if (code === null) known = false;
      else codes[d] = code;
    }
    const period = periods.read((fields[layout.timeColumn] as string).trim(), line);
    const value = readValue((fields[layout.valueColumn] as string).trim(), source, line);
    const flagText = layout.flagColumn >= 0 ? (fields[layout.flagColumn] as string).trim() : "";
    const obsFlags = flags.read(flagText, line);
    if (known) batch.push({ series: makeSeriesKey(codes), period, value, flags: obsFlags });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  mapper.throwIfUnknown();
  if (batch.length > 0) yield batch;
}

/** `225,150` -> 225150, `:` -> null; a comma anywhere but between groups of three digits is an error. */
function readValue(text: string, source: string, line: number): number | null {
  if (text === ":") return null;
  const value = readDecimal(thousands.test(text) ? text.replaceAll(",", "") : text);
  if (value === undefined) throw new InputError(source, line, `Value is not a number: ${excerpt(text)}`);
  return value;
}
