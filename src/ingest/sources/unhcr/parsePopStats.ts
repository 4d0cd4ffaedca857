import { InputError, makeSeriesKey, mergeFlags, excerpt } from "../../../core/index.ts";
import type { Observation, ParsedTable, ParseInput, Period } from "../../../core/index.ts";
import { batchSize } from "../international/batchSize.ts";
import { readCsvRecords } from "../international/csvRecords.ts";
import { readNumber, readYear } from "../international/numbers.ts";
import { CodeMapper, throwIfAnyUnknown } from "../international/unknownCodes.ts";
import { mapPopStatsName, monthNumbers } from "./codes.ts";

/**
 * Parses the old UNHCR PopStats export of monthly asylum applications: no header, five columns (country of
 * asylum name, origin name, year, English month name, value), names with commas quoted, `*` for a value
 * suppressed to protect small counts -> value null with flag c. Observations are keyed geo.origin with
 * monthly periods; rows that fall in one cell (the two US agencies) are added up, a suppressed part makes the
 * cell null and c. Throws InputError (line) for a malformed row or month, UnknownCodesError listing every name
 * that maps nowhere, while the batches are read.
 */
export async function parseUnhcrPopStatsMonthly(input: ParseInput): Promise<ParsedTable> {
  return {
    header: { dimensions: ["geo", "origin"], sourceUpdatedAt: null, datasetCode: "ASYLUM_SEEKERS_MONTHLY" },
    batches: popStatsBatches(input),
  };
}

async function* popStatsBatches(input: ParseInput): AsyncGenerator<readonly Observation[]> {
  const asylum = new CodeMapper("asylum country name", mapPopStatsName);
  const origin = new CodeMapper("origin name", mapPopStatsName);
  const cells = new Map<string, { value: number | null; flags: string }>();
  for await (const record of readCsvRecords(input)) {
    if (record.fields.length !== 5) throw new InputError(input.name, record.line, `expected 5 fields, found ${record.fields.length}`);
    const [asylumName, originName, yearText, monthName, valueText] = record.fields as [string, string, string, string, string];
    const year = readYear(yearText, "year", input.name, record.line);
    const month = monthNumbers.get(monthName.trim());
    if (month === undefined) throw new InputError(input.name, record.line, `not a month name: ${excerpt(monthName)}`);
    const suppressed = valueText.trim() === "*";
    const value = suppressed ? null : readNumber(valueText, "value", input.name, record.line);
    const flags = suppressed ? "c" : "";
    const a = asylum.map(asylumName, record.line);
    const o = origin.map(originName, record.line);
    if (a === null || o === null) continue;
    const id = `${makeSeriesKey([a, o])}|${year}-${String(month).padStart(2, "0")}`;
    const cell = cells.get(id);
    if (cell === undefined) cells.set(id, { value, flags });
    else {
      cell.value = cell.value === null || value === null ? null : cell.value + value;
      if (flags !== "") cell.flags = mergeFlags(cell.flags, flags);
    }
  }
  throwIfAnyUnknown(input.name, [asylum, origin]);
  let batch: Observation[] = [];
  for (const [id, cell] of cells) {
    const [series, period] = id.split("|") as [string, string];
    batch.push({ series: makeSeriesKey(series.split(".")), period: period as Period, value: cell.value, flags: cell.flags });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
