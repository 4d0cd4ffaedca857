import {
  excerpt, InputError, makeSeriesKey,
  type Observation, type ParseInput, type ParsedTable, type Parser,
} from "../../../core/index.ts";
import { batchSize } from "./batching.ts";
import { FlagReader, readDecimal } from "./cell-value.ts";
import { LabelMapper, mapEurostatCode, type EurostatLabels } from "./codes.ts";
import { PeriodReader } from "./period-reader.ts";
import { readCsvRecords, type CsvRecord } from "./csv-records.ts";
import { readLines } from "../input/lines.ts";

/** Where each part of an SDMX-CSV record sits. */
interface Layout {
  readonly width: number;
  readonly dimensions: readonly string[];
  readonly dimensionColumns: readonly number[];
  readonly datasetColumn: number;
  readonly updatedColumn: number;
  readonly timeColumn: number;
  readonly valueColumn: number;
  readonly flagColumn: number;
  readonly confColumn: number;
}

const codeLike = /^[A-Z0-9][A-Z0-9_-]*$/;

/**
 * Makes the parser of Eurostat's SDMX-CSV: the 2.0 export of the data browser in both variants — full
 * (`STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,...` with a code column and a label column per dimension, OBS_FLAG and
 * CONF_STATUS) and labels only (`DATAFLOW,LAST UPDATE,...` with labels such as `Austria` in the dimension
 * columns, mapped to codes through `labels`) — and the SDMX-CSV 1.0 of the dissemination API (`DATAFLOW,LAST
 * UPDATE,freq,...` with codes). Empty OBS_VALUE is null, CONF_STATUS C (or D) adds flag c, the dataset code is
 * read from STRUCTURE_ID/DATAFLOW without agency, version or `$DEFAULTVIEW`, and `LAST UPDATE`
 * (`13/03/25 23:00:00`, Luxembourg time as published, no offset) becomes `2025-03-13T23:00:00`. Streams
 * records through csv-parse. Iterating throws InputError (input, line) for a wrong field count, a value that is
 * not a number, an unknown flag or period, and one UnknownCodeError listing every unknown label at the end.
 */
export function makeSdmxCsvParser(labels: EurostatLabels): Parser {
  return (input) => parseSdmxCsv(input, labels);
}

async function parseSdmxCsv(input: ParseInput, labels: EurostatLabels): Promise<ParsedTable> {
  const source = input.name;
  const records = readCsvRecords(readLines(input), source);
  const head = await records.next();
  if (head.done) throw new InputError(source, undefined, "empty input, expected an SDMX-CSV header");
  const layout = readLayout(head.value, source);
  const firstStep = await records.next();
  const first = firstStep.done ? undefined : firstStep.value;
  if (first) checkWidth(first, layout, source);
  const datasetCode = first ? readDatasetCode(first.fields[layout.datasetColumn] ?? "") : null;
  const sourceUpdatedAt = first && layout.updatedColumn >= 0
    ? readLastUpdate(first.fields[layout.updatedColumn] ?? "", source, first.line)
    : null;
  const labelled = first !== undefined && layout.datasetColumn === 0
    && layout.dimensionColumns.some((c) => !codeLike.test(first.fields[c] ?? ""));
  return {
    header: { dimensions: layout.dimensions, sourceUpdatedAt, datasetCode },
    batches: readBatches(first, records, layout, labelled ? new LabelMapper(labels, source) : null, source),
  };
}

function readLayout(head: CsvRecord, source: string): Layout {
  const names = head.fields.map((f) => f.trim());
  const find = (name: string) => names.indexOf(name);
  const timeColumn = find("TIME_PERIOD");
  const valueColumn = find("OBS_VALUE");
  if (timeColumn < 0 || valueColumn < 0) {
    throw new InputError(source, head.line, "not an SDMX-CSV header (no TIME_PERIOD or OBS_VALUE column)");
  }
  let start: number;
  let step: number;
  let datasetColumn: number;
  let updatedColumn = -1;
  if (names[0] === "STRUCTURE" && names[1] === "STRUCTURE_ID") {
    datasetColumn = 1;
    start = names[2] === "STRUCTURE_NAME" ? 3 : 2;
    if (names[start] === "ACTION") start++;
    step = names[timeColumn + 1] === "OBS_VALUE" ? 1 : 2;
  } else if (names[0] === "DATAFLOW") {
    datasetColumn = 0;
    updatedColumn = names[1] === "LAST UPDATE" ? 1 : -1;
    start = updatedColumn < 0 ? 1 : 2;
    step = 1;
  } else {
    throw new InputError(source, head.line, `not an SDMX-CSV header (first column ${excerpt(names[0])})`);
  }
  const dimensionColumns: number[] = [];
  for (let c = start; c < timeColumn; c += step) dimensionColumns.push(c);
  const dimensions = dimensionColumns.map((c) => (names[c] as string).toLowerCase());
  if ((timeColumn - start) % step !== 0 || dimensions.length === 0 || new Set(dimensions).size !== dimensions.length
    || dimensions.some((d) => !/^[a-z0-9_]+$/.test(d))) {
    throw new InputError(source, head.line, `cannot read the dimension columns of ${excerpt(names.slice(0, timeColumn).join(","))}`);
  }
  return {
    width: names.length, dimensions, dimensionColumns, datasetColumn, updatedColumn, timeColumn, valueColumn,
    flagColumn: find("OBS_FLAG"), confColumn: find("CONF_STATUS"),
  };
}

