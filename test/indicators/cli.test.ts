import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { runCli } from "../cli/run-cli.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

type CsvRow = Record<string, string>;
const csv = (text: string) => parse(text, { columns: true }) as CsvRow[];

describe("migmon indicators, indicator and compare", () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-ind-cli-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_OFFLINE_DIR: sharedDataDir };
    for (const [id, file] of [["statbel:pop_by_municipality_nationality_sex", "statbel/pop_by_municipality_nationality_sex_2009-2015.csv"],
      ["eurostat:lfsa_urgan", "eurostat/sdmx-csv/unemployment_rates_yearly.csv.gz"], ["eurostat:demo_gind", "eurostat/sdmx-csv/country_population.csv"]]) {
      const run = await runCli(["ingest", id!, "--file", sharedData(file!)], env);
      assert.equal(run.code, 0, run.stderr);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("migmon indicators --theme integration lists only that theme, titles in the asked language", async () => {
    const run = await runCli(["indicators", "--theme", "integration", "--lang", "nl", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    const rows = csv(run.stdout);
    assert.ok(rows.length >= 6);
    assert.ok(rows.every((r) => r.theme === "integration"));
    assert.equal(rows.find((r) => r.id === "unemployment_gap")?.title, "Werkloosheidskloof buitenlanders - onderdanen");
  });

  it("migmon indicator unemployment_gap --geo BE gives foreigners minus nationals in points (2023: 9.8 - 5.0 = 4.8)", async () => {
    // PROVENANCE.md: LFS unemployment rate BE 2023, 15-64, foreigners 9.8 % vs nationals 5.0 %.
    const run = await runCli(["indicator", "unemployment_gap", "--geo", "BE", "--from", "2023", "--to", "2023", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    const rows = csv(run.stdout);
    assert.equal(rows.length, 1);
    assert.ok(Math.abs(Number(rows[0]?.value) - 4.8) < 1e-9);
  });

  it("migmon compare share_non_belgian --set flanders-belgium-europe gives the regions and Belgium and leaves out the countries it has no data for", async () => {
    // 1,255,286 / 11,209,044 x 100 = 11.19887 for Belgium on 1 January 2015 (Statbel).
    const run = await runCli(["compare", "share_non_belgian", "--set", "flanders-belgium-europe", "--from", "2015", "--to", "2015", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    const rows = csv(run.stdout);
    assert.deepEqual(rows.map((r) => r.geo), ["BE2", "BE1", "BE3", "BE"]);
    assert.ok(Math.abs(Number(rows[3]?.value) - 11.19886762867556) < 1e-9);
  });

  it("migmon compare population --set municipality:11002:3 gives Antwerpen, its arrondissement, province, region, Belgium and 3 similar municipalities", async () => {
    const run = await runCli(["compare", "population", "--set", "municipality:11002:3", "--from", "2015", "--to", "2015", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    const geos = csv(run.stdout).map((r) => r.geo);
    assert.deepEqual(geos.slice(0, 5), ["11002", "11000", "10000", "02000", "BE"]);
    assert.equal(geos.length, 8);
  });

  it("migmon indicator asylum_applicants --geo NL names the dataset to ingest when it is not in the store", async () => {
    const run = await runCli(["indicator", "asylum_applicants", "--geo", "NL"], env);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /dataset eurostat:migr_asyappctza is not in the store \(`migmon ingest eurostat:migr_asyappctza`/);
  });

  it("migmon indicator population_by_nationality_group --top 1 keeps the largest group of each area and year", async () => {
    // Brussels 1 January 2015: 776,447 Belgians and 398,726 non-Belgians (awk over the CSV) (pop_by_municipality file, summed over sex).
    const run = await runCli(["indicator", "population_by_nationality_group", "--geo", "04000", "--from", "2015", "--to", "2015", "--top", "1", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(csv(run.stdout).map((r) => [r.geo, r.nationality, r.value]), [["04000", "BEL", "776447"]]);
  });

  it("migmon indicator with a level the indicator does not have exits 2 naming the levels", async () => {
    const run = await runCli(["indicator", "unemployment_gap", "--level", "municipality"], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /does not exist at level municipality; levels: country, eu/);
  });
});
