import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageError } from "../../../core/index.ts";
import { eurostatBytes } from "../../../../test/eurostat/real-files.ts";
import { curatedEurostatParsers as eurostatParsers } from "../../../../test/eurostat/real-files.ts";
import { detectEurostatFormat, eurostatFormats } from "./parse.ts";

const expected: Array<[string, string]> = [
  ["bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv", "tsv"],
  ["bulk-tsv/gov_10dd_edpt1.tsv.gz", "tsv"],
  ["bulk-tsv/teina200.tsv", "tsv"],
  ["sdmx-csv/asylum_applicants_total.csv", "sdmx-csv"],
  ["sdmx-csv/country_population.csv", "sdmx-csv"],
  ["sdmx-csv/unemployment_rates_yearly.csv.gz", "sdmx-csv"],
  ["jsonstat/une_rt_m_DE_since_2024-01.json", "jsonstat"],
  ["legacy-csv/demo_pjan_totals_2007-2016.csv", "legacy-csv"],
  ["legacy-csv/migr_asyappctza_totals_2008-2016.csv", "legacy-csv"],
  ["legacy-csv/migr_asyappctza_allcitizenships_2012-2016.csv.gz", "legacy-csv"],
  ["sdmx-ml/NAMA_10_GDP-ss.xml", "sdmx-ml"],
  ["sdmx-ml/footer.xml", "sdmx-ml"],
];

describe("detectEurostatFormat", () => {
  for (const [file, format] of expected) {
    it(`detectEurostatFormat(first 512 bytes of ${file}) is ${format}`, () => {
      assert.equal(detectEurostatFormat(eurostatBytes(file).subarray(0, 512), file), format);
    });
  }

  it("detectEurostatFormat reads the content, not the extension, when they disagree", () => {
    const head = eurostatBytes("sdmx-csv/asylum_applicants_total.csv").subarray(0, 300);
    assert.equal(detectEurostatFormat(head, "download.tsv"), "sdmx-csv");
    assert.equal(detectEurostatFormat(eurostatBytes("bulk-tsv/teina200.tsv").subarray(0, 300), "data.csv"), "tsv");
  });

  it("detectEurostatFormat throws UsageError naming the file when nothing matches", () => {
    assert.throws(() => detectEurostatFormat(new TextEncoder().encode("a;b;c\n1;2;3\n"), "x.csv"), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.match(error.message, /x\.csv/);
      return true;
    });
  });

  it("eurostatParsers has one parser per format", () => {
    assert.deepEqual(Object.keys(eurostatParsers).sort(), [...eurostatFormats].sort());
  });
});
