import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { InputError } from "../../../../src/core/index.ts";
import { parseUnhcrApiPopulation } from "../../../../src/ingest/sources/unhcr/parseApi.ts";
import { UnknownCodesError } from "../../../../src/ingest/sources/international/unknownCodes.ts";
import { collect, textInput } from "../international/sharedData.ts";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/unhcr/${name}`, import.meta.url)), "utf8");
const pages = fixture("api_population_BEL_2021-2022_page1.json") + fixture("api_population_BEL_2021-2022_page2.json");

describe("UNHCR refugee-statistics API (hand-made fixtures, see test/fixtures/unhcr/README.md)", () => {
  it("parseUnhcrApiPopulation(two pages) keys all origins (`-`) as TOTAL and reads numbers given as strings", async () => {
    const table = await parseUnhcrApiPopulation(textInput("api.json", pages));
    assert.deepEqual(table.header.dimensions, ["geo", "origin", "poptype"]);
    const observations = await collect(table);
    assert.equal(observations.length, 2 * 9);
    const value = (series: string, period: string) => observations.find((o) => o.series === series && o.period === period)?.value;
    // the counts of refugees_in_EU_plus_UK.csv: 2022 Belgium 150,713 refugees; 2021 74,063 (written "74063")
    assert.equal(value("BE.TOTAL.REF", "2022"), 150713);
    assert.equal(value("BE.TOTAL.REF", "2021"), 74063);
    assert.equal(value("BE.TOTAL.OIP", "2022"), null);
  });

  it("parseUnhcrApiPopulation(a page of the wrong shape or a bad count) throws InputError naming the page line", async () => {
    await assert.rejects(collect(await parseUnhcrApiPopulation(textInput("api.json", `${pages}{"page":3}\n`))), (e: unknown) =>
      e instanceof InputError && /^not a UNHCR population page \(maxPages: .*\) in api\.json line 3$/.test(e.message));
    await assert.rejects(collect(await parseUnhcrApiPopulation(textInput("api.json", pages.replace('"74063"', '"74,063"')))), (e: unknown) =>
      e instanceof InputError && e.message === 'not a number in column "refugees": "74,063" in api.json line 2');
    await assert.rejects(collect(await parseUnhcrApiPopulation(textInput("api.json", "<html>busy</html>\n"))), (e: unknown) =>
      e instanceof InputError && e.message === "not a JSON page in api.json line 1");
  });

  it("parseUnhcrApiPopulation(items with UNHCR's own country codes) throws UnknownCodesError listing them", async () => {
    const text = pages.replace('"coa_iso":"BEL"', '"coa_iso":"GFR"');
    await assert.rejects(collect(await parseUnhcrApiPopulation(textInput("api.json", text))), (e: unknown) =>
      e instanceof UnknownCodesError && e.message === 'unknown asylum country code "GFR" (line 1) in api.json line 1');
  });
});
