import {
  InputError, makeSeriesKey,
  type Observation, type ParseInput, type ParsedTable,
} from "../../../core/index.ts";
import { CodeMapper, throwIfAnyUnknown } from "../international/unknownCodes.ts";
import { iso2FromAlpha3 } from "../international/countryCodes.ts";
import { batchSize } from "./batching.ts";
import { readCsvRecords, type CsvRecord } from "./csv-records.ts";
import { PeriodReader } from "./period-reader.ts";
import { readLines } from "../input/lines.ts";

/**
 * The codes of the IOM reshaping that are no ISO 3166-1 alpha-3 code, and ours: `OOO` unknown citizenship (the IOM
 * package's code for "other / unknown", as in its UN DESA table), `STL` stateless, `XKX` Kosovo (the code the UN,
 * UNHCR and the World Bank use), `EU27` the European Union as Eurostat computes it from 2020 (EU27_2020).
 */
const iomCodes: ReadonlyMap<string, string> = new Map([["OOO", "UNK"], ["STL", "STLS"], ["XKX", "XK"], ["EU27", "EU27_2020"]]);
const sexes: ReadonlyMap<string, string> = new Map([["female", "F"], ["male", "M"], ["unknown", "UNK"]]);

const country = (code: string) => iomCodes.get(code) ?? iso2FromAlpha3(code);

/**
 * Parses Eurostat's first-time asylum applicants as reshaped by the IOM GDI data package (`geo,t,nat,sex,n`: ISO3
 * receiving state, year, ISO3 citizenship, female/male/unknown, count; PROVENANCE.md 1i) into dimensions geo,
 * citizen, sex with our codes (ISO 3166-1 alpha-2). Every code no list knows is collected and the input fails with
 * one UnknownCodesError listing them with their first lines; a count that is not a whole number is an InputError.
 */
export async function parseIomLong(input: ParseInput): Promise<ParsedTable> {
  const source = input.name;
  const records = readCsvRecords(readLines(input, "utf-8"), source);
  const head = await records.next();
  if (head.done) throw new InputError(source, undefined, "empty input, expected the header geo,t,nat,sex,n");
  const names = head.value.fields.map((f) => f.trim()).join(",");
  if (names !== "geo,t,nat,sex,n") throw new InputError(source, head.value.line, `not the IOM long table: header ${JSON.stringify(names)}, expected "geo,t,nat,sex,n"`);
  return {
    header: { dimensions: ["geo", "citizen", "sex"], sourceUpdatedAt: null, datasetCode: null },
    batches: readBatches(records, source),
  };
}

async function* readBatches(records: AsyncGenerator<CsvRecord>, source: string): AsyncGenerator<Observation[]> {
  const mappers = [new CodeMapper("geo", country), new CodeMapper("nat", country), new CodeMapper("sex", (s) => sexes.get(s))];
  const periods = new PeriodReader(source);
  let batch: Observation[] = [];
  for await (const { fields, line } of records) {
    if (fields.length !== 5) throw new InputError(source, line, `expected 5 fields, found ${fields.length}`);
    const [geo, year, nat, sex, n] = fields.map((f) => f.trim()) as [string, string, string, string, string];
    if (!/^\d{4}$/.test(year)) throw new InputError(source, line, `t is not a year: ${JSON.stringify(year)}`);
    if (!/^\d+$/.test(n)) throw new InputError(source, line, `n is not a count: ${JSON.stringify(n)}`);
    const codes = [mappers[0]!.map(geo, line), mappers[1]!.map(nat, line), mappers[2]!.map(sex, line)];
    const period = periods.read(year, line);
    if (codes.every((c) => c !== null)) batch.push({ series: makeSeriesKey(codes as string[]), period, value: Number(n), flags: "" });
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  throwIfAnyUnknown(source, mappers);
  if (batch.length > 0) yield batch;
}
