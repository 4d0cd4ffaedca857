// What a user types into `migmon indicator` and `migmon compare` is answered or refused, never silently emptied:
// unknown areas, names, a dataset the indicator does not read, years outside the data, countries a comparison
// cannot give, and tables with names and the indicator's precision. Expected figures are read from the shared
// publisher files here with plain code.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { runCli } from "./run-cli.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

type Rows = Record<string, string>[];
const csv = (text: string) => parse(text, { columns: true, bom: true }) as Rows;
const municipalFile = sharedData("statbel/pop_by_municipality_nationality_sex_2009-2015.csv");
const unemploymentFile = sharedData("eurostat/sdmx-csv/unemployment_rates_yearly.csv.gz");

/** Population of a municipality on 1 January of a year, summed over nationality and sex, from the Statbel file. */
function population(refnis: string, year: number): number {
  return csv(readFileSync(municipalFile, "utf8")).filter((r) => r.CD_MUNTY_REFNIS === refnis && Number(r.CD_YEAR) === year)
    .reduce((s, r) => s + Number(r.MS_POPULATION), 0);
}

describe("migmon indicator and compare: requests answered or refused", () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-requests-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_OFFLINE_DIR: sharedDataDir };
    for (const [id, file] of [["statbel:pop_by_municipality_nationality_sex", municipalFile], ["eurostat:lfsa_urgan", unemploymentFile]]) {
      const run = await runCli(["ingest", id!, "--file", file!], env);
      assert.equal(run.code, 0, run.stderr);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("migmon indicator population --geo XX,99999,Gent,01000 exits 2 naming the unknown areas in one line, stdout empty", async () => {
    const run = await runCli(["indicator", "population", "--geo", "XX,99999,Gent,01000", "--format", "csv"], env);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, "");
    assert.equal(run.stderr.trim().split("\n").length, 1);
    assert.match(run.stderr, /^migmon: unknown areas "XX", "99999": give a REFNIS code \(11002\), a Belgian NUTS code \(BE2\), a country code \(NL\)/);
  });

  it("migmon indicator population --geo Gent,Mouscron resolves the names (Mouscron across its 2019 recode) and notes it on stderr", async () => {
    const run = await runCli(["indicator", "population", "--geo", "Gent,Mouscron", "--from", "2015", "--to", "2015", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(csv(run.stdout).map((r) => [r.geo, Number(r.value)]), [["44021", population("44021", 2015)], ["57096", population("54007", 2015)]]);
    assert.match(run.stderr, /note: Gent is 44021 Gent \(municipality\)/);
    assert.match(run.stderr, /note: Mouscron is 57096 Mouscron \(municipality\) \(formerly 54007, the same territory\)/);
  });

  it("migmon indicator population --geo 58001 (La Louvière's code since 2019) gives the 2009-2015 series filed under 55022", async () => {
    const run = await runCli(["indicator", "population", "--geo", "58001", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    const rows = csv(run.stdout);
    assert.deepEqual(rows.map((r) => r.period), [2009, 2010, 2011, 2012, 2013, 2014, 2015].map((y) => `${y}-01-01`));
    assert.equal(Number(rows[0]?.value), population("55022", 2009));
  });

  it("migmon indicator population --dataset eurostat:migr_imm1ctz exits 2: the indicator does not read that dataset", async () => {
    const run = await runCli(["indicator", "population", "--geo", "BE", "--dataset", "eurostat:migr_imm1ctz"], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^migmon: indicator population does not read dataset eurostat:migr_imm1ctz; it reads .*statbel:pop_by_municipality_nationality_sex/);
  });

  it("migmon indicator population --geo 44021 --from 1990 --to 2000 exits 1 naming the years the file has", async () => {
    const years = [...new Set(csv(readFileSync(municipalFile, "utf8")).map((r) => Number(r.CD_YEAR)))].sort();
    const run = await runCli(["indicator", "population", "--geo", "44021", "--from", "1990", "--to", "2000"], env);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, new RegExp(`no figures for population for 44021 in 1990-2000 .*; figures exist for ${years[0]}-${years.at(-1)}\\n$`));
  });

  it("migmon indicator population --from 2014 --to 2020 answers 2014-2015 and notes that figures stop in 2015", async () => {
    const run = await runCli(["indicator", "population", "--geo", "44021", "--from", "2014", "--to", "2020", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(csv(run.stdout).length, 2);
    assert.match(run.stderr, /note: figures of population exist for 2009-2015 only; asked in 2014-2020/);
  });

  it("migmon compare share_non_belgian --set flanders-belgium-europe names the countries it has no figures for on stderr", async () => {
    const run = await runCli(["compare", "share_non_belgian", "--set", "flanders-belgium-europe", "--from", "2015", "--to", "2015", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(csv(run.stdout).map((r) => r.geo), ["BE2", "BE1", "BE3", "BE"]);
    assert.match(run.stderr, /note: no figures for NL, FR, DE, LU, EU27_2020 in 2015: share_non_belgian reads /);
  });

  it("migmon indicator unemployment_gap --format table shows the area's name and one decimal; csv keeps every digit", async () => {
    const text = gunzipSync(readFileSync(unemploymentFile)).toString("utf8");
    const rate = (citizen: string) => Number(csv(text).find((r) => r.geo === "BE" && r.TIME_PERIOD === "2023" && r.citizen === citizen && r.sex === "T" && r.age === "Y15-64")?.OBS_VALUE);
    const gap = rate("FOR") - rate("NAT");
    const table = await runCli(["indicator", "unemployment_gap", "--geo", "BE", "--from", "2023", "--to", "2023", "--format", "table"], env);
    assert.equal(table.code, 0, table.stderr);
    const line = table.stdout.split("\n")[2] ?? "";
    assert.match(line, /^BE\s+Belgium\s+2023\s+/);
    assert.ok(line.includes(` ${gap.toFixed(1)} `) || line.endsWith(` ${gap.toFixed(1)}`), line);
    assert.ok(!line.includes(String(gap)) || String(gap) === gap.toFixed(1), "the table does not print float noise");
    const full = await runCli(["indicator", "unemployment_gap", "--geo", "BE", "--from", "2023", "--to", "2023", "--format", "csv"], env);
    assert.equal(csv(full.stdout)[0]?.value, String(gap));
  });
});
