import { InputError, makeSeriesKey } from "../../../core/index.ts";
import type { Observation, ParsedTable, ParseInput, Parser, Period } from "../../../core/index.ts";
import { batchSize } from "../international/batchSize.ts";
import { findColumns, readCsvRecords } from "../international/csvRecords.ts";
import { readNumber, readYear } from "../international/numbers.ts";
import { CodeMapper } from "../international/unknownCodes.ts";
import { mapUndesaArea } from "./codes.ts";

const columns = ["Year", "Country ISO", "Net Number of Migrants"] as const;

/**
 * A parser of the net-migration tables written by pandas (`,Year,Country ISO,Net Number of Migrants`: an
 * unnamed index column first, years and counts as floats such as `1990.0`, ISO3 countries), with one dimension
 * `geo`. `datasetCode` names the table in the header. Throws InputError (line) for a malformed row and
 * UnknownCodesError listing every country code that maps nowhere, while the batches are read.
 */
export function makeNetMigrationParser(datasetCode: string): Parser {
  return async (input: ParseInput): Promise<ParsedTable> => ({
    header: { dimensions: ["geo"], sourceUpdatedAt: null, datasetCode },
    batches: netMigrationBatches(input),
  });
}

/** UN World Population Prospects 2024, net number of migrants per country and year (estimates 1950-2023). */
export const parseWppNetMigration: Parser = makeNetMigrationParser("WPP2024_NET_MIGRATION");

/**
 * Net migration from national statistical offices (Belgium from Statbel) as compiled with UN WPP 2024 filling
 * the gaps; kept with the UN source because the gaps are UN figures and the file does not say which.
 */
export const parseNationalNetMigration: Parser = makeNetMigrationParser("NATIONAL_NET_MIGRATION");

async function* netMigrationBatches(input: ParseInput): AsyncGenerator<readonly Observation[]> {
  const geo = new CodeMapper("country", mapUndesaArea);
  let at: Record<(typeof columns)[number], number> | null = null;
  let batch: Observation[] = [];
  for await (const record of readCsvRecords(input)) {
    if (at === null) {
      at = findColumns(input.name, record, columns);
      continue;
    }
    const fields = record.fields;
    const period = readYear(fields[at.Year] ?? "", "Year", input.name, record.line) as Period;
    const value = readNumber(fields[at["Net Number of Migrants"]] ?? "", "Net Number of Migrants", input.name, record.line);
    const g = geo.map(fields[at["Country ISO"]] ?? "", record.line);
    if (g === null) continue;
    batch.push({ series: makeSeriesKey([g]), period, value, flags: "" });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (at === null) throw new InputError(input.name, undefined, "no header line");
  geo.throwIfUnknown(input.name);
  if (batch.length > 0) yield batch;
}
