// The live download path of `migmon ingest` and `migmon update`, against a local server serving recorded files.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { startLocalServer } from "../local-server.ts";
import { sharedData } from "../shared-data.ts";
import { runCli } from "./run-cli.ts";

const tsv = readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"));
const teina = readFileSync(sharedData("eurostat/bulk-tsv/teina200.tsv"));

describe("migmon ingest from the live endpoint (local server)", () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let env: Record<string, string>;
  let polls = 0;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-live-"));
    server = await startLocalServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://x");
      if (url.pathname === "/sdmx/2.1/data/demo_r_gind3") {
        response.end(gzipSync(tsv));
      } else if (url.pathname === "/sdmx/2.1/data/teina200") {
        response.setHeader("content-type", "application/xml");
        response.end("<env:Envelope><env:Body><r><key>k42</key><status>SUBMITTED</status></r></env:Body></env:Envelope>");
      } else if (url.pathname === "/1.0/async/status/k42") {
        polls++;
        response.setHeader("content-type", "application/xml");
        response.end(`<r><key>k42</key><status>${polls < 2 ? "PROCESSING" : "AVAILABLE"}</status></r>`);
      } else if (url.pathname === "/1.0/async/data/k42") {
        response.end(gzipSync(teina));
      } else {
        response.statusCode = 404;
        response.end("no such dataset");
      }
    });
    env = {
      MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_CACHE: path.join(dir, "cache"),
      MIGMON_EUROSTAT_API: server.url, MIGMON_ASYNC_POLL_MS: "1",
    };
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("migmon ingest <dataset> downloads the bulk TSV into the cache and loads it as a release", async () => {
    const run = await runCli(["ingest", "demo_r_gind3", "--json"], env);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { status: string; release: { sourceUri: string; observations: number } };
    assert.equal(out.status, "loaded");
    assert.equal(out.release.sourceUri, `${server.url}/sdmx/2.1/data/demo_r_gind3?format=TSV&compress=true`);
    assert.equal(readdirSync(path.join(dir, "cache")).filter((f) => /^[0-9a-f]{64}$/.test(f)).length, 1);
  });

  it("migmon ingest <dataset> downloading the same bytes again finds them unchanged", async () => {
    const run = await runCli(["ingest", "demo_r_gind3"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /unchanged/);
  });

  it("migmon ingest <dataset> waits for an asynchronous delivery and then loads it", async () => {
    const run = await runCli(["ingest", "teina200", "--json"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /asynchronously \(key k42\)/);
    assert.equal((JSON.parse(run.stdout) as { status: string }).status, "loaded");
  });

  it("migmon ingest <dataset> reports a publisher's 404 in one line and exits 1", async () => {
    const run = await runCli(["ingest", "migr_acq"], env);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^migmon: HTTP 404 for .*migr_acq.*no such dataset\n$/);
  });
});
