// The country dimensions of every real Eurostat file, once parsed and mapped, are known to the country code
// list: the connector (EL/UK -> GR/GB, labels -> codes) and data/reference/country-groups.yaml agree.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { isCountryDimension } from "../../src/ingest/sources/eurostat/codes.ts";
import { eurostatParsers } from "../../src/ingest/formats.ts";
import type { EurostatFormat } from "../../src/ingest/sources/eurostat/parse.ts";
import { checkCountryDimensionCodes } from "../../src/reference/countries.ts";
import { eurostatFile, eurostatPath } from "./real-files.ts";

const folders: Record<string, EurostatFormat> = {
  "bulk-tsv": "tsv", "sdmx-csv": "sdmx-csv", "jsonstat": "jsonstat", "legacy-csv": "legacy-csv", "sdmx-ml": "sdmx-ml",
};
// These do not parse, by design: structure messages, the asynchronous footer, the appsso metadata companion of a
// legacy export, and files whose labels have no verified code in data/reference/eurostat-labels.csv (their parser
// tests assert the errors).
const notParsed = new Set([
  "sdmx-ml/GOV_10Q_GGNFA.xml", "sdmx-ml/CL_FREQ.xml", "sdmx-ml/footer.xml", "legacy-csv/migr_asyappctzm_Label.csv", "sdmx-csv/migrants_illegally_present.csv",
  "sdmx-csv/proportion_of_population_by_sex_and_citizenship.csv", "sdmx-csv/proportion_of_population_by_sex_and_country_of_birth.csv",
]);

describe("Eurostat country codes against the country code list", () => {
  it("checkCountryDimensionCodes(dimension, codes of every parsed real Eurostat file) returns no unknown code", async () => {
    const seen = new Map<string, Set<string>>();
    let files = 0;
    for (const [folder, format] of Object.entries(folders)) {
      for (const name of readdirSync(eurostatPath(folder)).sort()) {
        const relative = `${folder}/${name}`;
        if (notParsed.has(relative)) continue;
        const table = await eurostatParsers[format](eurostatFile(relative));
        const columns = table.header.dimensions.flatMap((d, i) => (isCountryDimension(d) ? [[d, i] as const] : []));
        for await (const batch of table.batches) {
          for (const o of batch) {
            const parts = o.series.split(".");
            for (const [d, i] of columns) {
              let codes = seen.get(d);
              if (!codes) seen.set(d, (codes = new Set()));
              codes.add(parts[i] as string);
            }
          }
        }
        files++;
      }
    }
    assert.equal(files, 25); // 32 files under shared/data/eurostat/{bulk-tsv,sdmx-csv,jsonstat,legacy-csv,sdmx-ml} minus 7
    assert.deepEqual([...seen.keys()].sort(), ["citizen", "geo"]);
    for (const [dimension, codes] of seen) assert.deepEqual(checkCountryDimensionCodes(dimension, codes), [], dimension);
    assert.ok(seen.get("geo")?.has("GR") && seen.get("geo")?.has("GB") && !seen.get("geo")?.has("EL"));
  });
});
