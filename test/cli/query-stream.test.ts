// `migmon query` writes page by page: with pages far smaller than the answer, its CSV and JSON still hold every
// observation of the file once, in the store's order, as the publisher's file read independently says.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { sharedData } from "../shared-data.ts";
import { readTsvCells } from "../server/tsvCells.ts";
import { runCli } from "./run-cli.ts";

const file = sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv");

/** The file's cells in the store's order (series key, then year), as `indic_de,geo,period,value,flags` lines. */
function expectedLines(): string[] {
  return readTsvCells(file)
    .map((c) => ({ key: c.codes.join("."), line: [...c.codes, c.period, c.value === null ? "" : String(c.value), c.flags].join(",") , period: c.period }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.period.localeCompare(b.period)))
    .map((c) => c.line);
}

describe("migmon query page by page", () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-query-stream-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_CACHE: path.join(dir, "cache") };
    const run = await runCli(["ingest", "demo_r_gind3", "--file", file], env, () => new Date("2025-01-10T12:00:00Z"));
    assert.equal(run.code, 0, run.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("migmon query --format csv --page-rows 37 writes every observation of the file once, in series then period order", async () => {
    const run = await runCli(["query", "demo_r_gind3", "--format", "csv", "--page-rows", "37"], env);
    assert.equal(run.code, 0, run.stderr);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    const expected = expectedLines();
    assert.ok(expected.length > 37 * 10, `${expected.length} cells`);
    assert.deepEqual(rows.map((r) => [r.indic_de, r.geo, r.period, r.value, r.flags].join(",")), expected);
  });

  it("migmon query --format json --page-rows 7 is one JSON array with the rows of the CSV read in one page", async () => {
    const json = await runCli(["query", "demo_r_gind3", "--where", "geo=BE,BE1", "--format", "json", "--page-rows", "7"], env);
    assert.equal(json.code, 0, json.stderr);
    const objects = JSON.parse(json.stdout) as { indic_de: string; geo: string; period: string; value: number | null; flags: string; release: number }[];
    const csv = await runCli(["query", "demo_r_gind3", "--where", "geo=BE,BE1", "--format", "csv", "--page-rows", "100000"], env);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    assert.equal(objects.length, 40);
    assert.deepEqual(objects.map((o) => [o.geo, o.period, o.value === null ? "" : String(o.value), o.flags]), rows.map((r) => [r.geo, r.period, r.value, r.flags]));
    assert.ok(objects.every((o) => o.release === 1));
  });

  it("migmon query --as-of before the first release writes the CSV header and an empty JSON array", async () => {
    const csv = await runCli(["query", "demo_r_gind3", "--as-of", "2024-01-01", "--format", "csv"], env);
    assert.equal(csv.code, 0, csv.stderr);
    assert.equal(csv.stdout, "indic_de,geo,period,value,flags\n");
    const json = await runCli(["query", "demo_r_gind3", "--as-of", "2024-01-01", "--format", "json"], env);
    assert.deepEqual(JSON.parse(json.stdout), []);
  });

  it("migmon query --page-rows 0 is a usage error naming the option", async () => {
    const run = await runCli(["query", "demo_r_gind3", "--page-rows", "0"], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--page-rows must be a whole number/);
  });
});
