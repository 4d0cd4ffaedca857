// The read routes over the store: sources, datasets, releases, diff and observations, checked against the
// publisher files read independently (tsvCells.ts) and the catalogue file.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { startApi, gind3File, teinaFile } from "./apiFixture.ts";
import { readTsvCells } from "./tsvCells.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: "GET", url, headers });

describe("GET /api/sources", () => {
  test("GET /api/sources lists every entry of data/sources.yaml with what the store holds of it", async () => {
    const r = await get("/api/sources");
    assert.equal(r.statusCode, 200);
    const body = r.json() as { sources: { id: string; loaded: { release: number; observations: number } | null }[] };
    const yaml = parseYaml(readFileSync(new URL("../../data/sources.yaml", import.meta.url), "utf8")) as { sources: { id: string }[] };
    assert.deepEqual(body.sources.map((s) => s.id), yaml.sources.map((s) => s.id));
    const gind3 = body.sources.find((s) => s.id === "eurostat:demo_r_gind3");
    // 64 rows x 20 years in the file, every cell an observation (missing ones as null).
    assert.deepEqual({ release: gind3?.loaded?.release, observations: gind3?.loaded?.observations }, { release: api.gind3Release, observations: 64 * 20 });
    assert.equal(body.sources.find((s) => s.id === "eurostat:migr_imm1ctz")?.loaded, null);
  });
});

describe("GET /api/datasets", () => {
  test("GET /api/datasets lists the two loaded datasets with their dimensions and newest release", async () => {
    const body = (await get("/api/datasets")).json() as { datasets: { id: string; dimensions: string[]; loaded: { release: number; releases: number } }[] };
    assert.deepEqual(body.datasets.map((d) => [d.id, d.dimensions, d.loaded.release, d.loaded.releases]), [
      ["eurostat:demo_r_gind3", ["indic_de", "geo"], api.gind3Release, 1],
      ["eurostat:teina200", ["unit", "geo"], api.teinaReleases[1], 2],
    ]);
  });

  test("GET /api/datasets/{id} gives the dataset, its catalogue entry and newest release; 404 for an unknown id, 400 for a malformed one", async () => {
    const body = (await get("/api/datasets/eurostat:teina200")).json() as { dataset: { code: string }; catalogue: { page: string }; releases: number; latestRelease: { id: number } };
    assert.equal(body.dataset.code, "teina200");
    assert.equal(body.catalogue.page, "https://ec.europa.eu/eurostat/databrowser/view/teina200/default/table");
    assert.equal(body.releases, 2);
    assert.equal(body.latestRelease.id, api.teinaReleases[1]);
    const missing = await get("/api/datasets/eurostat:nothing_here");
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().error, /dataset eurostat:nothing_here not found/);
    const bad = await get("/api/datasets/EUROSTAT-teina200");
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error, /^path parameter id: must be a dataset id/);
  });

  test("GET /api/datasets/{id}/releases gives both releases of teina200, the second with Austria's 12 MIO_EUR figures removed", async () => {
    const body = (await get("/api/datasets/eurostat:teina200/releases")).json() as { releases: { id: number; observations: number; removed: number; retrievedAt: string }[] };
    const cells = readTsvCells(teinaFile);
    assert.deepEqual(body.releases.map((r) => [r.id, r.observations, r.removed, r.retrievedAt]), [
      [api.teinaReleases[0], cells.length, 0, "2025-01-10T00:00:00.000Z"],
      [api.teinaReleases[1], cells.length - 12, 12, "2025-06-01T00:00:00.000Z"],
    ]);
  });

  test("GET /api/datasets/{id}/diff lists the removed Austrian cells with their values from the file", async () => {
    const [from, to] = api.teinaReleases;
    const body = (await get(`/api/datasets/eurostat:teina200/diff?from=${from}&to=${to}`)).json() as { changes: { series: string; period: string; change: string; before: { value: number | null } }[] };
    const austria = readTsvCells(teinaFile).filter((c) => c.codes.join(",") === "MIO_EUR,AT");
    assert.deepEqual(body.changes.map((c) => [c.series, c.period, c.change, c.before.value]), austria.map((c) => ["MIO_EUR.AT", c.period, "removed", c.value]));
  });

  test("GET /api/datasets/{id}/diff is a 400 without to, with from after to, or a non-number; 404 for a release of another dataset", async () => {
    const [from, to] = api.teinaReleases as [number, number];
    const cases: [string, number, RegExp][] = [
      [`from=${from}`, 400, /^query parameter to is required$/],
      [`from=${to}&to=${from}`, 400, /from \(\d+\) must not be after to/],
      [`from=x&to=${to}`, 400, /^query parameter from: must be a release id/],
      [`from=${api.gind3Release}&to=${to}`, 404, new RegExp(`release ${api.gind3Release} of dataset eurostat:teina200 not found`)],
    ];
    for (const [query, status, message] of cases) {
      const r = await get(`/api/datasets/eurostat:teina200/diff?${query}`);
      assert.equal(r.statusCode, status, query);
      assert.match(r.json().error, message, query);
    }
  });
});

