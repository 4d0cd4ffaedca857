// The shrink guard end to end through the CLI (issue 17): an empty or header-only input over a store that holds
// the dataset is refused with the counts and leaves the DuckDB file byte for byte as it was; --allow-shrink loads it.
// The expected counts are read from the real files with a few lines of plain code, apart from the parsers.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { sharedData } from "../shared-data.ts";
import { runCli } from "./run-cli.ts";

const tsdde410 = sharedData("eurostat/bulk-tsv/tsdde410.tsv");
const tsvText = readFileSync(tsdde410, "utf8");
/** Cells of the bulk TSV: every tab-separated field after the key column of every data line (":" cells included). */
const tsvCells = tsvText.split("\n").slice(1).filter((l) => l.trim() !== "").reduce((n, l) => n + l.split("\t").length - 1, 0);
const nama = sharedData("eurostat/sdmx-ml/NAMA_10_GDP-ss.xml");
const namaObs = (readFileSync(nama, "utf8").match(/<Obs[\s>]/g) ?? []).length;
const emptyJsonStat = sharedData("eurostat/jsonstat/nama_10_gdp_DE_since_2030_empty.json");
const delivery = fileURLToPath(new URL("../fixtures/deliveries/civic-integration-starts-2024.csv", import.meta.url));
const deliveryRows = readFileSync(delivery, "utf8").trim().split("\n").length - 1;
const description = fileURLToPath(new URL("../../data/deliveries/examples/civic-integration-starts.yaml", import.meta.url));

const day = (d: string) => () => new Date(`${d}T12:00:00Z`);
const thousands = (n: number) => n.toLocaleString("en-GB");

describe("the shrink guard through migmon ingest and update", () => {
  let dir: string;
  let env: Record<string, string>;
  let db: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-shrink-"));
    db = path.join(dir, "store.duckdb");
    env = { MIGMON_DB: db, MIGMON_CACHE: path.join(dir, "cache") };
    writeFileSync(path.join(dir, "tsdde410-header.tsv"), `${tsvText.split("\n")[0] ?? ""}\n`);
    writeFileSync(path.join(dir, "starts-header.csv"), `${readFileSync(delivery, "utf8").split("\n")[0] ?? ""}\n`);
    // An offline folder laid out like ../shared/data whose tsdde410 is header-only.
    mkdirSync(path.join(dir, "offline", "eurostat", "bulk-tsv"), { recursive: true });
    copyFileSync(path.join(dir, "tsdde410-header.tsv"), path.join(dir, "offline", "eurostat", "bulk-tsv", "tsdde410.tsv"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`migmon ingest tsdde410 of the header-only file over the full one is refused: ${tsvCells} of ${tsvCells}, the store file unchanged`, async () => {
    const first = await runCli(["ingest", "tsdde410", "--file", tsdde410, "--json"], env, day("2026-01-10"));
    assert.equal(first.code, 0, first.stderr);
    assert.equal((JSON.parse(first.stdout) as { release: { observations: number } }).release.observations, tsvCells);
    const before = readFileSync(db);
    const run = await runCli(["ingest", "tsdde410", "--file", path.join(dir, "tsdde410-header.tsv")], env, day("2026-01-11"));
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr,
      `migmon: refused: this release of eurostat:tsdde410 would remove ${thousands(tsvCells)} of ${thousands(tsvCells)} latest ` +
      "observations (100 %, limit 50 %); a truncated or empty file? pass --allow-shrink (API: allowShrink) to load it anyway\n");
    assert.ok(readFileSync(db).equals(before), "the DuckDB file changed");
  });

  it("migmon update --offline with a header-only tsdde410 fails that dataset with the counts; --allow-shrink loads it", async () => {
    const offline = path.join(dir, "offline");
    const before = readFileSync(db);
    const refused = await runCli(["update", "--offline", offline, "--only", "tsdde410", "--format", "csv"], env, day("2026-01-12"));
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`eurostat:tsdde410: FAILED: refused: .* would remove ${thousands(tsvCells)} of ${thousands(tsvCells)} latest`));
    assert.ok(readFileSync(db).equals(before), "the DuckDB file changed");
    const allowed = await runCli(["update", "--offline", offline, "--only", "tsdde410", "--format", "csv", "--allow-shrink"], env, day("2026-01-12"));
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stderr, new RegExp(`release 2 loaded from tsv: 0 observations \\(0 added, 0 changed, ${tsvCells} removed\\)`));
  });

  it(`migmon ingest nama_10_gdp of an empty JSON-stat answer over the SDMX-ML release is refused (${namaObs} of ${namaObs}); --allow-shrink loads it`, async () => {
    const first = await runCli(["ingest", "nama_10_gdp", "--file", nama, "--format", "sdmx-ml"], env, day("2026-02-01"));
    assert.equal(first.code, 0, first.stderr);
    const before = readFileSync(db);
    const args = ["ingest", "nama_10_gdp", "--file", emptyJsonStat, "--format", "jsonstat"];
    const run = await runCli(args, env, day("2026-02-02"));
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`^migmon: refused: this release of eurostat:nama_10_gdp would remove ${namaObs} of ${namaObs} latest observations \\(100 %, limit 50 %\\)`));
    assert.ok(readFileSync(db).equals(before), "the DuckDB file changed");
    const allowed = await runCli([...args, "--allow-shrink", "--json"], env, day("2026-02-02"));
    assert.equal(allowed.code, 0, allowed.stderr);
    const release = (JSON.parse(allowed.stdout) as { release: { observations: number; removed: number } }).release;
    assert.deepEqual([release.observations, release.removed], [0, namaObs]);
  });

  it("migmon ingest agency:<code> of a delivery with no rows is refused over the full delivery, the store file unchanged; --allow-shrink loads it", async () => {
    const ingest = (file: string, ...extra: string[]) =>
      runCli(["ingest", "agency:civic_integration_starts", "--file", file, "--describe", description, ...extra], env, day("2026-03-01"));
    const first = await ingest(delivery);
    assert.equal(first.code, 0, first.stderr);
    const before = readFileSync(db);
    const run = await ingest(path.join(dir, "starts-header.csv"));
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`^migmon: refused: this release of agency:civic_integration_starts would remove ${deliveryRows} of ${deliveryRows} latest observations`));
    assert.ok(readFileSync(db).equals(before), "the DuckDB file changed");
    const allowed = await ingest(path.join(dir, "starts-header.csv"), "--allow-shrink");
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, new RegExp(`0 observations \\(0 added, 0 changed, ${deliveryRows} removed\\)`));
  });

  it("migmon ingest agency:<code> of a delivery with no rows into a store without the dataset is refused: it holds no observations", async () => {
    const fresh = { ...env, MIGMON_DB: path.join(dir, "fresh.duckdb") };
    const run = await runCli(["ingest", "agency:civic_integration_starts", "--file", path.join(dir, "starts-header.csv"), "--describe", description], fresh);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr,
      "migmon: refused: this release of agency:civic_integration_starts holds no observations; an empty or header-only file? " +
      "pass --allow-shrink (API: allowShrink) to load it anyway\n");
    const datasets = await runCli(["datasets", "--format", "csv"], fresh);
    assert.equal(datasets.stdout.trim().split("\n").length, 1, datasets.stdout);
  });
});