function checkWidth(record: CsvRecord, layout: Layout, source: string): void {
  if (record.fields.length !== layout.width) {
    throw new InputError(source, record.line, `expected ${layout.width} fields, found ${record.fields.length}`);
  }
}

/** `ESTAT:MIGR_EIPRE$DEFAULTVIEW(1.0)` -> `MIGR_EIPRE`; null when the cell is empty. */
function readDatasetCode(cell: string): string | null {
  const code = cell.trim().replace(/^[^:]*:/, "").replace(/\(.*\)$/, "").replace(/\$.*$/, "");
  return code === "" ? null : code;
}

/** `13/03/25 23:00:00` (day/month/two-digit year) -> `2025-03-13T23:00:00`; ISO text passes; empty -> null. */
function readLastUpdate(cell: string, source: string, line: number): string | null {
  const text = cell.trim();
  if (text === "") return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
    const iso = `${year}-${m[2]}-${m[1]}T${m[4] ?? "00"}:${m[5] ?? "00"}:${m[6] ?? "00"}`;
    if (!Number.isNaN(Date.parse(`${iso}Z`)) && new Date(`${iso}Z`).toISOString().startsWith(iso)) return iso;
  } else if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) && !Number.isNaN(Date.parse(text))) {
    return text;
  }
  throw new InputError(source, line, `LAST UPDATE ${excerpt(text)} is not a date`);
}

async function* readBatches(
  first: CsvRecord | undefined, records: AsyncGenerator<CsvRecord>, layout: Layout,
  mapper: LabelMapper | null, source: string,
): AsyncGenerator<Observation[]> {
  const flags = new FlagReader(source);
  const periods = new PeriodReader(source);
  const codes: string[] = new Array<string>(layout.dimensions.length);
  let batch: Observation[] = [];
  let record = first;
  while (record !== undefined) {
    const { fields, line } = record;
    checkWidth(record, layout, source);
    let known = true;
    for (let d = 0; d < layout.dimensions.length; d++) {
      const dimension = layout.dimensions[d] as string;
      const cell = (fields[layout.dimensionColumns[d] as number] as string).trim();
      const code = mapper ? mapper.code(dimension, cell, line) : readCode(dimension, cell, source, line);
      if (code === null) known = false;
      else codes[d] = code;
    }
    const period = periods.read(fields[layout.timeColumn] as string, line);
    const value = readValue(fields[layout.valueColumn] as string, source, line);
    let flagText = layout.flagColumn >= 0 ? (fields[layout.flagColumn] as string).trim() : "";
    if (layout.confColumn >= 0) flagText += readConfStatus(fields[layout.confColumn] as string, source, line);
    const obsFlags = flags.read(flagText, line);
    if (known) batch.push({ series: makeSeriesKey(codes), period, value, flags: obsFlags });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
    const step = await records.next();
    record = step.done ? undefined : step.value;
  }
  mapper?.throwIfUnknown();
  if (batch.length > 0) yield batch;
}

function readCode(dimension: string, cell: string, source: string, line: number): string {
  if (!codeLike.test(cell)) throw new InputError(source, line, `bad ${dimension} code ${excerpt(cell)}`);
  return mapEurostatCode(dimension, cell);
}

function readValue(cell: string, source: string, line: number): number | null {
  const text = cell.trim();
  if (text === "") return null;
  const value = readDecimal(text);
  if (value === undefined) throw new InputError(source, line, `OBS_VALUE is not a number: ${excerpt(text)}`);
  return value;
}

/** SDMX CONF_STATUS: F (free) or empty adds nothing, C and D (primary/secondary confidential) add flag c. */
function readConfStatus(cell: string, source: string, line: number): string {
  const text = cell.trim();
  if (text === "" || text === "F") return "";
  if (text === "C" || text === "D") return "c";
  throw new InputError(source, line, `unknown CONF_STATUS ${excerpt(text)}`);
}
