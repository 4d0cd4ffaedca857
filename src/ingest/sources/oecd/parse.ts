import { InputError, makeSeriesKey, parsePeriod, PeriodError, excerpt } from "../../../core/index.ts";
import type { Observation, ParsedTable, ParseInput, Period } from "../../../core/index.ts";
import { batchSize } from "../international/batchSize.ts";
import { readCsvRecords } from "../international/csvRecords.ts";
import type { CsvRecord } from "../international/csvRecords.ts";
import { readNumber } from "../international/numbers.ts";
import { CodeMapper, throwIfAnyUnknown } from "../international/unknownCodes.ts";
import { mapObservationStatus, mapOecdArea, oecdAreaDimensions } from "./codes.ts";

/** Columns of SDMX-CSV 2.0 that describe the message, not a dimension. */
const structureColumns = new Set(["STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME", "ACTION"]);

/** Where the columns of an SDMX-CSV 2.0 file are: dimension code columns, time, value and attributes. */
interface SdmxCsvLayout {
  readonly dimensions: ReadonlyArray<{ readonly id: string; readonly at: number }>;
  readonly structureId: number;
  readonly time: number;
  readonly value: number;
  readonly status: number | undefined;
  readonly unitMultiplier: number | undefined;
}

/**
 * Parses an SDMX-CSV 2.0 file of the OECD Data Explorer (with or without label columns, e.g. the International
 * Migration Database `OECD.ELS.IMD:DSD_MIG@DF_MIG(1.0)`) into observations keyed by the dimension codes in the
 * file's order (REF_AREA, CITIZENSHIP, ... lower-cased). Country dimensions are mapped to ISO alpha-2 (codes.ts),
 * OBS_STATUS to flags, UNIT_MULT applied to the value. Throws InputError (line) for a malformed row, an unknown
 * status or a bad period, and UnknownCodesError listing every area code that maps nowhere, while the batches
 * are read.
 */
export async function parseOecdSdmxCsv(input: ParseInput): Promise<ParsedTable> {
  const records = readCsvRecords(input);
  const first = await records.next();
  if (first.done) throw new InputError(input.name, undefined, "no header line");
  const layout = findLayout(input.name, first.value);
  const firstRow = await records.next();
  const datasetCode = firstRow.done ? null : dataflowId(firstRow.value.fields[layout.structureId] ?? "");
  return {
    header: { dimensions: layout.dimensions.map((d) => d.id.toLowerCase()), sourceUpdatedAt: null, datasetCode },
    batches: sdmxCsvBatches(input.name, layout, firstRow.done ? null : firstRow.value, records),
  };
}

/** `OECD.ELS.IMD:DSD_MIG@DF_MIG(1.0)` -> `DSD_MIG@DF_MIG`: the dataflow id without agency and version. */
function dataflowId(structureId: string): string | null {
  const m = /^[^:]+:([^()]+)(\(.*\))?$/.exec(structureId);
  return m?.[1] ?? (structureId === "" ? null : structureId);
}

function findLayout(source: string, header: CsvRecord): SdmxCsvLayout {
  const names = header.fields;
  const index = (name: string) => {
    const at = names.indexOf(name);
    return at < 0 ? undefined : at;
  };
  const time = index("TIME_PERIOD");
  const value = index("OBS_VALUE");
  const structureId = index("STRUCTURE_ID");
  const missing = [["STRUCTURE_ID", structureId], ["TIME_PERIOD", time], ["OBS_VALUE", value]].filter(([, at]) => at === undefined);
  if (missing.length > 0 || time === undefined || value === undefined || structureId === undefined) {
    throw new InputError(source, header.line, `missing SDMX-CSV column${missing.length > 1 ? "s" : ""} ${missing.map(([n]) => excerpt(n)).join(", ")}`);
  }
  const dimensions: Array<{ id: string; at: number }> = [];
  names.forEach((name, at) => {
    // label columns ("Reference area") are skipped: only SDMX ids (upper case) before TIME_PERIOD are dimensions
    if (at < time && /^[A-Z][A-Z0-9_]*$/.test(name) && !structureColumns.has(name)) dimensions.push({ id: name, at });
  });
  return { dimensions, structureId, time, value, status: index("OBS_STATUS"), unitMultiplier: index("UNIT_MULT") };
}

async function* sdmxCsvBatches(
  source: string,
  layout: SdmxCsvLayout,
  firstRow: CsvRecord | null,
  rest: AsyncGenerator<CsvRecord>,
): AsyncGenerator<readonly Observation[]> {
  const mappers = new Map(layout.dimensions.filter((d) => oecdAreaDimensions.has(d.id)).map((d) => [d.id, new CodeMapper(d.id.toLowerCase(), mapOecdArea)]));
  let batch: Observation[] = [];
  async function* rows(): AsyncGenerator<CsvRecord> {
    if (firstRow !== null) yield firstRow;
    yield* rest;
  }
  for await (const record of rows()) {
    const f = (at: number | undefined) => (at === undefined ? "" : (record.fields[at] ?? ""));
    const codes: string[] = [];
    let known = true;
    for (const d of layout.dimensions) {
      const raw = f(d.at);
      const mapper = mappers.get(d.id);
      const code = mapper === undefined ? raw : mapper.map(raw, record.line);
      if (code === null) known = false;
      else if (code === "" || code.includes(".")) throw new InputError(source, record.line, `bad ${d.id} code ${excerpt(raw)}`);
      else codes.push(code);
    }
    const status = mapObservationStatus(f(layout.status));
    if (status === undefined) throw new InputError(source, record.line, `unknown OBS_STATUS ${excerpt(f(layout.status))}`);
    const period = readPeriod(source, record.line, f(layout.time));
    let value = readNumber(f(layout.value), "OBS_VALUE", source, record.line);
    const multiplier = readNumber(f(layout.unitMultiplier), "UNIT_MULT", source, record.line);
    if (value !== null && multiplier !== null && multiplier !== 0) value = Number((value * 10 ** multiplier).toPrecision(15));
    if (status.missing) value = null;
    if (!known) continue;
    batch.push({ series: makeSeriesKey(codes), period, value, flags: status.flags });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  throwIfAnyUnknown(source, [...mappers.values()]);
  if (batch.length > 0) yield batch;
}

function readPeriod(source: string, line: number, text: string): Period {
  try {
    return parsePeriod(text);
  } catch (error) {
    if (error instanceof PeriodError) throw new InputError(source, line, `bad TIME_PERIOD ${excerpt(text)}`);
    throw error;
  }
}
