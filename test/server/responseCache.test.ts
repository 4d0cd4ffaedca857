// The server's cache of whole answers (src/server/responseCache.ts): bounded by bytes, keyed by the normalised URL
// and encoding, answered again byte for byte, and never answering an earlier state after a write.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { ResponseCache, normaliseUrl } from "../../src/server/responseCache.ts";
import { startApi, teinaFile } from "./apiFixture.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
type Observations = { observations: { series: string; period: string; value: number | null }[] };

describe("ResponseCache", () => {
  test("ResponseCache(maxBytes).set drops the least recently used answers to stay within maxBytes and refuses one above an eighth of it", () => {
    const cache = new ResponseCache(800);
    const answer = (n: number) => ({ body: Buffer.alloc(n), headers: {} });
    cache.set("a", answer(100));
    cache.set("b", answer(100));
    cache.set("c", answer(100));
    assert.ok(cache.get("a")); // a is now the most recently used; b the least
    for (const key of ["d", "e", "f", "g", "h", "i"]) cache.set(key, answer(100));
    assert.equal(cache.get("b"), undefined);
    assert.ok(cache.get("a"));
    assert.ok(cache.bytes <= 800);
    cache.set("big", answer(101));
    assert.equal(cache.get("big"), undefined);
  });

  test("ResponseCache.invalidate() empties the cache and starts a new generation", () => {
    const cache = new ResponseCache(1000);
    cache.set("a", { body: Buffer.alloc(10), headers: {} });
    const generation = cache.generation;
    cache.invalidate();
    assert.equal(cache.get("a"), undefined);
    assert.equal(cache.bytes, 0);
    assert.equal(cache.generation, generation + 1);
  });

  test("normaliseUrl(url) orders the parameters by name and keeps the order of a parameter's repeated values", () => {
    assert.equal(normaliseUrl("/api/x?b=2&where=geo:BE&a=1&where=sex:T"), "/api/x?a=1&b=2&where=geo%3ABE&where=sex%3AT");
    assert.equal(normaliseUrl("/api/x?where=sex:T&a=1&where=geo:BE"), "/api/x?a=1&where=sex%3AT&where=geo%3ABE");
    assert.equal(normaliseUrl("/api/x"), "/api/x");
  });
});

describe("the API's response cache", () => {
  let api: Api;
  before(async () => { api = await startApi("s3cret-token"); });
  after(async () => { await api.close(); });
  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: "GET", url, headers });

  test("a repeated observations query is answered from the cache with the same bytes, also with its parameters in another order", async () => {
    const url = "/api/datasets/eurostat:teina200/observations?where=geo:BE,NL&from=2005";
    const first = await get(url);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers["x-cache"], undefined);
    const again = await get("/api/datasets/eurostat:teina200/observations?from=2005&where=geo:BE,NL");
    assert.equal(again.headers["x-cache"], "hit");
    assert.equal(again.body, first.body);
    assert.equal(again.headers.etag, first.headers.etag);
    assert.equal((await get(url, { "if-none-match": String(first.headers.etag) })).statusCode, 304);
  });

  test("concurrent requests for one uncached URL run the work once: one miss, the others answered from the cache with the same bytes", async () => {
    const url = "/api/datasets/eurostat:teina200/observations?where=geo:DE";
    const answers = await Promise.all(Array.from({ length: 10 }, () => get(url)));
    assert.deepEqual(answers.map((a) => a.statusCode), Array(10).fill(200));
    assert.equal(answers.filter((a) => a.headers["x-cache"] !== "hit").length, 1);
    assert.ok(answers.every((a) => a.body === answers[0]?.body));
  });

  test("a cached answer is kept compressed per encoding: br and gzip clients each get their own bytes", async () => {
    const url = "/api/datasets/eurostat:teina200/observations";
    const plain = await get(url);
    const br = await get(url, { "accept-encoding": "br" });
    const brAgain = await get(url, { "accept-encoding": "br" });
    const gzip = await get(url, { "accept-encoding": "gzip" });
    assert.equal(br.headers["content-encoding"], "br");
    assert.equal(brAgain.headers["x-cache"], "hit");
    assert.equal(brAgain.headers["content-encoding"], "br");
    assert.deepEqual(brAgain.rawPayload, br.rawPayload);
    assert.equal(gzip.headers["content-encoding"], "gzip");
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 3, `${br.rawPayload.length} of ${plain.rawPayload.length}`);
  });

  test("after POST /api/update loads a changed release the cache answers with the new data, never the kept answer", async () => {
    // Release 2 of the fixture is teina200 without Austria's MIO_EUR row; the update loads the whole file again.
    const url = "/api/datasets/eurostat:teina200/observations?where=geo:AT";
    const before1 = await get(url);
    assert.equal((await get(url)).headers["x-cache"], "hit");
    const mioEur = (body: Observations) => body.observations.filter((o) => o.series.startsWith("MIO_EUR."));
    assert.equal(mioEur(before1.json() as Observations).length, 0);
    const update = await api.app.inject({ method: "POST", url: "/api/update", payload: { only: ["eurostat:teina200"] }, headers: { authorization: "Bearer s3cret-token" } });
    assert.equal(update.statusCode, 200, update.body);
    const after1 = await get(url);
    assert.equal(after1.headers["x-cache"], undefined);
    // Austria's MIO_EUR figures read from the file by plain code: the header's periods and the row's cells.
    const lines = readFileSync(teinaFile, "utf8").split("\n");
    const periods = (lines[0] ?? "").split("\t").slice(1).map((p) => p.trim());
    const cells = (lines.find((l) => l.startsWith("MIO_EUR,AT\t")) ?? "").split("\t").slice(1).map((c) => c.trim());
    const expected = periods.map((period, i) => ({ period, value: Number.parseFloat(cells[i] ?? "") })).filter((x) => Number.isFinite(x.value));
    assert.ok(expected.length > 0);
    assert.deepEqual(mioEur(after1.json() as Observations).map((o) => ({ period: o.period, value: o.value })), expected);
  });
});
