import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { DownloadError } from "../../../../src/core/index.ts";
import { fetchUnhcrFile, fetchUnhcrPopulation, unhcrFiles, unhcrPopulationUrl } from "../../../../src/ingest/sources/unhcr/fetch.ts";
import { parseUnhcrPopulationDownload, parseUnhcrPopulationTotals } from "../../../../src/ingest/sources/unhcr/parse.ts";
import { parseUnhcrApiPopulation } from "../../../../src/ingest/sources/unhcr/parseApi.ts";
import { fetchHttpGet, startLocalServer } from "../international/localServer.ts";
import type { LocalServer } from "../international/localServer.ts";
import { collect, sharedDataPath, sumWhere } from "../international/sharedData.ts";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../fixtures/unhcr/${name}`, import.meta.url)), "utf8");
const query = { yearFrom: 2021, yearTo: 2022, asylum: ["BEL"], limit: 1 };
const pagePath = (n: number) => `/population/v1/population/?limit=1&page=${n}&yearFrom=2021&yearTo=2022&coa=BEL&cf_type=ISO`;

describe("UNHCR downloads against a local server", () => {
  let server: LocalServer;
  before(async () => {
    const totals = readFileSync(sharedDataPath(unhcrFiles.populationTotals));
    const europe = readFileSync(sharedDataPath(unhcrFiles.refugeesInEurope));
    server = await startLocalServer((path, n) => {
      if (path === pagePath(1)) return { status: 200, type: "application/json", body: fixture("api_population_BEL_2021-2022_page1.json") };
      if (path === pagePath(2)) return { status: 200, type: "application/json", body: fixture("api_population_BEL_2021-2022_page2.json") };
      if (path.startsWith("/bad/population/")) return { status: 200, type: "application/json", body: '{"message":"service paused"}' };
      if (path === `/${unhcrFiles.populationTotals}`) return { status: 200, type: "application/gzip", body: totals };
      if (path === `/${unhcrFiles.refugeesInEurope}`) {
        return n === 1 ? { status: 500, type: "text/plain", body: "database unavailable" } : { status: 200, type: "text/csv", body: europe };
      }
      return undefined;
    });
  });
  after(() => server.close());

  it("unhcrPopulationUrl(query, page) asks the population endpoint for ISO codes, one page at a time", () => {
    assert.equal(unhcrPopulationUrl({ yearFrom: 2022, yearTo: 2022, allAsylum: true }, 1),
      "https://api.unhcr.org/population/v1/population/?limit=1000&page=1&yearFrom=2022&yearTo=2022&coa_all=true&cf_type=ISO");
  });

  it("fetchUnhcrPopulation(get, query, base) follows maxPages and hands both pages to the parser", async () => {
    const input = await fetchUnhcrPopulation(fetchHttpGet, query, `${server.base}population/v1/`);
    const observations = await collect(await parseUnhcrApiPopulation(input));
    assert.deepEqual(observations.filter((o) => o.series === "BE.TOTAL.REF").map((o) => [o.period, o.value]), [["2022", 150713], ["2021", 74063]]);
    assert.deepEqual(server.requests.slice(-2), [pagePath(1), pagePath(2)]);
  });

  it("fetchUnhcrPopulation(get, query, base) throws DownloadError on a 404 and on an answer without maxPages", async () => {
    await assert.rejects(fetchUnhcrPopulation(fetchHttpGet, { yearFrom: 1900, yearTo: 1900 }, `${server.base}population/v1/`), (e: unknown) =>
      e instanceof DownloadError && /^UNHCR population statistics: HTTP 404 from .*yearFrom=1900.*: no such resource/.test(e.message));
    await assert.rejects(fetchUnhcrPopulation(fetchHttpGet, query, `${server.base}bad/`), (e: unknown) =>
      e instanceof DownloadError && /^UNHCR population statistics: the answer has no maxPages: not a population page \(from http:\/\/127\.0\.0\.1:\d+\/bad\/population\//.test(e.message));
  });

  it("fetchUnhcrFile(get, base, populationTotals) downloads the recorded file: 127,831 refugees in Belgium, end 2022", async () => {
    const observations = await collect(await parseUnhcrPopulationTotals(await fetchUnhcrFile(fetchHttpGet, server.base, "populationTotals")));
    assert.equal(sumWhere(observations, (o) => o.series.startsWith("BE.") && o.series.endsWith(".REF") && o.period === "2022").sum, 127831);
  });

  it("fetchUnhcrFile(get, base, file) throws DownloadError on a 500 and succeeds when asked again", async () => {
    await assert.rejects(fetchUnhcrFile(fetchHttpGet, server.base, "refugeesInEurope"), (e: unknown) =>
      e instanceof DownloadError && e.message === `UNHCR table refugeesInEurope: HTTP 500 from ${server.base}${unhcrFiles.refugeesInEurope}: database unavailable`);
    const observations = await collect(await parseUnhcrPopulationDownload(await fetchUnhcrFile(fetchHttpGet, server.base, "refugeesInEurope")));
    assert.equal(observations.length, 425 * 8);
  });
});