describe("GET /api/datasets/{id}/observations", () => {
  test("observations?where=geo:BE gives Belgium's net migration 2000-2019 as in the file, flags and missing values kept", async () => {
    const body = (await get("/api/datasets/eurostat:demo_r_gind3/observations?where=geo:BE")).json() as { dimensions: string[]; release: number; observations: { series: string; period: string; value: number | null; flags: string }[] };
    const expected = readTsvCells(gind3File).filter((c) => c.codes[1] === "BE").sort((a, b) => a.period.localeCompare(b.period));
    assert.deepEqual(body.dimensions, ["indic_de", "geo"]);
    assert.equal(body.release, api.gind3Release);
    assert.deepEqual(body.observations.map((o) => [o.series, o.period, o.value, o.flags]), expected.map((c) => ["CNMIGRAT.BE", c.period, c.value, c.flags]));
    // In the file's BE row (columns 2019 down to 2000) the 2012 and 2011 cells read "43110 b" and "69799 b"; 2019 is ':'.
    assert.deepEqual(body.observations.filter((o) => o.flags === "b").map((o) => [o.period, o.value]), [["2011", 69799], ["2012", 43110]]);
    assert.equal(body.observations.find((o) => o.period === "2019")?.value, null);
  });

  test("observations?format=csv has one column per dimension, then period, value (empty when missing) and flags", async () => {
    const r = await get("/api/datasets/eurostat:demo_r_gind3/observations?where=geo:BE2,BE1&from=2014&to=2016&format=csv");
    assert.match(String(r.headers["content-type"]), /^text\/csv/);
    const rows = parseCsv(r.body, { columns: true }) as Record<string, string>[];
    const expected = readTsvCells(gind3File)
      .filter((c) => (c.codes[1] === "BE1" || c.codes[1] === "BE2") && c.period >= "2014" && c.period <= "2016")
      .sort((a, b) => (a.codes[1] as string).localeCompare(b.codes[1] as string) || a.period.localeCompare(b.period));
    assert.deepEqual(Object.keys(rows[0] ?? {}), ["indic_de", "geo", "period", "value", "flags"]);
    assert.deepEqual(rows.map((r) => [r.indic_de, r.geo, r.period, r.value, r.flags]),
      expected.map((c) => [c.codes[0], c.codes[1], c.period, c.value === null ? "" : String(c.value), c.flags]));
  });

  test("observations?asOf and ?release give the state as published then; before the first release nothing", async () => {
    const first = (await get(`/api/datasets/eurostat:teina200/observations?where=geo:AT&where=unit:MIO_EUR&release=${api.teinaReleases[0]}`)).json() as { observations: unknown[] };
    assert.equal(first.observations.length, 12);
    const asOfJanuary = (await get("/api/datasets/eurostat:teina200/observations?where=geo:AT&where=unit:MIO_EUR&asOf=2025-03-01")).json() as { observations: unknown[] };
    assert.equal(asOfJanuary.observations.length, 12);
    // The latest release dropped these figures; an empty latest answer is explained (src/indicators/observationRequest.ts).
    const latest = await get("/api/datasets/eurostat:teina200/observations?where=geo:AT&where=unit:MIO_EUR");
    assert.equal(latest.statusCode, 404);
    assert.match(latest.json().error, /^no observations of eurostat:teina200 for geo=AT unit=MIO_EUR/);
    const before2025 = (await get("/api/datasets/eurostat:teina200/observations?asOf=2024-12-31T23:59:59Z")).json() as { observations: unknown[] };
    assert.equal(before2025.observations.length, 0);
  });

  test("observations answers 400 naming the parameter for each bad input, 404 for an unknown dataset or release", async () => {
    const base = "/api/datasets/eurostat:teina200/observations";
    const cases: [string, number, RegExp][] = [
      [`${base}?where=geo`, 400, /^query parameter where: must be dimension:code/],
      [`${base}?where=nuts:BE`, 400, /^query parameter where: the dataset has no dimension "nuts"; it has unit, geo$/],
      [`${base}?from=2019Z`, 400, /^query parameter from: must be a period/],
      [`${base}?to=13`, 400, /^query parameter to: must be a period/],
      [`${base}?from=2010&to=2005`, 400, /^query parameter from \(2010\) must not be after to \(2005\)$/],
      [`${base}?asOf=2025-02-30`, 400, /^query parameter asOf: must be a date/],
      [`${base}?asOf=yesterday`, 400, /^query parameter asOf: must be a date/],
      [`${base}?release=0`, 400, /^query parameter release: must be a release id/],
      [`${base}?release=2&asOf=2025-01-01`, 400, /asOf and release exclude each other/],
      [`${base}?format=xml`, 400, /^query parameter format: must be json or csv \(got "xml"\)$/],
      [`${base}?format=csv&format=json`, 400, /^query parameter format is given 2 times; give it once$/],
      [`${base}?geo=BE`, 400, /^unknown query parameter "geo"; this route takes where, from, to, asOf, publishedAsOf, release, format, limit, cursor$/],
      [`${base}?__proto__=x`, 400, /^unknown query parameter "__proto__"/],
      [`${base}?release=${api.gind3Release}`, 404, /release \d+ of dataset eurostat:teina200 not found/],
      ["/api/datasets/eurostat:unknown/observations", 404, /dataset eurostat:unknown not found/],
    ];
    for (const [url, status, message] of cases) {
      const r = await get(url);
      assert.equal(r.statusCode, status, url);
      assert.match(r.json().error, message, url);
      assert.equal(r.headers.etag, undefined, url);
    }
  });
});
