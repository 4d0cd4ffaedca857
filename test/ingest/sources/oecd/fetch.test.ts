import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { DownloadError } from "../../../../src/core/index.ts";
import { fetchOecdMigration, oecdMigrationUrl } from "../../../../src/ingest/sources/oecd/fetch.ts";
import { parseOecdSdmxCsv } from "../../../../src/ingest/sources/oecd/parse.ts";
import { fetchHttpGet, startLocalServer } from "../international/localServer.ts";
import type { LocalServer } from "../international/localServer.ts";
import { collect, sharedDataPath } from "../international/sharedData.ts";

const inflowsPath = "/data/OECD.ELS.IMD,DSD_MIG@DF_MIG,1.0/.W.A.B11._T._Z._Z.PS?startPeriod=2012&endPeriod=2022&dimensionAtObservation=AllDimensions&format=csvfilewithlabels";

describe("fetchOecdMigration against a local server", () => {
  let server: LocalServer;
  let calls = 0;
  before(async () => {
    const recorded = readFileSync(sharedDataPath("oecd/oecd_imd_DF_MIG_inflows_extract.csv"));
    server = await startLocalServer((path) => {
      if (path !== inflowsPath) return undefined;
      calls += 1;
      if (calls === 2) return { status: 500, type: "text/html", body: "<html><body>Service unavailable</body></html>" };
      return { status: 200, type: "application/vnd.sdmx.data+csv; charset=utf-8", body: recorded };
    });
  });
  after(() => server.close());

  const query = { filter: { CITIZENSHIP: ["W"], FREQ: ["A"], MEASURE: ["B11"], SEX: ["_T"], BIRTH_PLACE: ["_Z"], EDUCATION_LEV: ["_Z"], UNIT_MEASURE: ["PS"] }, startPeriod: "2012", endPeriod: "2022" };

  it("oecdMigrationUrl(query) builds the Data Explorer key with . between dimensions and + between codes", () => {
    assert.equal(
      oecdMigrationUrl({ filter: { REF_AREA: ["BEL", "NLD"], MEASURE: ["B11"] }, startPeriod: "2015" }),
      "https://sdmx.oecd.org/public/rest/data/OECD.ELS.IMD,DSD_MIG@DF_MIG,1.0/BEL+NLD...B11....?startPeriod=2015&dimensionAtObservation=AllDimensions&format=csvfilewithlabels",
    );
    assert.match(oecdMigrationUrl({}), /DF_MIG,1\.0\/all\?dimensionAtObservation/);
  });

  it("fetchOecdMigration(get, query, base) downloads the recorded SDMX-CSV whose BE 2022 inflow is 192,002", async () => {
    const input = await fetchOecdMigration(fetchHttpGet, query, server.base);
    const observations = await collect(await parseOecdSdmxCsv(input));
    // grep ',BEL,' oecd_imd_DF_MIG_inflows_extract.csv | awk -F, '$21==2022 {print $23}'  ->  192002
    assert.deepEqual(observations.filter((o) => o.series.startsWith("BE.") && o.period === "2022").map((o) => o.value), [192002]);
  });

  it("fetchOecdMigration(get, query, base) throws DownloadError on a 500 and succeeds when asked again", async () => {
    await assert.rejects(fetchOecdMigration(fetchHttpGet, query, server.base), (e: unknown) => e instanceof DownloadError && /HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/data\/OECD\.ELS\.IMD,DSD_MIG@DF_MIG,1\.0\/.*: <html><body>Service unavailable/.test(e.message));
    const input = await fetchOecdMigration(fetchHttpGet, query, server.base);
    assert.equal((await collect(await parseOecdSdmxCsv(input))).length, 393);
  });

  it("fetchOecdMigration(get, query, base) throws DownloadError naming the URL on a 404", async () => {
    await assert.rejects(fetchOecdMigration(fetchHttpGet, { filter: { REF_AREA: ["XXX"] } }, server.base), (e: unknown) => e instanceof DownloadError && /^OECD International Migration Database: HTTP 404 from .*\/XXX\.\.\.\.\.\.\.\?dimensionAtObservation=AllDimensions&format=csvfilewithlabels: no such resource/.test(e.message));
  });
});
