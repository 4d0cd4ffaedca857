import { test } from "node:test";
import assert from "node:assert/strict";
import { InputError } from "../../src/core/index.ts";
import { municipalTotalsParser, parseMunicipalPopulation, parseMunicipalTotalsByName, parsePopulationStructure } from "../../src/ingest/sources/statbel/parse.ts";
import { geographyOn, parentOf } from "../../src/reference/geography.ts";
import type { GeoLevel } from "../../src/reference/geography.ts";
import { collect, statbelInput, textInput } from "./statbel-files.ts";

test("parseMunicipalTotals(bevolking_per_gemeente_2020) summed through the geography equals Statbel's own arrondissement, province, region and Belgium rows", async () => {
  const table = await parseMunicipalTotalsByName(statbelInput("bevolking_per_gemeente_2020.csv"));
  const observations = await collect(table);
  // 638 rows = Belgium 1 + regions 3 + provinces 10 + arrondissements 43 + municipalities 581, three figures each.
  assert.equal(observations.length, 638 * 3);
  const value = new Map<string, number>(observations.map((o) => [o.series, o.value!]));
  assert.equal(value.get("BE.T"), 11492641);
  assert.ok(observations.every((o) => o.period === "2020-01-01"));

  const units = geographyOn("2020-01-01");
  const municipalities = units.filter((u) => u.level === "municipality");
  assert.equal(municipalities.length, 581);
  const compared = new Map<GeoLevel, number>();
  for (const level of ["arrondissement", "province", "region", "country"] as const) {
    for (const unit of units.filter((u) => u.level === level)) {
      for (const sex of ["M", "F", "T"]) {
        let sum = 0;
        for (const m of municipalities) {
          if (parentOf(m.code, level) !== unit.code) continue;
          const v = value.get(`${m.code}.${sex}`);
          assert.notEqual(v, undefined, `the file has municipality ${m.code}`);
          sum += v!;
        }
        assert.equal(sum, value.get(`${unit.code}.${sex}`), `${level} ${unit.code} sex ${sex}`);
      }
      compared.set(level, (compared.get(level) ?? 0) + 1);
    }
  }
  assert.deepEqual(Object.fromEntries(compared), { arrondissement: 43, province: 10, region: 3, country: 1 });
});

test("municipalTotalsParser(date) reads a BOM and CRLF, restores codes and refuses a total that is not men + women", async () => {
  const parse = municipalTotalsParser("2021-01-01");
  const ok = await collect(await parse(textInput("x.csv", "\uFEFFNIS code,Woonplaats,Mannen,Vrouwen,Totaal\r\n1000,België,1,2,3\r\n2000,Vlaams Gewest,1,1,2")));
  assert.deepEqual(ok.map((o) => `${o.series}=${o.value}@${o.period}`), ["BE.M=1@2021-01-01", "BE.F=2@2021-01-01", "BE.T=3@2021-01-01", "02000.M=1@2021-01-01", "02000.F=1@2021-01-01", "02000.T=2@2021-01-01"]);
  await assert.rejects(collect(await parse(textInput("x.csv", "NIS code,Woonplaats,Mannen,Vrouwen,Totaal\n11001,Aartselaar,1,2,4\n"))), (e: unknown) =>
    e instanceof InputError && e.line === 2 && /total 4 of 11001 is not men 1 \+ women 2/.test(e.message));
  await assert.rejects(collect(await parse(textInput("x.csv", "NIS code,Woonplaats,Mannen,Vrouwen,Totaal\n11001,Aartselaar,1\n"))), (e: unknown) =>
    e instanceof InputError && e.line === 2 && /expected 5 fields/.test(e.message));
  await assert.rejects(parseMunicipalTotalsByName(textInput("bevolking.csv", "NIS code,Woonplaats,Mannen,Vrouwen,Totaal\n")), /no stock date/);
});

test("parseMunicipalPopulation(pop_by_municipality_nationality_sex_2009-2015) has 2015 cells equal to TF_SOC_POP_STRUCT_2015 summed over age and civil status", async () => {
  const derived = await collect(await parseMunicipalPopulation(statbelInput("pop_by_municipality_nationality_sex_2009-2015.csv")));
  assert.equal(derived.length, 16485);
  const totals = new Map<string, number>();
  for (const o of derived) totals.set(o.period, (totals.get(o.period) ?? 0) + o.value!);
  assert.equal(totals.get("2015-01-01"), 11209044);
  assert.deepEqual([...totals.keys()].sort(), ["2009", "2010", "2011", "2012", "2013", "2014", "2015"].map((y) => `${y}-01-01`));

  const raw = new Map<string, number>();
  for (const o of await collect(await parsePopulationStructure(statbelInput("TF_SOC_POP_STRUCT_2015.txt.gz")))) {
    const [refnis, sex, nationality] = o.series.split(".");
    const key = `${refnis}.${nationality}.${sex}`;
    raw.set(key, (raw.get(key) ?? 0) + o.value!);
  }
  const derived2015 = derived.filter((o) => o.period === "2015-01-01");
  assert.equal(derived2015.length, raw.size);
  for (const o of derived2015) assert.equal(o.value, raw.get(o.series), o.series);
});

test("parseMunicipalPopulation(agegroup file) reads the age-group variant with the same national totals", async () => {
  const table = await parseMunicipalPopulation(statbelInput("pop_by_municipality_nationality_sex_agegroup_2009-2015.csv.gz"));
  const observations = await collect(table);
  assert.deepEqual(table.header.dimensions, ["refnis", "nationality", "sex", "age_group"]);
  assert.equal(observations.length, 82242);
  const total2015 = observations.filter((o) => o.period === "2015-01-01").reduce((s, o) => s + o.value!, 0);
  assert.equal(total2015, 11209044);
  const etr2015 = observations.filter((o) => o.period === "2015-01-01" && o.series.split(".")[1] === "ETR").reduce((s, o) => s + o.value!, 0);
  assert.equal(etr2015, 1255286);
});

test("parseMunicipalPopulation(input) throws InputError with the line for malformed lines", async () => {
  const head = `"CD_YEAR","CD_MUNTY_REFNIS","CD_NATLTY","CD_SEX","MS_POPULATION"`;
  const cases: [string, RegExp, number][] = [
    [`${head}\n2015,11001,"BEL","F",7\n2015,11001,"BEL"\n`, /expected 5 fields, found 3/, 3],
    [`${head}\n2015,11001,"BEL","F",-7\n`, /not a count/, 2],
    [`${head}\n15,11001,"BEL","F",7\n`, /not a year/, 2],
    [`${head}\n2015,11001,"BEL,"F",7\n`, /text after a closing quote/, 2],
  ];
  for (const [text, message, line] of cases) {
    await assert.rejects(collect(await parseMunicipalPopulation(textInput("p.csv", text))), (e: unknown) =>
      e instanceof InputError && e.line === line && message.test(e.message), message.source);
  }
});
