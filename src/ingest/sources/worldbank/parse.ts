import { InputError, makeSeriesKey } from "../../../core/index.ts";
import type { Observation, ParsedTable, ParseInput, Period } from "../../../core/index.ts";
import { batchSize } from "../international/batchSize.ts";
import { findColumns, readCsvRecords } from "../international/csvRecords.ts";
import { readNumber, readYear } from "../international/numbers.ts";
import { CodeMapper, throwIfAnyUnknown } from "../international/unknownCodes.ts";
import { mapWdiTableIndicator, mapWorldBankEconomy } from "./codes.ts";

/** The dimensions of every World Bank table here, in series-key order. */
export const worldBankDimensions = ["geo", "indicator"] as const;

const columns = ["geo", "var", "t", "v"] as const;

/**
 * Parses the long WDI table (`geo,var,t,v`: ISO3 economy, short indicator name, year, value; plain or gzipped)
 * into observations keyed geo.indicator, the indicator as its World Bank id with `_` for `.` (codes.ts).
 * Throws InputError (line) for a malformed row and UnknownCodesError listing every economy or indicator that
 * maps nowhere, while the batches are read.
 */
export async function parseWdiTable(input: ParseInput): Promise<ParsedTable> {
  return {
    header: { dimensions: worldBankDimensions, sourceUpdatedAt: null, datasetCode: "WDI" },
    batches: wdiTableBatches(input),
  };
}

async function* wdiTableBatches(input: ParseInput): AsyncGenerator<readonly Observation[]> {
  const geo = new CodeMapper("economy", mapWorldBankEconomy);
  const indicator = new CodeMapper("indicator", mapWdiTableIndicator);
  let at: Record<(typeof columns)[number], number> | null = null;
  let batch: Observation[] = [];
  for await (const record of readCsvRecords(input)) {
    if (at === null) {
      at = findColumns(input.name, record, columns);
      continue;
    }
    const fields = record.fields;
    const period = readYear(fields[at.t] ?? "", "t", input.name, record.line) as Period;
    const value = readNumber(fields[at.v] ?? "", "v", input.name, record.line);
    const g = geo.map(fields[at.geo] ?? "", record.line);
    const i = indicator.map(fields[at.var] ?? "", record.line);
    if (g === null || i === null) continue;
    batch.push({ series: makeSeriesKey([g, i]), period, value, flags: "" });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (at === null) throw new InputError(input.name, undefined, "no header line");
  throwIfAnyUnknown(input.name, [geo, indicator]);
  if (batch.length > 0) yield batch;
}
