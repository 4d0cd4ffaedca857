import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { DownloadError, readBody } from "../../src/core/index.ts";
import { createHttpGet } from "../../src/ingest/http.ts";
import { hashFile, saveToCache } from "../../src/ingest/download-cache.ts";
import { eurostatDataUrl, fetchEurostat, readAsyncStatus } from "../../src/ingest/sources/eurostat/fetch.ts";
import { startLocalServer } from "../local-server.ts";
import { sharedData } from "../shared-data.ts";

// Recorded real answers: the bulk TSV of demo_r_gind3 (subset) and a JSON-stat answer of the statistics API.
const tsv = readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"));
const jsonstat = readFileSync(sharedData("eurostat/jsonstat/une_rt_m_DE_since_2024-01.json"));
// Eurostat's asynchronous-delivery message, in the shape the API documentation gives (key and status).
const asyncMessage = (key: string, status: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Header/>` +
  `<env:Body><ns0:syncResponse xmlns:ns0="http://estat.ec.europa.eu/disschain/soap/extraction"><queued><id>${key}</id>` +
  `<key>${key}</key><status>${status}</status></queued></ns0:syncResponse></env:Body></env:Envelope>`;
const tooBig = `<S:Fault xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><faultcode>413</faultcode><faultstring>EXTRACTION_TOO_BIG: The requested extraction is too big, estimated 420709314 rows, max authorised is 5000000, please change your filters to reduce the extraction size</faultstring></S:Fault>`;

describe("fetchEurostat against a local server with recorded answers", () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let statusCalls = 0;
  let flakyCalls = 0;
  before(async () => {
    server = await startLocalServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://x");
      const xml = (body: string, status = 200) => {
        response.statusCode = status;
        response.setHeader("content-type", "application/xml");
        response.end(body);
      };
      if (url.pathname === "/sdmx/2.1/data/demo_r_gind3" && url.searchParams.get("format") === "TSV") {
        response.setHeader("content-type", "application/octet-stream");
        response.end(gzipSync(tsv));
      } else if (url.pathname === "/statistics/1.0/data/une_rt_m") {
        response.setHeader("content-type", "application/json");
        response.end(jsonstat);
      } else if (url.pathname === "/sdmx/2.1/data/migr_imm1ctz") {
        xml(asyncMessage("a1b2c3", "SUBMITTED"));
      } else if (url.pathname === "/1.0/async/status/a1b2c3") {
        statusCalls++;
        xml(asyncMessage("a1b2c3", statusCalls < 2 ? "PROCESSING" : "AVAILABLE"));
      } else if (url.pathname === "/1.0/async/data/a1b2c3") {
        response.end(gzipSync(tsv));
      } else if (url.pathname === "/sdmx/2.1/data/migr_emi1ctz") {
        xml(asyncMessage("dead", "SUBMITTED"));
      } else if (url.pathname === "/1.0/async/status/dead") {
        xml(asyncMessage("dead", "EXPIRED"));
      } else if (url.pathname === "/sdmx/2.1/data/migr_pop1ctz") {
        xml(tooBig, 413);
      } else if (url.pathname === "/sdmx/2.1/data/migr_acq") {
        flakyCalls++;
        if (flakyCalls < 3) { response.statusCode = 502; response.end("bad gateway"); return; }
        response.end(gzipSync(tsv));
      } else {
        response.statusCode = 404;
        response.end("Not found");
      }
    });
  });
  after(() => server.close());
  const http = createHttpGet({ sleep: async () => {}, retries: 3 });
  const polling = { intervalMs: 10, maxWaitMs: 1000, sleep: async () => {} };

  it("eurostatDataUrl(request) builds the SDMX 2.1 bulk TSV and the statistics JSON-stat URLs", () => {
    assert.equal(eurostatDataUrl({ code: "MIGR_IMM1CTZ", format: "tsv" }),
      "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/migr_imm1ctz?format=TSV&compress=true");
    assert.equal(eurostatDataUrl({ code: "une_rt_m", format: "jsonstat", filters: { geo: ["DE"], sinceTimePeriod: ["2024-01"] } }),
      "https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/une_rt_m?format=JSON&lang=EN&geo=DE&sinceTimePeriod=2024-01");
  });

  it("fetchEurostat(http, tsv request) returns the gzip bulk file byte for byte", async () => {
    const answer = await fetchEurostat(http, { code: "demo_r_gind3", format: "tsv", baseUrl: server.url }, polling);
    assert.deepEqual(Buffer.from(await readBody(answer.body)), gzipSync(tsv));
  });

  it("fetchEurostat(http, jsonstat request) returns the JSON-stat answer", async () => {
    const answer = await fetchEurostat(http, { code: "une_rt_m", format: "jsonstat", baseUrl: server.url }, polling);
    assert.deepEqual(Buffer.from(await readBody(answer.body)), jsonstat);
  });

  it("fetchEurostat(http, request) follows an asynchronous answer: polls the status until AVAILABLE, then fetches the data", async () => {
    const log: string[] = [];
    const answer = await fetchEurostat(http, { code: "migr_imm1ctz", format: "tsv", baseUrl: server.url }, { ...polling, log: (l) => log.push(l) });
    assert.deepEqual(Buffer.from(await readBody(answer.body)), gzipSync(tsv));
    assert.equal(statusCalls, 2);
    assert.match(log.join("\n"), /asynchronously \(key a1b2c3\)[\s\S]*PROCESSING[\s\S]*AVAILABLE/);
  });

  it("fetchEurostat(http, request) throws DownloadError when the asynchronous request expired", async () => {
    await assert.rejects(fetchEurostat(http, { code: "migr_emi1ctz", format: "tsv", baseUrl: server.url }, polling),
      (e: unknown) => e instanceof DownloadError && /dead for migr_emi1ctz ended as EXPIRED/.test(e.message));
  });

  it("fetchEurostat(http, request) throws DownloadError with Eurostat's text for 413 extraction too big", async () => {
    await assert.rejects(fetchEurostat(http, { code: "migr_pop1ctz", format: "tsv", baseUrl: server.url }, polling),
      (e: unknown) => e instanceof DownloadError && /too large: EXTRACTION_TOO_BIG/.test(e.message));
  });

  it("fetchEurostat(http, request) throws DownloadError naming the URL for a 404", async () => {
    await assert.rejects(fetchEurostat(http, { code: "nosuch", format: "tsv", baseUrl: server.url }, polling),
      (e: unknown) => e instanceof DownloadError && /HTTP 404 for .*nosuch.*Not found/.test(e.message));
  });

  it("fetchEurostat(http, request) gets through two 502 answers by retrying", async () => {
    const answer = await fetchEurostat(http, { code: "migr_acq", format: "tsv", baseUrl: server.url }, polling);
    assert.equal(answer.status, 200);
    assert.equal(flakyCalls, 3);
  });

  it("fetchEurostat(http, request) gives up polling after maxWaitMs", async () => {
    statusCalls = -100; // stays PROCESSING
    await assert.rejects(fetchEurostat(http, { code: "migr_imm1ctz", format: "tsv", baseUrl: server.url }, { ...polling, maxWaitMs: 30 }),
      (e: unknown) => e instanceof DownloadError && /not ready after 30 ms \(last status PROCESSING\)/.test(e.message));
  });

  it("saveToCache(response, dir) stores the body under its SHA-256 and leaves no partial file", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migmon-cache-"));
    try {
      const answer = await fetchEurostat(http, { code: "demo_r_gind3", format: "tsv", baseUrl: server.url }, polling);
      const cached = await saveToCache(answer, dir);
      const again = await hashFile(cached.path);
      assert.equal(again.sha256, cached.sha256);
      assert.equal(path.basename(cached.path), cached.sha256);
      assert.deepEqual(readdirSync(dir), [cached.sha256]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("saveToCache(response, dir) refuses a non-2xx answer and writes nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "migmon-cache-"));
    try {
      const answer = await http({ url: `${server.url}/nothing-here` });
      await assert.rejects(saveToCache(answer, dir), DownloadError);
      assert.deepEqual(readdirSync(dir), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("readAsyncStatus(xml) reads key and status, and null for a data message", () => {
    assert.deepEqual(readAsyncStatus(asyncMessage("k1", "SUBMITTED")), { key: "k1", status: "SUBMITTED" });
    assert.equal(readAsyncStatus("<message:GenericData/>"), null);
  });
});
