import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { InputError } from "../../../../src/core/index.ts";
import { indicatorCode, mapWdiTableIndicator, mapWorldBankEconomy } from "../../../../src/ingest/sources/worldbank/codes.ts";
import { parseWdiTable } from "../../../../src/ingest/sources/worldbank/parse.ts";
import { parseWorldBankApi } from "../../../../src/ingest/sources/worldbank/parseApi.ts";
import { UnknownCodesError } from "../../../../src/ingest/sources/international/unknownCodes.ts";
import { collect, sharedDataInput, textInput } from "../international/sharedData.ts";

const tableFile = "international/iom_gdidata/worldbank_wdi_selected_indicators_1950-2023.csv.gz";
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/worldbank/${name}`, import.meta.url)), "utf8");

describe("World Bank WDI long table", async () => {
  const table = await parseWdiTable(sharedDataInput(tableFile));
  const observations = await collect(table);

  it("parseWdiTable(real file) reads every row, keyed geo.indicator with World Bank ids", () => {
    // zcat worldbank_wdi_selected_indicators_1950-2023.csv.gz | tail -n +2 | wc -l  ->  92435
    assert.equal(observations.length, 92435);
    assert.deepEqual(table.header.dimensions, ["geo", "indicator"]);
    assert.equal(new Set(observations.map((o) => `${o.series}|${o.period}`)).size, observations.length);
  });

  it("parseWdiTable(real file) gives Belgium's 2022 unemployment rate of 5.57 % and population of 11,641,814", () => {
    // zcat worldbank_wdi_selected_indicators_1950-2023.csv.gz | awk -F, '$1=="\"BEL\"" && $3==2022'
    //   -> "BEL","unem",2022,5.57 and "BEL","pop",2022,11641814
    const be2022 = new Map<string, number | null>(observations.filter((o) => o.series.startsWith("BE.") && o.period === "2022").map((o) => [o.series, o.value]));
    assert.equal(be2022.get("BE.SL_UEM_TOTL_ZS"), 5.57);
    assert.equal(be2022.get("BE.UN_WPP2024_POP"), 11641814);
    assert.equal(be2022.size, 13);
  });

  it("parseWdiTable(real file) maps Kosovo, the Channel Islands and the Netherlands Antilles to their named codes", () => {
    const geos = new Set(observations.map((o) => o.series.split(".")[0]));
    for (const code of ["XK", "CHANNEL_ISLANDS", "AN"]) assert.ok(geos.has(code), code);
  });
});

describe("World Bank codes", () => {
  it("mapWorldBankEconomy(code) maps ISO alpha-3 and the documented groups, nothing else", () => {
    assert.equal(mapWorldBankEconomy("BEL"), "BE");
    assert.equal(mapWorldBankEconomy("EUU"), "EU27_2020");
    assert.equal(mapWorldBankEconomy("SSF"), undefined);
  });

  it("indicatorCode(id) and mapWdiTableIndicator(name) write World Bank ids with _ for .", () => {
    assert.equal(indicatorCode("SL.UEM.TOTL.ZS"), "SL_UEM_TOTL_ZS");
    assert.equal(indicatorCode("a b"), undefined);
    assert.equal(mapWdiTableIndicator("gdp"), "NY_GDP_MKTP_CD");
    assert.equal(mapWdiTableIndicator("unknown"), undefined);
  });
});

describe("World Bank bad input", () => {
  it("parseWdiTable(input with unknown economies and indicators) throws UnknownCodesError with every code and line", async () => {
    const text = '"geo","var","t","v"\n"BEL","unem",2022,5.57\n"QQQ","unem",2022,1\n"BEL","nope",2022,1\n"ZZZ","pop",2022,1\n';
    await assert.rejects(collect(await parseWdiTable(textInput("wdi.csv", text))), (e: unknown) => {
      assert.ok(e instanceof UnknownCodesError);
      assert.equal(e.message, 'unknown economy codes "QQQ" (line 3), "ZZZ" (line 5); unknown indicator code "nope" (line 4) in wdi.csv line 3');
      return true;
    });
  });

  it("parseWdiTable(input with a malformed row) throws InputError naming the file and line", async () => {
    const text = '"geo","var","t","v"\n"BEL","unem",2022,5.57\n"BEL","unem",2021,"5,2"\n';
    await assert.rejects(collect(await parseWdiTable(textInput("wdi.csv", text))), (e: unknown) => e instanceof InputError && e.message === 'not a number in column "v": "5,2" in wdi.csv line 3');
  });
});

describe("World Bank API v2 JSON (hand-made fixtures, see test/fixtures/worldbank/README.md)", () => {
  const pages = fixture("unemployment_BEL_NLD_2021-2022_page1.json") + fixture("unemployment_BEL_NLD_2021-2022_page2.json");

  it("parseWorldBankApi(two pages, one per line) reads both pages, with lastupdated as sourceUpdatedAt", async () => {
    const table = await parseWorldBankApi(textInput("wb.json", pages));
    assert.equal(table.header.sourceUpdatedAt, "2024-06-28");
    const observations = await collect(table);
    assert.deepEqual(observations.map((o) => [o.series, o.period, o.value]), [
      ["BE.SL_UEM_TOTL_ZS", "2022", 5.57],
      ["BE.SL_UEM_TOTL_ZS", "2021", 6.248],
      ["NL.SL_UEM_TOTL_ZS", "2022", 3.526],
      ["NL.SL_UEM_TOTL_ZS", "2021", 4.209],
    ]);
  });

  it("parseWorldBankApi(the API's error message) throws InputError quoting it", async () => {
    await assert.rejects(parseWorldBankApi(textInput("wb.json", fixture("error_invalid_value.json"))), (e: unknown) =>
      e instanceof InputError && e.message === "World Bank API error (Invalid value: The provided parameter value is not valid) in wb.json line 1");
  });

  it("parseWorldBankApi(a page of the wrong shape, or a bad date) throws InputError naming the line", async () => {
    await assert.rejects(collect(await parseWorldBankApi(textInput("wb.json", `${pages}{"not":"a page"}\n`))), (e: unknown) =>
      e instanceof InputError && /^not a World Bank API page \(.*\) in wb\.json line 3$/.test(e.message));
    await assert.rejects(collect(await parseWorldBankApi(textInput("wb.json", pages.replace('"date":"2022"', '"date":"22"')))), (e: unknown) =>
      e instanceof InputError && e.message === 'bad date "22" in wb.json line 1');
  });

  it("parseWorldBankApi(rows of unknown economies) throws UnknownCodesError listing them", async () => {
    // SSF (Sub-Saharan Africa) is an aggregate the reader skips by name (codes.ts); XSS is no World Bank code at all
    const text = pages.replaceAll('"countryiso3code":"NLD"', '"countryiso3code":"XSS"');
    await assert.rejects(collect(await parseWorldBankApi(textInput("wb.json", text))), (e: unknown) => e instanceof UnknownCodesError && e.codes.join() === "XSS" && e.line === 2);
  });
});
