import { InputError, makeSeriesKey, excerpt } from "../../../core/index.ts";
import type { Observation, ParsedTable, ParseInput, Period } from "../../../core/index.ts";
import { batchSize } from "../international/batchSize.ts";
import { findColumns, readCsvRecords } from "../international/csvRecords.ts";
import type { CsvRecord } from "../international/csvRecords.ts";
import { readNumber, readYear } from "../international/numbers.ts";
import { CodeMapper, throwIfAnyUnknown } from "../international/unknownCodes.ts";
import { mapUndesaArea, mapUndesaSex, undesaBasis, undesaFlags } from "./codes.ts";

/** The dimensions of the International Migrant Stock table, in series-key order. */
export const migrantStockDimensions = ["geo", "origin", "sex", "basis"] as const;

const columns = ["geo", "t", "from", "sex", "n", "type_b", "type_c", "type_r", "type_i"] as const;

/**
 * Parses the UN DESA International Migrant Stock (2024 edition) as a long CSV (`geo,t,from,sex,n,type_b,type_c,
 * type_r,type_i`: ISO3 destination, year, ISO3 origin, female/male, count, the UN's 0/1 data-type notes), plain
 * or gzipped, into observations keyed geo.origin.sex.basis (see codes.ts for the notes turned into the `basis`
 * dimension and flags). Throws InputError with the line for a malformed row and UnknownCodesError listing
 * every area or sex code that maps nowhere, both while the batches are read.
 */
export async function parseMigrantStock(input: ParseInput): Promise<ParsedTable> {
  return {
    header: { dimensions: migrantStockDimensions, sourceUpdatedAt: null, datasetCode: "IMS2024_STOCK_BY_ORIGIN_SEX" },
    batches: migrantStockBatches(input),
  };
}

async function* migrantStockBatches(input: ParseInput): AsyncGenerator<readonly Observation[]> {
  const geo = new CodeMapper("destination", mapUndesaArea);
  const origin = new CodeMapper("origin", mapUndesaArea);
  const sex = new CodeMapper("sex", mapUndesaSex);
  let at: Record<(typeof columns)[number], number> | null = null;
  let batch: Observation[] = [];
  for await (const record of readCsvRecords(input)) {
    if (at === null) {
      at = findColumns(input.name, record, columns);
      continue;
    }
    const f = (name: (typeof columns)[number]) => record.fields[at![name]] ?? "";
    const period = readYear(f("t"), "t", input.name, record.line) as Period;
    const value = readNumber(f("n"), "n", input.name, record.line);
    const note = (name: "type_b" | "type_c" | "type_r" | "type_i") => readNote(f(name), name, input.name, record);
    const basis = undesaBasis(note("type_b"), note("type_c"));
    const flags = undesaFlags(note("type_r"), note("type_i"));
    const g = geo.map(f("geo"), record.line);
    const o = origin.map(f("from"), record.line);
    const s = sex.map(f("sex"), record.line);
    if (g === null || o === null || s === null) continue;
    batch.push({ series: makeSeriesKey([g, o, s, basis]), period, value, flags });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (at === null) throw new InputError(input.name, undefined, "no header line");
  throwIfAnyUnknown(input.name, [geo, origin, sex]);
  if (batch.length > 0) yield batch;
}

function readNote(text: string, column: string, source: string, record: CsvRecord): boolean {
  if (text === "1") return true;
  if (text === "0") return false;
  throw new InputError(source, record.line, `data-type note ${column} must be 0 or 1, found ${excerpt(text)}`);
}
