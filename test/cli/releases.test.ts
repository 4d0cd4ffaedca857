// The release model end to end through the CLI, on the real demo_r_gind3 bulk TSV and revised copies of it.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { sharedData } from "../shared-data.ts";
import { runCli } from "./run-cli.ts";

const original = readFileSync(sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"), "utf8");
const lines = original.split("\n");
const header = (lines[0] ?? "").split("\t").map((s) => s.trim());
const rowOf = (key: string) => lines.findIndex((l) => l.startsWith(`${key}\t`));
const cell = (key: string, year: string) => (lines[rowOf(key)] ?? "").split("\t")[header.indexOf(year)] ?? "";

// The revision: one value changed (BE 2018), one flag dropped (BE 2012 "43110 b" -> "43110"), the AL row removed.
const revisedLines = [...lines];
revisedLines[rowOf("CNMIGRAT,BE")] = (lines[rowOf("CNMIGRAT,BE")] ?? "").split("\t").map((c, i) =>
  i === header.indexOf("2018") ? "49310 " : i === header.indexOf("2012") ? "43110 " : c).join("\t");
revisedLines.splice(rowOf("CNMIGRAT,AL"), 1);
const alCells = (lines[rowOf("CNMIGRAT,AL")] ?? "").split("\t").length - 1;

type CsvRow = Record<string, string>;
const csv = (text: string) => parse(text, { columns: true }) as CsvRow[];

describe("releases, as-of and diff through the CLI", () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-releases-"));
    writeFileSync(path.join(dir, "first.tsv"), original);
    writeFileSync(path.join(dir, "revised.tsv"), revisedLines.join("\n"));
    writeFileSync(path.join(dir, "truncated.tsv"), original.slice(0, Math.floor(original.length * 0.6)));
    writeFileSync(path.join(dir, "unknown-geo.tsv"), original.replace("CNMIGRAT,AT\t", "CNMIGRAT,QQ\t").replace("CNMIGRAT,CH\t", "CNMIGRAT,ZZ9\t"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_CACHE: path.join(dir, "cache") };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const day = (d: string) => () => new Date(`${d}T12:00:00Z`);

  it("migmon ingest --file loads the first release with every cell of the file", async () => {
    const run = await runCli(["ingest", "demo_r_gind3", "--file", path.join(dir, "first.tsv"), "--json"], env, day("2025-01-10"));
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { status: string; release: { id: number; observations: number; added: number } };
    const cells = lines.slice(1).filter((l) => l.trim()).reduce((n, l) => n + l.split("\t").length - 1, 0);
    assert.equal(out.status, "loaded");
    assert.equal(out.release.observations, cells);
    assert.equal(out.release.added, cells);
  });

  it("migmon ingest of the identical file creates no release and says so", async () => {
    const run = await runCli(["ingest", "demo_r_gind3", "--file", path.join(dir, "first.tsv")], env, day("2025-01-11"));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /unchanged, the same file as release 1/);
  });

  it("migmon ingest of a truncated file fails with file and line, and the store keeps release 1 only", async () => {
    const run = await runCli(["ingest", "demo_r_gind3", "--file", path.join(dir, "truncated.tsv")], env, day("2025-01-12"));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^migmon: .*truncated\.tsv line \d+/);
    assert.equal(run.stderr.trim().split("\n").length, 1);
    const releases = csv((await runCli(["releases", "demo_r_gind3", "--format", "csv"], env)).stdout);
    assert.deepEqual(releases.map((r) => r.release), ["1"]);
  });

  it("migmon ingest of a file with unknown geo codes lists all of them and loads nothing", async () => {
    const run = await runCli(["ingest", "demo_r_gind3", "--file", path.join(dir, "unknown-geo.tsv")], env, day("2025-01-12"));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /unknown geo codes "QQ", "ZZ9" in unknown-geo\.tsv/);
    const releases = csv((await runCli(["releases", "demo_r_gind3", "--format", "csv"], env)).stdout);
    assert.equal(releases.length, 1);
  });

  it("migmon ingest of a revised file makes release 2 with one value change, one flag change and the removed row", async () => {
    const run = await runCli(["ingest", "demo_r_gind3", "--file", path.join(dir, "revised.tsv"), "--json"], env, day("2025-02-20"));
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { release: { id: number; added: number; changed: number; removed: number } };
    assert.deepEqual([out.release.id, out.release.added, out.release.changed, out.release.removed], [2, 0, 2, alCells]);
  });

  it("migmon query answers latest, as of a date before the revision, and as of the revision day", async () => {
    const where = ["--where", "geo=BE", "--from", "2012", "--to", "2018", "--format", "csv"];
    const latest = csv((await runCli(["query", "demo_r_gind3", ...where], env)).stdout);
    const byPeriod = (rows: CsvRow[]) => Object.fromEntries(rows.map((r) => [r.period, `${r.value}|${r.flags}`]));
    assert.equal(byPeriod(latest)["2018"], "49310|");
    assert.equal(byPeriod(latest)["2012"], "43110|");
    assert.equal(cell("CNMIGRAT,BE", "2012").trim(), "43110 b");
    const before = csv((await runCli(["query", "demo_r_gind3", ...where, "--as-of", "2025-02-19"], env)).stdout);
    assert.equal(byPeriod(before)["2018"], "49304|");
    assert.equal(byPeriod(before)["2012"], "43110|b");
    const onDay = csv((await runCli(["query", "demo_r_gind3", ...where, "--as-of", "2025-02-20"], env)).stdout);
    assert.deepEqual(onDay, latest);
    assert.deepEqual(Object.keys(latest[0] ?? {}), ["indic_de", "geo", "period", "value", "flags"]);
    const al = csv((await runCli(["query", "demo_r_gind3", "--where", "geo=AL", "--format", "csv"], env)).stdout);
    assert.equal(al.length, 0);
    const alBefore = csv((await runCli(["query", "demo_r_gind3", "--where", "geo=AL", "--as-of", "2025-01-31", "--format", "csv"], env)).stdout);
    assert.equal(alBefore.length, alCells);
    assert.equal(alBefore.find((r) => r.period === "2015")?.flags, "e");
  });

  it("migmon diff 1 2 lists the value change, the flag change and every removed observation", async () => {
    const run = await runCli(["diff", "demo_r_gind3", "1", "2", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    const rows = csv(run.stdout);
    const be = rows.filter((r) => r.geo === "BE");
    assert.deepEqual(be.map((r) => [r.period, r.change, r.value_before, r.value_after, r.flags_before, r.flags_after]).sort(), [
      ["2012", "flags", "43110", "43110", "b", ""],
      ["2018", "value", "49304", "49310", "", ""],
    ]);
    const removed = rows.filter((r) => r.change === "removed");
    assert.equal(removed.length, alCells);
    assert.ok(removed.every((r) => r.geo === "AL"));
  });

  it("migmon releases lists both releases with their counts and checksums", async () => {
    const rows = csv((await runCli(["releases", "demo_r_gind3", "--format", "csv"], env)).stdout);
    assert.deepEqual(rows.map((r) => [r.release, (r.retrieved_at ?? "").slice(0, 10), r.format]), [
      ["1", "2025-01-10", "tsv"], ["2", "2025-02-20", "tsv"],
    ]);
    assert.match(rows[0]?.checksum ?? "", /^[0-9a-f]{64}$/);
  });

  it("migmon diff with a release of another dataset or a bad number is refused", async () => {
    const bad = await runCli(["diff", "demo_r_gind3", "1", "x"], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /<releaseB> must be a release number/);
    const missing = await runCli(["diff", "demo_r_gind3", "1", "99"], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /99/);
  });
});
