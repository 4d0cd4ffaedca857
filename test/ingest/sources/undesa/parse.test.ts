import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InputError, UnknownCodeError } from "../../../../src/core/index.ts";
import { mapUndesaArea, undesaBasis, undesaFlags } from "../../../../src/ingest/sources/undesa/codes.ts";
import { parseMigrantStock } from "../../../../src/ingest/sources/undesa/parse.ts";
import { parseNationalNetMigration, parseWppNetMigration } from "../../../../src/ingest/sources/undesa/parseNetMigration.ts";
import { UnknownCodesError } from "../../../../src/ingest/sources/international/unknownCodes.ts";
import { collect, sharedDataInput, sumWhere, textInput } from "../international/sharedData.ts";

const stockFile = "international/iom_gdidata/undesa_ims2024_stocks_by_origin_sex_1990-2024.csv.gz";
const header = '"geo","t","from","sex","n","type_b","type_c","type_r","type_i"\n';

describe("UN DESA International Migrant Stock", async () => {
  const table = await parseMigrantStock(sharedDataInput(stockFile));
  const observations = await collect(table);
  const belgium = (year: string) => (o: { series: string; period: string }) => o.series.startsWith("BE.") && o.period === year;

  it("parseMigrantStock(real IMS 2024 file) gives one observation per row, keyed geo.origin.sex.basis", () => {
    // zcat undesa_ims2024_stocks_by_origin_sex_1990-2024.csv.gz | tail -n +2 | wc -l  ->  153296
    assert.equal(observations.length, 153296);
    assert.deepEqual(table.header.dimensions, ["geo", "origin", "sex", "basis"]);
    assert.equal(new Set(observations.map((o) => `${o.series}|${o.period}`)).size, observations.length);
  });

  it("parseMigrantStock(real file) sums to the UN's stock in Belgium: 2,046,975 in 2020 and 2,349,032 in 2024", () => {
    // zcat undesa_ims2024_stocks_by_origin_sex_1990-2024.csv.gz | awk -F, '$1=="\"BEL\""{s[$2]+=$5} END{for(k in s) print k, s[k]}'
    //   -> 2020 2046975, 2024 2349032 (PROVENANCE.md §5 gives the same figures)
    assert.equal(sumWhere(observations, belgium("2020")).sum, 2046975);
    assert.equal(sumWhere(observations, belgium("2024")).sum, 2349032);
  });

  it("parseMigrantStock(real file) keeps Belgium's birthplace basis with refugees added as basis POB and flag d", () => {
    // the BEL rows all carry type_b=1 type_c=0 type_r=1 type_i=0
    const be = observations.filter((o) => o.series.startsWith("BE."));
    assert.ok(be.length > 0);
    assert.ok(be.every((o) => o.series.endsWith(".POB") && o.flags === "d"));
    const bySex = sumWhere(observations, (o) => o.series.startsWith("BE.") && o.series.includes(".F.") && o.period === "2020");
    const males = sumWhere(observations, (o) => o.series.startsWith("BE.") && o.series.includes(".M.") && o.period === "2020");
    assert.equal(bySex.sum + males.sum, 2046975);
  });

  it("parseMigrantStock(real file) turns imputed rows into basis UNK with flag e, and never drops a row", () => {
    // zcat ... | awk -F, 'NR>1{print $6,$7,$8,$9}' | sort | uniq -c  ->  144 "0 0 0 1", 640 "0 0 1 1"
    assert.equal(observations.filter((o) => o.series.endsWith(".UNK") && o.flags === "e").length, 144);
    assert.equal(observations.filter((o) => o.series.endsWith(".UNK") && o.flags === "de").length, 640);
    // 2,480 rows carry both B and C notes
    assert.equal(observations.filter((o) => o.series.endsWith(".POB_CIT")).length, 2480);
  });

  it("parseMigrantStock(real file) maps OOO (other/unknown origin) to UNK and XCX (Channel Islands) to CHANNEL_ISLANDS", () => {
    assert.ok(observations.some((o) => o.series.split(".")[1] === "UNK"));
    assert.ok(observations.some((o) => o.series.split(".")[1] === "CHANNEL_ISLANDS"));
  });
});

describe("UN DESA codes", () => {
  it("mapUndesaArea(code) reads ISO alpha-3 and UN M49 numbers to ISO alpha-2, groups to their named code", () => {
    assert.equal(mapUndesaArea("BEL"), "BE");
    assert.equal(mapUndesaArea("56"), "BE");
    assert.equal(mapUndesaArea("056"), "BE");
    assert.equal(mapUndesaArea("830"), "CHANNEL_ISLANDS");
    assert.equal(mapUndesaArea("900"), "TOTAL");
    assert.equal(mapUndesaArea("XKX"), "XK");
    assert.equal(mapUndesaArea("ZZZ"), undefined);
    assert.equal(mapUndesaArea("999"), undefined);
  });

  it("undesaBasis(b, c) and undesaFlags(r, i) turn the UN data-type notes into a basis code and e/d flags", () => {
    assert.equal(undesaBasis(true, false), "POB");
    assert.equal(undesaBasis(false, true), "CIT");
    assert.equal(undesaBasis(true, true), "POB_CIT");
    assert.equal(undesaBasis(false, false), "UNK");
    assert.equal(undesaFlags(false, false), "");
    assert.equal(undesaFlags(true, false), "d");
    assert.equal(undesaFlags(false, true), "e");
    assert.equal(undesaFlags(true, true), "de");
  });
});

