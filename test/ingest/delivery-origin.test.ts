// Origin ("herkomst") is a dimension of its own (DESIGN.md §4): a delivery described by
// data/deliveries/examples/population-by-origin.yaml loads as agency:population_by_origin, and the indicator
// population_by_origin reads it by origin, never as a citizenship. The fixture is synthetic (its README says so).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { runCli } from "../cli/run-cli.ts";

const fixture = fileURLToPath(new URL("../fixtures/deliveries/population-by-origin-2024.csv", import.meta.url));
const description = fileURLToPath(new URL("../../data/deliveries/examples/population-by-origin.yaml", import.meta.url));
const rows = readFileSync(fixture, "utf8").trim().split("\n").slice(1).map((line) => line.split(";"));

describe("population by origin from a delivery", () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-origin-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb") };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("migmon indicator population_by_origin without the delivery says which delivery it needs", async () => {
    const run = await runCli(["indicator", "population_by_origin", "--geo", "11002", "--format", "json"], env);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /agency:population_by_origin/);
  });

  it("migmon indicator population_by_origin reads each origin of the loaded delivery, with its flags, and not the total", async () => {
    const load = await runCli(["ingest", "agency:population_by_origin", "--file", fixture, "--describe", description], env);
    assert.equal(load.code, 0, load.stderr);
    const run = await runCli(["indicator", "population_by_origin", "--geo", "11001,11002", "--format", "json"], env);
    assert.equal(run.code, 0, run.stderr);
    const values = JSON.parse(run.stdout) as { geo: string; origin?: string; value: number; flags: string }[];
    const got = values.map((v) => `${v.geo} ${v.origin} ${v.value} ${v.flags}`).sort();
    const expected = rows.filter((r) => r[1] !== "TOTAL").map((r) => `${r[0]} ${r[1]} ${Number(r[4])} ${r[5] ?? ""}`).sort();
    assert.deepEqual(got, expected);
  });

  it("a delivery whose TOTAL is not the sum of its origins is refused, naming the row, and loads nothing", async () => {
    const other = { MIGMON_DB: path.join(dir, "other.duckdb") };
    const wrong = path.join(dir, "wrong.csv");
    const text = readFileSync(fixture, "utf8").replace("11002;TOTAL;T;2024-01-01;1750;", "11002;TOTAL;T;2024-01-01;1751;");
    writeFileSync(wrong, text);
    const run = await runCli(["ingest", "agency:population_by_origin", "--file", wrong, "--describe", description], other);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /1751/);
    const datasets = await runCli(["datasets", "--format", "csv"], other);
    assert.doesNotMatch(datasets.stdout, /population_by_origin/);
  });
});
