// What the fuzz harness feeds: every parser of every publisher (by its format name, as `migmon ingest --format`
// knows it), the agency delivery's YAML description loader and its CSV table check, each with a real sample
// from ../shared/data (or a recorded API answer in test/fixtures), cut to its first lines so a case stays fast.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { InputLimits, ParseInput } from "../../src/core/index.ts";
import { DeliveryRejectedError, deliveryReferenceCodes } from "../../src/ingest/delivery.ts";
import { parserFor } from "../../src/ingest/formats.ts";
import { parseDeliveryDescription } from "../../src/ingest/sources/tabular/description.ts";
import { readDeliveredRows } from "../../src/ingest/sources/tabular/parse.ts";
import { checkDelivery } from "../../src/ingest/sources/tabular/validate.ts";
import { sharedData } from "../shared-data.ts";

/** One thing the harness fuzzes: a name, the bytes it starts from, and how one input is read to the end. */
export interface FuzzTarget {
  readonly id: string;
  /** The input's name in messages (the sample's file name). */
  readonly name: string;
  readonly sample: Uint8Array;
  /** Reads one input to its end; throws what the reader throws. */
  readonly read: (input: ParseInput, limits: InputLimits) => Promise<void>;
}

const repository = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

/** The first `maxLines` lines of a file (gzip undone), so that hundreds of cases stay fast. */
function firstLines(file: string, maxLines: number): Uint8Array {
  let bytes: Uint8Array = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  let end = 0;
  for (let n = 0; n < maxLines; n++) {
    const next = bytes.indexOf(10, end);
    if (next < 0) return bytes;
    end = next + 1;
  }
  return bytes.subarray(0, end);
}

const parserSamples: ReadonlyArray<readonly [publisher: string, format: string, file: string, lines: number]> = [
  ["eurostat", "tsv", sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"), 40],
  ["eurostat", "sdmx-csv", sharedData("eurostat/sdmx-csv/asylum_applicants_total.csv"), 40],
  ["eurostat", "jsonstat", sharedData("eurostat/jsonstat/une_rt_m_DE_since_2024-01.json"), 10_000],
  ["eurostat", "legacy-csv", sharedData("eurostat/legacy-csv/migr_asyappctza_totals_2008-2016.csv"), 40],
  ["eurostat", "sdmx-ml", sharedData("eurostat/sdmx-ml/NAMA_10_GDP-ss.xml"), 10_000],
  ["eurostat", "derived-long", sharedData("eurostat/derived_immigration_by_citizenship_migr_imm1ctz.csv.gz"), 40],
  ["statbel", "population-structure", sharedData("statbel/TF_SOC_POP_STRUCT_2015.txt.gz"), 40],
  ["statbel", "census-hypercube", sharedData("statbel/census2011/TF_CENSUS_2011_HC27_L.csv.gz"), 40],
  ["statbel", "municipal-population", sharedData("statbel/pop_by_municipality_nationality_sex_2009-2015.csv"), 40],
  ["statbel", "municipal-totals", sharedData("statbel/bevolking_per_gemeente_2020.csv"), 40],
  ["undesa", "ims-long", sharedData("international/iom_gdidata/undesa_ims2024_stocks_by_origin_sex_1990-2024.csv.gz"), 40],
  ["undesa", "wpp-net-migration", sharedData("international/un_wpp2024_net_migration_1950-2023.csv.gz"), 40],
  ["undesa", "national-net-migration", sharedData("international/net_migration_national_statistics_1990-2023.csv"), 40],
  ["unhcr", "population-totals", sharedData("unhcr/unhcr_end_year_population_totals_1951-2022.csv.gz"), 40],
  ["unhcr", "population-download", sharedData("unhcr/refugees_in_EU_plus_UK.csv"), 40],
  ["unhcr", "population-api", repository("test/fixtures/unhcr/api_population_BEL_2021-2022_page1.json"), 10],
  ["unhcr", "asylum-applications", sharedData("unhcr/unhcr_asylum_applications_2000-2022.csv.gz"), 40],
  ["unhcr", "asylum-decisions", sharedData("unhcr/unhcr_asylum_decisions_2000-2022.csv.gz"), 40],
  ["unhcr", "solutions", sharedData("unhcr/unhcr_solutions_1959-2022.csv.gz"), 40],
  ["unhcr", "demographics", sharedData("unhcr/unhcr_demographics_2001-2021.csv.gz"), 40],
  ["unhcr", "popstats-monthly", sharedData("unhcr/unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz"), 40],
  ["oecd", "sdmx-csv", sharedData("oecd/oecd_imd_DF_MIG_inflows_extract.csv"), 40],
  ["worldbank", "wdi-long", sharedData("international/iom_gdidata/worldbank_wdi_selected_indicators_1950-2023.csv.gz"), 40],
  ["worldbank", "api-json", repository("test/fixtures/worldbank/unemployment_BEL_NLD_2021-2022_page1.json"), 10],
];

const deliveryExample = repository("data/deliveries/examples/civic-integration-starts.yaml");
const deliveryTable = repository("test/fixtures/deliveries/civic-integration-starts-2024.csv");

/** Every fuzz target: each parser, the delivery description loader, and the delivery table check. */
export function fuzzTargets(): FuzzTarget[] {
  const targets: FuzzTarget[] = parserSamples.map(([publisher, format, file, lines]) => {
    const name = path.basename(file).replace(/\.gz$/, "");
    const parser = parserFor(publisher, format, name);
    return {
      id: `${publisher}:${format}`,
      name,
      sample: firstLines(file, lines),
      read: async (input) => {
        const table = await parser(input);
        for await (const batch of table.batches) void batch;
      },
    };
  });
  const description = parseDeliveryDescription(readFileSync(deliveryExample, "utf8"), "civic-integration-starts.yaml");
  targets.push({
    id: "agency:description-yaml",
    name: "civic-integration-starts.yaml",
    sample: readFileSync(deliveryExample),
    read: async (input, limits) => {
      const parts: Uint8Array[] = [];
      for await (const chunk of input.chunks) parts.push(chunk);
      parseDeliveryDescription(Buffer.concat(parts).toString("utf8"), input.name, limits.maxDescriptionBytes);
    },
  });
  targets.push({
    id: "agency:table-csv",
    name: "civic-integration-starts-2024.csv",
    // the whole table: its declared totals hold only over all of its rows
    sample: readFileSync(deliveryTable),
    read: async (input) => {
      const parts: Uint8Array[] = [];
      for await (const chunk of input.chunks) parts.push(chunk);
      const rows = await readDeliveredRows(Buffer.concat(parts), description.format, input.name);
      // problems of content come back as a value; ingestDelivery refuses them all at once, as here
      const { problems } = checkDelivery(description, rows, deliveryReferenceCodes());
      if (problems.length > 0) throw new DeliveryRejectedError(input.name, problems);
    },
  });
  return targets;
}
