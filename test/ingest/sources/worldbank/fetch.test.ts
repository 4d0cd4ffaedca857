import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { DownloadError } from "../../../../src/core/index.ts";
import { fetchWdiTable, fetchWorldBankIndicator, wdiTablePath, worldBankPageUrl } from "../../../../src/ingest/sources/worldbank/fetch.ts";
import { parseWdiTable } from "../../../../src/ingest/sources/worldbank/parse.ts";
import { parseWorldBankApi } from "../../../../src/ingest/sources/worldbank/parseApi.ts";
import { fetchHttpGet, startLocalServer } from "../international/localServer.ts";
import type { LocalServer } from "../international/localServer.ts";
import { collect, sharedDataPath } from "../international/sharedData.ts";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/worldbank/${name}`, import.meta.url)), "utf8");
const query = { indicator: "SL.UEM.TOTL.ZS", economies: ["BEL", "NLD"], firstYear: 2021, lastYear: 2022, perPage: 2 };
const pagePath = (n: number) => `/v2/country/BEL;NLD/indicator/SL.UEM.TOTL.ZS?format=json&per_page=2&page=${n}&date=2021%3A2022`;

describe("World Bank downloads against a local server", () => {
  let server: LocalServer;
  let failSecondPage = false;
  before(async () => {
    const table = readFileSync(sharedDataPath(wdiTablePath));
    server = await startLocalServer((path) => {
      if (path === pagePath(1)) return { status: 200, type: "application/json", body: fixture("unemployment_BEL_NLD_2021-2022_page1.json") };
      if (path === pagePath(2)) {
        if (failSecondPage) {
          failSecondPage = false;
          return { status: 500, type: "text/plain", body: "upstream timeout" };
        }
        return { status: 200, type: "application/json", body: fixture("unemployment_BEL_NLD_2021-2022_page2.json") };
      }
      if (path.startsWith("/v2/country/BEL/indicator/NOPE")) return { status: 200, type: "application/json", body: fixture("error_invalid_value.json") };
      if (path === `/${wdiTablePath}`) return { status: 200, type: "application/gzip", body: table };
      return undefined;
    });
  });
  after(() => server.close());

  it("worldBankPageUrl(query, page) builds the API v2 URL with format, per_page, page and date range", () => {
    assert.equal(worldBankPageUrl(query, 3), "https://api.worldbank.org/v2/country/BEL;NLD/indicator/SL.UEM.TOTL.ZS?format=json&per_page=2&page=3&date=2021%3A2022");
  });

  it("fetchWorldBankIndicator(get, query, base) follows the paging and yields both pages to the parser", async () => {
    const input = await fetchWorldBankIndicator(fetchHttpGet, query, server.base);
    const observations = await collect(await parseWorldBankApi(input));
    assert.deepEqual(observations.map((o) => `${o.series} ${o.period} ${o.value}`), [
      "BE.SL_UEM_TOTL_ZS 2022 5.57",
      "BE.SL_UEM_TOTL_ZS 2021 6.248",
      "NL.SL_UEM_TOTL_ZS 2022 3.526",
      "NL.SL_UEM_TOTL_ZS 2021 4.209",
    ]);
    assert.deepEqual(server.requests.slice(-2), [pagePath(1), pagePath(2)]);
  });

  it("fetchWorldBankIndicator(get, query, base) throws DownloadError when page 2 answers 500, then succeeds when asked again", async () => {
    failSecondPage = true;
    const input = await fetchWorldBankIndicator(fetchHttpGet, query, server.base);
    await assert.rejects(collect(await parseWorldBankApi(input)), (e: unknown) =>
      e instanceof DownloadError && e.message === `World Bank indicator SL.UEM.TOTL.ZS: HTTP 500 from ${server.base}${pagePath(2).slice(1)}: upstream timeout`);
    const again = await collect(await parseWorldBankApi(await fetchWorldBankIndicator(fetchHttpGet, query, server.base)));
    assert.equal(again.length, 4);
  });

  it("fetchWorldBankIndicator(get, query, base) turns the API's 200 error message and a 404 into DownloadError", async () => {
    await assert.rejects(fetchWorldBankIndicator(fetchHttpGet, { indicator: "NOPE", economies: ["BEL"] }, server.base), (e: unknown) =>
      e instanceof DownloadError && /^World Bank indicator NOPE: World Bank API error: Invalid value: The provided parameter value is not valid \(from http/.test(e.message));
    await assert.rejects(fetchWorldBankIndicator(fetchHttpGet, { indicator: "SP.POP.TOTL", economies: ["BEL"] }, server.base), (e: unknown) =>
      e instanceof DownloadError && / HTTP 404 from .*SP\.POP\.TOTL\?format=json&per_page=1000&page=1: no such resource/.test(e.message));
  });

  it("fetchWdiTable(get, base) downloads the recorded long table whose BE 2022 unemployment is 5.57", async () => {
    const observations = await collect(await parseWdiTable(await fetchWdiTable(fetchHttpGet, server.base)));
    // zcat worldbank_wdi_selected_indicators_1950-2023.csv.gz | awk -F, '$1=="\"BEL\"" && $3==2022 && $2=="\"unem\""' -> 5.57
    assert.deepEqual(observations.filter((o) => o.series === "BE.SL_UEM_TOTL_ZS" && o.period === "2022").map((o) => o.value), [5.57]);
  });
});