describe("UN DESA bad input", () => {
  it("parseMigrantStock(input with unknown ISO3 codes) throws UnknownCodesError listing every code of every dimension with its first line", async () => {
    const text = `${header}"BEL",2020,"QQQ","female",5,1,0,0,0\n"BEL",2020,"FRA","male",5,1,0,0,0\n"ZZZ",2020,"QQQ","male",7,1,0,0,0\n"BEL",2020,"WWW","male",7,1,0,0,0\n`;
    const table = await parseMigrantStock(textInput("ims.csv", text));
    await assert.rejects(collect(table), (e: unknown) => {
      assert.ok(e instanceof UnknownCodeError && e instanceof UnknownCodesError);
      assert.equal(e.dimension, "destination and origin");
      assert.deepEqual(e.codes, ["ZZZ", "QQQ", "WWW"]);
      assert.equal(e.line, 2);
      assert.deepEqual([...e.firstLines.entries()], [["ZZZ", 4], ["QQQ", 2], ["WWW", 5]]);
      assert.equal(e.message, 'unknown destination code "ZZZ" (line 4); unknown origin codes "QQQ" (line 2), "WWW" (line 5) in ims.csv line 2');
      return true;
    });
    const origins = await parseMigrantStock(textInput("ims.csv", text.replace('"ZZZ"', '"BEL"')));
    await assert.rejects(collect(origins), (e: unknown) => {
      assert.ok(e instanceof UnknownCodesError);
      assert.equal(e.dimension, "origin");
      assert.equal(e.message, 'unknown origin codes "QQQ" (line 2), "WWW" (line 5) in ims.csv line 2');
      return true;
    });
  });

  it("parseMigrantStock(input with a malformed row) throws InputError naming the file and line", async () => {
    const cases: Array<[string, RegExp]> = [
      [`${header}"BEL",2020,"FRA","male",5,1,0,0,0\n"BEL",2020,"FRA","female",five,1,0,0,0\n`, /not a number in column "n": "five" in ims\.csv line 3$/],
      [`${header}"BEL",2020,"FRA","male",5,1,0,0\n`, /expected 9 fields, found 8 in ims\.csv line 2$/],
      [`${header}"BEL",2020,"FRA","male",5,2,0,0,0\n`, /data-type note type_b must be 0 or 1, found "2" in ims\.csv line 2$/],
      [`${header}"BEL",20x0,"FRA","male",5,1,0,0,0\n`, /not a year in column "t": "20x0" in ims\.csv line 2$/],
      [`"geo","t","from","n"\n`, /missing columns "sex", "type_b", "type_c", "type_r", "type_i" in ims\.csv line 1$/],
    ];
    for (const [text, message] of cases) {
      const table = await parseMigrantStock(textInput("ims.csv", text));
      await assert.rejects(collect(table), (e: unknown) => e instanceof InputError && message.test(e.message));
    }
  });
});

describe("UN WPP and national-statistics net migration", () => {
  it("parseWppNetMigration(real WPP 2024 file) reads pandas float years and counts: BE 2015 = 64,000, 2022 = 119,000", async () => {
    // zcat un_wpp2024_net_migration_1950-2023.csv.gz | awk -F, '$3=="BEL" && ($2=="2015.0"||$2=="2022.0")'
    //   -> 15420,2015.0,BEL,64000.0 and 17079,2022.0,BEL,119000.0; 17,775 data rows (wc -l minus the header)
    const observations = await collect(await parseWppNetMigration(sharedDataInput("international/un_wpp2024_net_migration_1950-2023.csv.gz")));
    assert.equal(observations.length, 17775);
    assert.deepEqual(observations.filter((o) => o.series === "BE" && (o.period === "2015" || o.period === "2022")).map((o) => [o.period, o.value]), [["2015", 64000], ["2022", 119000]]);
    assert.ok(observations.some((o) => o.series === "XK"));
  });

  it("parseNationalNetMigration(real file) gives Statbel's Belgian net migration: 2015 = 47,672, 2022 = 116,544", async () => {
    // awk -F, '$3=="BEL" && ($2=="2015.0"||$2=="2022.0")' net_migration_national_statistics_1990-2023.csv
    //   -> 752,2015.0,BEL,47672.0 and 962,2022.0,BEL,116544.0; 1,020 data rows
    const table = await parseNationalNetMigration(sharedDataInput("international/net_migration_national_statistics_1990-2023.csv"));
    assert.equal(table.header.datasetCode, "NATIONAL_NET_MIGRATION");
    const observations = await collect(table);
    assert.equal(observations.length, 1020);
    const be = new Map<string, number | null>(observations.filter((o) => o.series === "BE").map((o) => [o.period, o.value]));
    assert.equal(be.get("2015"), 47672);
    assert.equal(be.get("2022"), 116544);
  });

  it("parseWppNetMigration(input with a fractional year or an unknown code) throws InputError / UnknownCodesError", async () => {
    const bad = await parseWppNetMigration(textInput("wpp.csv", ",Year,Country ISO,Net Number of Migrants\n0,1990.5,BEL,1.0\n"));
    await assert.rejects(collect(bad), /not a year in column "Year": "1990.5" in wpp\.csv line 2$/);
    const unknown = await parseWppNetMigration(textInput("wpp.csv", ",Year,Country ISO,Net Number of Migrants\n0,1990.0,BEL,1.0\n1,1990.0,QQQ,2.0\n"));
    await assert.rejects(collect(unknown), (e: unknown) => e instanceof UnknownCodesError && e.codes.join() === "QQQ" && e.line === 3);
  });
});
