import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { parseWorldBankApi } from "../../../../src/ingest/sources/worldbank/parseApi.ts";
import { UnknownCodesError } from "../../../../src/ingest/sources/international/unknownCodes.ts";
import { collect, textInput } from "../international/sharedData.ts";

// The hand-made first page of test/fixtures/worldbank (see its README), with rows of economies added by changing
// Belgium's row: an aggregate the API's `country/all` answers (ARB, Arab World; value left null, not a figure), one we
// keep (EUU) and a code the World Bank does not use (XYZ).
const page = readFileSync(fileURLToPath(new URL("../../../fixtures/worldbank/unemployment_BEL_NLD_2021-2022_page1.json", import.meta.url)), "utf8").trim();
const withEconomy = (iso3: string, id: string) => {
  const json = JSON.parse(page) as [unknown, Record<string, unknown>[]];
  const row = { ...json[1][0]!, country: { id, value: iso3 }, countryiso3code: iso3, value: null };
  return JSON.stringify([json[0], [...json[1], row]]);
};

describe("World Bank API pages of country/all", () => {
  it("parseWorldBankApi(a page with a regional aggregate) skips the aggregate's rows and keeps the countries and EU27_2020", async () => {
    const observations = await collect(await parseWorldBankApi(textInput("all.json", `${withEconomy("ARB", "1A")}\n${withEconomy("EUU", "EU")}\n`)));
    assert.deepEqual([...new Set(observations.map((o) => o.series))].sort(), ["BE.SL_UEM_TOTL_ZS", "EU27_2020.SL_UEM_TOTL_ZS"]);
  });

  it("parseWorldBankApi(a page with an economy code that maps nowhere) still throws UnknownCodesError naming it", async () => {
    await assert.rejects(collect(await parseWorldBankApi(textInput("all.json", `${withEconomy("XYZ", "XY")}\n`))), (e: unknown) =>
      e instanceof UnknownCodesError && /"XYZ"/.test(e.message));
  });
});
