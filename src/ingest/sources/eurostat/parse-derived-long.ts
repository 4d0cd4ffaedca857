import {
  InputError, makeSeriesKey,
  type Observation, type ParseInput, type ParsedTable, type Parser,
} from "../../../core/index.ts";
import { batchSize } from "./batching.ts";
import { readDecimal } from "./cell-value.ts";
import { LabelMapper, type EurostatLabels } from "./codes.ts";
import { readCsvRecords, type CsvRecord } from "./csv-records.ts";
import { PeriodReader } from "./period-reader.ts";
import { readLines } from "../input/lines.ts";

/** The code eurostat-labels.csv gives an aggregate label of the derived tables whose Eurostat code is not verified. */
const leftOut = "-";

/** The first column's header, in the two derived tables of shared/data/eurostat, names the citizenship. */
const citizenHeaders: ReadonlySet<string> = new Set(["Country of citizenship", "citizen"]);

/**
 * Makes the parser of the third-party long tables derived from Eurostat's migr_imm1ctz and migr_pop1ctz
 * (`derived_*_by_citizenship_*.csv.gz`: columns citizenship label, geo label, year, number; PROVENANCE.md 1b).
 * The labels are mapped to Eurostat codes through `labels` (data/reference/eurostat-labels.csv) and then to ours
 * (Greece -> EL -> GR), exactly as the label exports of Eurostat itself; a label without a code is never guessed:
 * the whole file fails with one UnknownCodeError listing every such label with its first line. Aggregate labels
 * the table lists with code `-` (continents, past EU compositions: codes not verified) are left out. Values written
 * as `3838.0` are read as numbers; an empty value is missing (null). Dimensions: citizen, geo.
 */
export function makeDerivedLongParser(labels: EurostatLabels): Parser {
  return (input) => parseDerivedLong(input, labels);
}

async function parseDerivedLong(input: ParseInput, labels: EurostatLabels): Promise<ParsedTable> {
  const source = input.name;
  const records = readCsvRecords(readLines(input, "utf-8"), source);
  const head = await records.next();
  if (head.done) throw new InputError(source, undefined, "empty input, expected a header `citizen,geo,year,<number>`");
  const names = head.value.fields.map((f) => f.trim());
  if (names.length !== 4 || !citizenHeaders.has(names[0]!) || names[1] !== "geo" || names[2] !== "year") {
    throw new InputError(source, head.value.line, `not a derived Eurostat long table: header ${JSON.stringify(names.join(","))}, expected "Country of citizenship|citizen,geo,year,<number>"`);
  }
  return {
    header: { dimensions: ["citizen", "geo"], sourceUpdatedAt: null, datasetCode: null },
    batches: readBatches(records, new LabelMapper(labels, source), source),
  };
}

async function* readBatches(records: AsyncGenerator<CsvRecord>, mapper: LabelMapper, source: string): AsyncGenerator<Observation[]> {
  const periods = new PeriodReader(source);
  let batch: Observation[] = [];
  for await (const { fields, line } of records) {
    if (fields.length !== 4) throw new InputError(source, line, `expected 4 fields, found ${fields.length}`);
    const [citizenLabel, geoLabel, year, number] = fields.map((f) => f.trim()) as [string, string, string, string];
    const citizen = mapper.code("citizen", citizenLabel, line);
    const geo = mapper.code("geo", geoLabel, line);
    if (!/^\d{4}$/.test(year)) throw new InputError(source, line, `year is not a year: ${JSON.stringify(year)}`);
    const period = periods.read(year, line);
    let value: number | null = null;
    if (number !== "") {
      const read = readDecimal(number);
      if (read === undefined) throw new InputError(source, line, `the number is not a number: ${JSON.stringify(number)}`);
      value = read;
    }
    // `-`: an aggregate whose Eurostat code is not verified (eurostat-labels.csv); its rows are left out.
    if (citizen !== null && geo !== null && citizen !== leftOut) batch.push({ series: makeSeriesKey([citizen, geo]), period, value, flags: "" });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  mapper.throwIfUnknown();
  if (batch.length > 0) yield batch;
}
