import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError } from "../../../../src/core/index.ts";
import type { Observation } from "../../../../src/core/index.ts";
import { mapPopStatsName, mapUnhcrCountry } from "../../../../src/ingest/sources/unhcr/codes.ts";
import {
  parseUnhcrAsylumApplications,
  parseUnhcrAsylumDecisions,
  parseUnhcrDemographics,
  parseUnhcrPopulationDownload,
  parseUnhcrPopulationTotals,
  parseUnhcrSolutions,
} from "../../../../src/ingest/sources/unhcr/parse.ts";
import { parseUnhcrPopStatsMonthly } from "../../../../src/ingest/sources/unhcr/parsePopStats.ts";
import { UnknownCodesError } from "../../../../src/ingest/sources/international/unknownCodes.ts";
import { collect, fixtureInput, sharedDataInput, sumWhere, textInput } from "../international/sharedData.ts";

// Expected figures were computed with Python's csv module over the same gzipped files (awk splits the quoted
// names that contain commas wrongly): expected-figures.py next to this file recomputes them all, e.g. for the
// refugees in Belgium at the end of 2022:
//   r = csv.DictReader(gzip.open("unhcr_end_year_population_totals_1951-2022.csv.gz", "rt"))
//   sum(int(x["REF"]) for x in r if x["Year"] == "2022" and x["CountryAsylumCode"] == "BEL")  ->  127831
const inBelgium = (year: string, suffix: string) => (o: Observation) => o.series.startsWith("BE.") && o.series.endsWith(suffix) && o.period === year;

describe("UNHCR R-package tables", () => {
  it("parseUnhcrPopulationTotals(real file) gives the refugee population in Belgium at the end of 2022: 127,831", async () => {
    const table = await parseUnhcrPopulationTotals(sharedDataInput("unhcr/unhcr_end_year_population_totals_1951-2022.csv.gz"));
    assert.deepEqual(table.header.dimensions, ["geo", "origin", "poptype"]);
    const observations = await collect(table);
    // 120,261 rows, no repeated key, 7 population types each
    assert.equal(observations.length, 120261 * 7);
    assert.equal(sumWhere(observations, inBelgium("2022", ".REF")).sum, 127831);
    // the same file's stateless persons in Belgium, 2022: sum(int(x["STA"]) ...) -> 1190; HCO is written HST
    assert.equal(sumWhere(observations, inBelgium("2022", ".STA")).sum, 1190);
    assert.ok(observations.some((o) => o.series.endsWith(".HST")) && !observations.some((o) => o.series.endsWith(".HCO")));
    assert.ok(observations.some((o) => o.series.split(".")[1] === "STLS") && observations.some((o) => o.series.split(".")[1] === "TIBETAN"));
  });

  it("parseUnhcrAsylumApplications(real file) adds up rows of one cell: 95,829 cells, Belgium 2022 = 16,020", async () => {
    const observations = await collect(await parseUnhcrAsylumApplications(sharedDataInput("unhcr/unhcr_asylum_applications_2000-2022.csv.gz")));
    // distinct (Year, origin, asylum, ProcedureType, ApplicationTypeCode, ApplicationDataType): 95,829 of 100,750 rows
    assert.equal(observations.length, 95829);
    assert.equal(sumWhere(observations, inBelgium("2022", "")).sum, 16020);
  });

  it("parseUnhcrAsylumDecisions(real file) gives five outcomes per cell: Belgium 2022 recognized 4,476 of 10,907", async () => {
    const observations = await collect(await parseUnhcrAsylumDecisions(sharedDataInput("unhcr/unhcr_asylum_decisions_2000-2022.csv.gz")));
    assert.equal(observations.length, 95718 * 5);
    assert.equal(sumWhere(observations, inBelgium("2022", ".REC")).sum, 4476);
    assert.equal(sumWhere(observations, inBelgium("2022", ".TOTAL")).sum, 10907);
  });

  it("parseUnhcrSolutions(real file) maps the empty 'Various / unknown' origin to UNK and adds its repeated rows", async () => {
    const observations = await collect(await parseUnhcrSolutions(sharedDataInput("unhcr/unhcr_solutions_1959-2022.csv.gz")));
    // 18,703 rows, 18,701 distinct keys; the repeats: 2004 JOR 5 + 5, 2008 CHL 45 + 116 (zcat | grep ',,')
    assert.equal(observations.length, 18701 * 4);
    const rst = (asylum: string, year: string) => observations.find((o) => o.series === `${asylum}.UNK.RST` && o.period === year)?.value;
    assert.equal(rst("JO", "2004"), 10);
    assert.equal(rst("CL", "2008"), 161);
  });

  it("parseUnhcrDemographics(real file) sums locations and makes unreported sex/age breakdowns null, not 0", async () => {
    // 2 million cells: scanned batch by batch rather than collected
    const table = await parseUnhcrDemographics(sharedDataInput("unhcr/unhcr_demographics_2001-2021.csv.gz"));
    let count = 0;
    let belgium2021 = 0;
    const afghansInBelgium = new Map<string, number | null>();
    for await (const batch of table.batches) {
      for (const o of batch) {
        count += 1;
        if (o.period !== "2021" || !o.series.startsWith("BE.")) continue;
        if (o.series.endsWith(".T.TOTAL") && o.value !== null) belgium2021 += o.value;
        if (o.series.startsWith("BE.AF.")) afghansInBelgium.set(o.series, o.value);
      }
    }
    // 138,998 distinct (Year, origin, asylum, Population.type), 15 sex/age cells each
    assert.equal(count, 138998 * 15);
    assert.equal(belgium2021, 103872);
    // 2021 AFG -> BEL: REF has Total 5,859 and no sex breakdown; ASY has F 600 (age unknown) and M 6,775
    const cell = (series: string) => afghansInBelgium.get(series);
    assert.equal(cell("BE.AF.REF.T.TOTAL"), 5859);
    assert.equal(cell("BE.AF.REF.F.TOTAL"), null);
    assert.equal(cell("BE.AF.REF.M.Y18-59"), null);
    assert.equal(cell("BE.AF.ASY.F.TOTAL"), 600);
    assert.equal(cell("BE.AF.ASY.F.UNK"), 600);
    assert.equal(cell("BE.AF.ASY.F.Y0-4"), null);
    assert.equal(cell("BE.AF.ASY.M.TOTAL"), 6775);
  });
});

