import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { DownloadError } from "../../../../src/core/index.ts";
import { fetchUndesaFile, undesaFiles } from "../../../../src/ingest/sources/undesa/fetch.ts";
import { parseMigrantStock } from "../../../../src/ingest/sources/undesa/parse.ts";
import { parseNationalNetMigration } from "../../../../src/ingest/sources/undesa/parseNetMigration.ts";
import { fetchHttpGet, startLocalServer } from "../international/localServer.ts";
import type { LocalServer } from "../international/localServer.ts";
import { collect, sharedDataPath, sumWhere } from "../international/sharedData.ts";

describe("fetchUndesaFile against a local server", () => {
  let server: LocalServer;
  before(async () => {
    const stock = readFileSync(sharedDataPath(undesaFiles.migrantStock));
    const national = readFileSync(sharedDataPath(undesaFiles.nationalNetMigration));
    server = await startLocalServer((path, n) => {
      if (path === `/${undesaFiles.migrantStock}`) return { status: 200, type: "application/gzip", body: stock };
      if (path === `/${undesaFiles.nationalNetMigration}`) {
        return n === 1 ? { status: 500, type: "text/plain", body: "Internal Server Error\nstack trace" } : { status: 200, type: "text/csv", body: national };
      }
      return undefined;
    });
  });
  after(() => server.close());

  it("fetchUndesaFile(get, base, migrantStock) downloads the recorded gzip file that parses to BE 2020 = 2,046,975", async () => {
    const input = await fetchUndesaFile(fetchHttpGet, server.base, "migrantStock");
    assert.equal(input.name, `${server.base}${undesaFiles.migrantStock}`);
    const observations = await collect(await parseMigrantStock(input));
    // the same figure as the parse test, from the same file served over HTTP
    assert.equal(sumWhere(observations, (o) => o.series.startsWith("BE.") && o.period === "2020").sum, 2046975);
  });

  it("fetchUndesaFile(get, base, file) throws DownloadError naming status and URL on 500, and succeeds when asked again", async () => {
    await assert.rejects(fetchUndesaFile(fetchHttpGet, server.base, "nationalNetMigration"), (e: unknown) => {
      assert.ok(e instanceof DownloadError);
      assert.equal(e.message, `UN DESA table nationalNetMigration: HTTP 500 from ${server.base}${undesaFiles.nationalNetMigration}: Internal Server Error`);
      return true;
    });
    const input = await fetchUndesaFile(fetchHttpGet, server.base, "nationalNetMigration");
    assert.equal((await collect(await parseNationalNetMigration(input))).length, 1020);
  });

  it("fetchUndesaFile(get, base, file) throws DownloadError with the publisher's text on 404", async () => {
    await assert.rejects(fetchUndesaFile(fetchHttpGet, `${server.base}missing/`, "wppNetMigration"), (e: unknown) => {
      assert.ok(e instanceof DownloadError);
      assert.match(e.message, /^UN DESA table wppNetMigration: HTTP 404 from http:\/\/127\.0\.0\.1:\d+\/missing\/international\/un_wpp2024_net_migration_1950-2023\.csv\.gz: no such resource/);
      return true;
    });
  });
});
