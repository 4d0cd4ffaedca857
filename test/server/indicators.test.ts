// The indicator routes: the catalogue against data/indicators read directly, one indicator's metadata, and its
// data computed by the engine, as JSON and as export files, against the publisher file read independently.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, test } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import { parse as parseYaml } from "yaml";
import { startApi, gind3File } from "./apiFixture.ts";
import { readTsvCells } from "./tsvCells.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });

const get = (url: string) => api.app.inject({ method: "GET", url });
const indicatorDir = fileURLToPath(new URL("../../data/indicators/", import.meta.url));

/** CNMIGRAT for Flanders (BE2) in 2010-2015, from the file without the project's parser. */
const flanders = () => readTsvCells(gind3File).filter((c) => c.codes.join(",") === "CNMIGRAT,BE2" && c.period >= "2010" && c.period <= "2015")
  .sort((a, b) => a.period.localeCompare(b.period)).map((c) => [c.period, c.value]);

describe("indicator routes", () => {
  test("GET /api/indicators lists every indicator of data/indicators/*.yaml", async () => {
    const body = (await get("/api/indicators")).json() as { indicators: { id: string; levels: string[] }[] };
    const ids = readdirSync(indicatorDir).filter((n) => n.endsWith(".yaml"))
      .flatMap((n) => ((parseYaml(readFileSync(path.join(indicatorDir, n), "utf8")) as { indicators: { id: string }[] }).indicators).map((i) => i.id));
    assert.deepEqual(body.indicators.map((i) => i.id).sort(), ids.sort());
  });

  test("GET /api/indicators/{id} gives the metadata and the datasets read, through formulas too; 404 for an unknown id", async () => {
    const own = (await get("/api/indicators/net_migration_adjusted")).json() as { datasets: string[]; levels: string[] };
    assert.deepEqual(own.datasets, ["eurostat:demo_r_gind3"]);
    assert.deepEqual(own.levels, ["country", "region", "province", "arrondissement"]);
    const rate = (await get("/api/indicators/net_migration_adjusted_rate")).json() as { datasets: string[] };
    assert.ok(rate.datasets.includes("eurostat:demo_r_gind3") && rate.datasets.length > 1, rate.datasets.join(","));
    const missing = await get("/api/indicators/no_such_indicator");
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().error, /indicator "no_such_indicator" is not in the catalogue/);
  });

  test("GET /api/indicators/{id}/data?geo=BE2 gives Flanders' CNMIGRAT of the file with its provenance", async () => {
    const body = (await get("/api/indicators/net_migration_adjusted/data?geo=BE2&from=2010&to=2015")).json() as { values: { geo: string; period: string; value: number }[]; provenance: { dataset: string; release: number }[] };
    assert.deepEqual(body.values.map((v) => [v.period, v.value]), flanders());
    assert.ok(body.values.every((v) => v.geo === "BE2"));
    assert.deepEqual(body.provenance.map((p) => [p.dataset, p.release]), [["eurostat:demo_r_gind3", api.gind3Release]]);
  });

  test("GET /api/indicators/{id}/data as csv, jsonstat and xlsx gives export files with the same figures", async () => {
    const csv = await get("/api/indicators/net_migration_adjusted/data?geo=BE2&from=2010&to=2015&format=csv");
    assert.match(String(csv.headers["content-type"]), /^text\/csv/);
    assert.equal(csv.headers["content-disposition"], 'attachment; filename="net_migration_adjusted.csv"');
    const rows = parseCsv(csv.body, { columns: true }) as { period: string; value: string }[];
    assert.deepEqual(rows.map((r) => [r.period, Number(r.value)]), flanders());
    const stat = (await get("/api/indicators/net_migration_adjusted/data?geo=BE2&from=2010&to=2015&format=jsonstat&lang=fr")).json() as { version: string; class: string; value: (number | null)[] };
    assert.deepEqual([stat.version, stat.class], ["2.0", "dataset"]);
    assert.deepEqual(stat.value, flanders().map(([, v]) => v));
    const xlsx = await get("/api/indicators/net_migration_adjusted/data?geo=BE2&format=xlsx");
    assert.equal(xlsx.headers["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString("latin1"), "PK");
  });

  test("GET /api/indicators/{id}/data?set=flanders-belgium-europe gives the Belgian areas of the set with the file's figures", async () => {
    const body = (await get("/api/indicators/net_migration_adjusted/data?set=flanders-belgium-europe&from=2015&to=2015")).json() as { values: { geo: string; period: string; value: number | null }[] };
    const set = ["BE2", "BE1", "BE3", "BE", "NL", "FR", "DE", "LU", "EU27_2020"];
    // The engine reads this indicator's input (NUTS 2016 coding) for Belgian areas only: the file's DE row is not used.
    const inFile = readTsvCells(gind3File).filter((c) => c.period === "2015" && ["BE2", "BE1", "BE3", "BE"].includes(c.codes[1] as string));
    assert.deepEqual(body.values.filter((v) => v.value !== null).map((v) => [v.geo, v.value]).sort(),
      inFile.filter((c) => c.value !== null).map((c) => [c.codes[1], c.value]).sort());
    assert.ok(body.values.every((v) => set.includes(v.geo)));
    const municipality = await get("/api/indicators/net_migration_adjusted/data?set=municipality:11002");
    assert.equal(municipality.statusCode, 404, municipality.body);
    assert.match(municipality.json().error, /^dataset statbel:pop_by_municipality_nationality_sex is not in the store/);
  });

  test("GET /api/indicators/{id}/data answers 400 for bad parameters, 404 for an input dataset not in the store", async () => {
    const base = "/api/indicators/net_migration_adjusted/data";
    const cases: [string, number, RegExp][] = [
      [base, 400, /^give one of the query parameters geo \(area codes\), level or set$/],
      [`${base}?geo=BE2&set=flanders-belgium-europe`, 400, /^give one of the query parameters geo \(area codes\), level or set, not several$/],
      [`${base}?set=municipality:110`, 400, /^query parameter set: must be flanders-belgium-europe or municipality:<REFNIS>\[:k\]/],
      [`${base}?level=municipality`, 400, /does not exist at level municipality/],
      [`${base}?level=planet`, 400, /^query parameter level: must be one of municipality, arrondissement/],
      [`${base}?geo=BE2;BE1`, 400, /^query parameter geo: must be area codes separated by commas/],
      [`${base}?geo=BE2&format=pdf`, 400, /^query parameter format: must be one of json, csv, xlsx, jsonstat, sdmx-csv, parquet/],
      [`${base}?geo=BE2&boundaries=25`, 400, /^query parameter boundaries: must be a year/],
      [`${base}?geo=BE2&lang=de`, 400, /^query parameter lang: must be nl, fr or en/],
      ["/api/indicators/Bad-Id/data?geo=BE2", 400, /^path parameter id: must be an indicator id/],
      ["/api/indicators/population/data?geo=BE2", 404, /^dataset statbel:pop_by_municipality_nationality_sex is not in the store/],
    ];
    for (const [url, status, message] of cases) {
      const r = await get(url);
      assert.equal(r.statusCode, status, `${url}: ${r.body}`);
      assert.match(r.json().error, message, url);
    }
  });

  test("indicator data carries an ETag over the release ids of its datasets and answers 304 to it", async () => {
    const url = "/api/indicators/net_migration_adjusted/data?geo=BE2";
    const first = await get(url);
    const again = await api.app.inject({ method: "GET", url, headers: { "if-none-match": String(first.headers.etag) } });
    assert.equal(again.statusCode, 304);
  });
});