describe("UNHCR refugee-statistics downloads and the PopStats export", () => {
  it("parseUnhcrPopulationDownload(refugees_in_EU_plus_UK.csv) reads `-` as all origins: Belgium 2022 refugees 150,713", async () => {
    const observations = await collect(await parseUnhcrPopulationDownload(sharedDataInput("unhcr/refugees_in_EU_plus_UK.csv")));
    // grep -E '^2022,Belgium' refugees_in_EU_plus_UK.csv -> 2022,Belgium,-,BEL,-,150713,6000,41810,0,0,957,0,695
    // (a later vintage than the R package's 127,831: UNHCR revises its figures)
    assert.equal(observations.length, 425 * 8);
    assert.equal(observations.find((o) => o.series === "BE.TOTAL.REF" && o.period === "2022")?.value, 150713);
    assert.equal(observations.find((o) => o.series === "BE.TOTAL.RET" && o.period === "2022")?.value, 6000);
  });

  it("parseUnhcrPopulationDownload(ukraine_refugees_in_EU.csv) keys the Ukrainian origin as UA", async () => {
    const observations = await collect(await parseUnhcrPopulationDownload(sharedDataInput("unhcr/ukraine_refugees_in_EU.csv")));
    assert.equal(observations.length, 374 * 8);
    assert.ok(observations.every((o) => o.series.split(".")[1] === "UA"));
  });

  it("parseUnhcrPopStatsMonthly(real export) reads names, month names and * as null with flag c", async () => {
    const observations = await collect(await parseUnhcrPopStatsMonthly(sharedDataInput("unhcr/unhcr_popstats_asylum_seekers_monthly_2012-2017_noheader.csv.gz")));
    // 106,038 rows, 103,054 cells once the two US agencies are one country (Python csv, see the note above)
    assert.equal(observations.length, 103054);
    // zcat ... | grep -c ',\*$' -> 12,418 suppressed rows, in 12,407 cells once the US agencies are merged (Python:
    // a cell is suppressed when any of its rows is `*`)
    assert.equal(observations.filter((o) => o.flags === "c").length, 12407);
    assert.ok(observations.filter((o) => o.flags === "c").every((o) => o.value === null));
    // Belgium,"Syrian Arab Rep.",2015,September,1904
    assert.equal(observations.find((o) => o.series === "BE.SY" && o.period === "2015-09")?.value, 1904);
  });

  it("parseUnhcrPopStatsMonthly(sample) adds the two US agencies: Guatemala March 2015 = 723 + 704", async () => {
    const observations = await collect(await parseUnhcrPopStatsMonthly(fixtureInput("unhcr/popstats_sample_noheader.csv")));
    assert.deepEqual(observations.map((o) => [o.series, o.period, o.value, o.flags]), [
      ["BE.SY", "2015-09", 1904, ""],
      ["US.GT", "2015-03", 1427, ""],
      ["BE.DZ", "2016-02", null, "c"],
    ]);
  });
});

