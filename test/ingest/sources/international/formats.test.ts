import assert from "node:assert/strict";
import { openSync, readSync, closeSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { UsageError } from "../../../../src/core/index.ts";
import { detectOecdFormat, oecdParsers } from "../../../../src/ingest/sources/oecd/formats.ts";
import { detectUndesaFormat, undesaParsers } from "../../../../src/ingest/sources/undesa/formats.ts";
import { detectUnhcrFormat, unhcrParsers } from "../../../../src/ingest/sources/unhcr/formats.ts";
import { detectWorldBankFormat, worldBankParsers } from "../../../../src/ingest/sources/worldbank/formats.ts";
import { sharedDataPath } from "./sharedData.ts";

function head(path: string): Uint8Array {
  const fd = openSync(path, "r");
  const buffer = new Uint8Array(4096);
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  return buffer.subarray(0, n);
}

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url));

describe("format detection of the international connectors", () => {
  it("detectUndesaFormat / detectUnhcrFormat / detectOecdFormat / detectWorldBankFormat(first bytes, name) name the format of every real file", () => {
    const cases: Array<[(b: Uint8Array, n: string) => string, Readonly<Record<string, unknown>>, string, string]> = [
      [detectUndesaFormat, undesaParsers, sharedDataPath("international/iom_gdidata/undesa_ims2024_stocks_by_origin_sex_1990-2024.csv.gz"), "ims-long"],
      [detectUndesaFormat, undesaParsers, sharedDataPath("international/un_wpp2024_net_migration_1950-2023.csv.gz"), "wpp-net-migration"],
      [detectUndesaFormat, undesaParsers, sharedDataPath("international/net_migration_national_statistics_1990-2023.csv"), "national-net-migration"],
      [detectUnhcrFormat, unhcrParsers, sharedDataPath("unhcr/unhcr_end_year_population_totals_1951-2022.csv.gz"), "population-totals"],
      [detectUnhcrFormat, unhcrParsers, sharedDataPath("unhcr/unhcr_asylum_applications_2000-2022.csv.gz"), "asylum-applications"],
      [detectUnhcrFormat, unhcrParsers, sharedDataPath("unhcr/unhcr_asylum_decisions_2000-2022.csv.gz"), "asylum-decisions"],
      [detectUnhcrFormat, unhcrParsers, sharedDataPath("unhcr/unhcr_solutions_1959-2022.csv.gz"), "solutions"],
      [detectUnhcrFormat, unhcrParsers, sharedDataPath("unhcr/unhcr_demographics_2001-2021.csv.gz"), "demographics"],
      [detectUnhcrFormat, unhcrParsers, sharedDataPath("unhcr/refugees_in_EU_plus_UK.csv"), "population-download"],
      [detectUnhcrFormat, unhcrParsers, sharedDataPath("unhcr/ukraine_refugees_in_EU.csv"), "population-download"],
      [detectUnhcrFormat, unhcrParsers, sharedDataPath("unhcr/unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz"), "popstats-monthly"],
      [detectUnhcrFormat, unhcrParsers, fixture("unhcr/api_population_BEL_2021-2022_page1.json"), "population-api"],
      [detectOecdFormat, oecdParsers, sharedDataPath("oecd/oecd_imd_DF_MIG_inflows_extract.csv"), "sdmx-csv"],
      [detectWorldBankFormat, worldBankParsers, sharedDataPath("international/iom_gdidata/worldbank_wdi_selected_indicators_1950-2023.csv.gz"), "wdi-long"],
      [detectWorldBankFormat, worldBankParsers, fixture("worldbank/unemployment_BEL_NLD_2021-2022_page1.json"), "api-json"],
    ];
    for (const [detect, parsers, path, expected] of cases) {
      const name = path.split("/").pop() ?? path;
      assert.equal(detect(head(path), name), expected, name);
      assert.equal(typeof parsers[expected], "function", expected);
    }
  });

  it("detectUnhcrFormat(first bytes of another publisher's file) throws UsageError naming the formats", () => {
    const oecd = head(sharedDataPath("oecd/oecd_imd_DF_MIG_inflows_extract.csv"));
    assert.throws(() => detectUnhcrFormat(oecd, "x.csv"), (e: unknown) => e instanceof UsageError && /^cannot tell the UNHCR format of x\.csv from its content; name it with --format \(population-totals, /.test(e.message));
    assert.throws(() => detectWorldBankFormat(oecd, "x.csv"), UsageError);
    assert.throws(() => detectUndesaFormat(oecd, "x.csv"), UsageError);
    assert.throws(() => detectOecdFormat(new TextEncoder().encode("geo,var,t,v\n"), "x.csv"), UsageError);
  });
});
