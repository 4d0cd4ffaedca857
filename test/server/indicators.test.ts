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

  test("GET /api/indicators/{id} gives the metadata and the datasets read, through formulas too, with whether the store holds them; 404 for an unknown id", async () => {
    type Needs = { datasets: { id: string; availability: string; loaded: boolean }[]; hasData: boolean; levels: string[] };
    const own = (await get("/api/indicators/net_migration_adjusted")).json() as Needs;
    assert.deepEqual(own.datasets, [{ id: "eurostat:demo_r_gind3", availability: "offline", loaded: true }]);
    assert.equal(own.hasData, true);
    assert.deepEqual(own.levels, ["country", "region", "province", "arrondissement"]);
    // The rate also needs the population, whose datasets the fixture's store does not hold.
    const rate = (await get("/api/indicators/net_migration_adjusted_rate")).json() as Needs;
    assert.ok(rate.datasets.some((d) => d.id === "eurostat:demo_r_gind3" && d.loaded) && rate.datasets.length > 1, JSON.stringify(rate.datasets));
    assert.ok(rate.datasets.filter((d) => d.id !== "eurostat:demo_r_gind3").every((d) => !d.loaded));
    assert.equal(rate.hasData, false);
    const list = (await get("/api/indicators")).json() as { indicators: (Needs & { id: string })[] };
    assert.deepEqual(list.indicators.find((i) => i.id === "net_migration_adjusted_rate")?.datasets, rate.datasets);
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
      // The same check and message as `migmon indicator` (src/reference/areaInput.ts, src/indicators/answerRequest.ts).
      [`${base}?geo=BE2,XX,99999`, 400, /^unknown areas "XX", "99999": give a REFNIS code/],
      [`${base}?geo=BE2&dataset=eurostat:migr_imm1ctz`, 400, /^indicator net_migration_adjusted does not read dataset eurostat:migr_imm1ctz; it reads eurostat:demo_r_gind3$/],
      [`${base}?geo=BE2&from=2015&to=2010`, 400, /^the first period \(2015\) is after the last \(2010\)$/],
    ];
    for (const [url, status, message] of cases) {
      const r = await get(url);
      assert.equal(r.statusCode, status, `${url}: ${r.body}`);
      assert.match(r.json().error, message, url);
    }
  });

  test("GET /api/indicators/{id}/data for years outside the data answers 404 naming the years the file has, and notes a range it only partly fills", async () => {
    const years = [...new Set(readTsvCells(gind3File).filter((c) => c.codes.join(",") === "CNMIGRAT,BE2" && c.value !== null).map((c) => Number(c.period)))].sort((a, b) => a - b);
    const span = `${years[0]}-${years.at(-1)}`;
    assert.equal(years.length, years.at(-1)! - years[0]! + 1, "the file has every year between the first and the last");
    const none = await get("/api/indicators/net_migration_adjusted/data?geo=BE2&from=1990&to=1995");
    assert.equal(none.statusCode, 404, none.body);
    assert.equal(none.json().error, `no figures for net_migration_adjusted for BE2 in 1990-1995 (it reads eurostat:demo_r_gind3); figures exist for ${span}`);
    const part = (await get(`/api/indicators/net_migration_adjusted/data?geo=BE2,Vlaams Gewest&from=${years.at(-1)! - 1}&to=${years.at(-1)! + 5}`)).json() as { values: { geo: string; value: number | null }[]; notes: string[] };
    // Two years for Flanders, once under each way of naming it.
    assert.deepEqual(part.values.filter((v) => v.value !== null).map((v) => v.geo), ["BE2", "BE2", "02000", "02000"]);
    assert.deepEqual(part.notes, [
      "Vlaams Gewest is 02000 Vlaams Gewest (region)",
      `figures of net_migration_adjusted exist for ${span} only; asked in ${years.at(-1)! - 1}-${years.at(-1)! + 5}`,
    ]);
  });

  test("indicator data carries an ETag over the release ids of its datasets and answers 304 to it", async () => {
    const url = "/api/indicators/net_migration_adjusted/data?geo=BE2";
    const first = await get(url);
    const again = await api.app.inject({ method: "GET", url, headers: { "if-none-match": String(first.headers.etag) } });
    assert.equal(again.statusCode, 304);
  });
});