describe("UNHCR codes and bad input", () => {
  it("mapUnhcrCountry(code) and mapPopStatsName(name) map ISO codes, names and the documented groups", () => {
    assert.equal(mapUnhcrCountry("BEL"), "BE");
    assert.equal(mapUnhcrCountry("-"), "TOTAL");
    assert.equal(mapUnhcrCountry("UKN"), "UNK");
    assert.equal(mapUnhcrCountry("GFR"), undefined);
    assert.equal(mapPopStatsName("Belgium"), "BE");
    assert.equal(mapPopStatsName("Serbia and Kosovo: S/RES/1244 (1999)"), "RS_XK");
    assert.equal(mapPopStatsName("Atlantis"), undefined);
  });

  it("parseUnhcrPopulationTotals(input with unknown ISO3 codes) throws UnknownCodesError listing each with its line", async () => {
    const text = '"Year","CountryOriginCode","CountryAsylumCode","CountryOriginName","CountryAsylumName","REF","ASY","OIP","IDP","STA","OOC","HCO"\n'
      + '2022,"SYR","BEL","Syria","Belgium",1,0,0,0,0,0,0\n2022,"QQQ","BEL","?","Belgium",1,0,0,0,0,0,0\n2022,"SYR","BEL","Syria","Belgium",1,0,0,0,0,0,0\n2022,"XYZ","FRA","?","France",1,0,0,0,0,0,0\n';
    await assert.rejects(collect(await parseUnhcrPopulationTotals(textInput("pop.csv", text))), (e: unknown) => {
      assert.ok(e instanceof UnknownCodesError);
      assert.equal(e.message, 'unknown origin codes "QQQ" (line 3), "XYZ" (line 5) in pop.csv line 3');
      return true;
    });
  });

  it("parseUnhcrPopulationTotals(input with a malformed row) throws InputError naming the file and line", async () => {
    const head = '"Year","CountryOriginCode","CountryAsylumCode","CountryOriginName","CountryAsylumName","REF","ASY","OIP","IDP","STA","OOC","HCO"\n';
    await assert.rejects(collect(await parseUnhcrPopulationTotals(textInput("pop.csv", `${head}2022,"SYR","BEL","Syria","Belgium",1,0,0,0,0,0,x\n`))), (e: unknown) =>
      e instanceof InputError && e.message === 'not a number in column "HCO": "x" in pop.csv line 2');
    await assert.rejects(collect(await parseUnhcrPopulationTotals(textInput("pop.csv", `${head}2022,"SYR","BEL","Syria"\n`))), (e: unknown) =>
      e instanceof InputError && e.message === "expected 12 fields, found 4 in pop.csv line 2");
    await assert.rejects(collect(await parseUnhcrPopStatsMonthly(textInput("ps.csv", "Belgium,Algeria,2016,Febuary,3\n"))), (e: unknown) =>
      e instanceof InputError && e.message === 'not a month name: "Febuary" in ps.csv line 1');
    await assert.rejects(collect(await parseUnhcrPopStatsMonthly(textInput("ps.csv", "Belgium,Algeria,2016,February,3\nAtlantis,Algeria,2016,March,1\n"))), (e: unknown) =>
      e instanceof UnknownCodesError && e.message === 'unknown asylum country name code "Atlantis" (line 2) in ps.csv line 2');
  });
});
