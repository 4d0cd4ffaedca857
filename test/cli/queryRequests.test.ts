// `migmon query` answers or refuses what a user types, never an empty table without a word: a World Bank id with
// its dots is found under the store's code (noted), an unknown code is refused naming the codes there are, and a
// period range outside the data names the years the file has. Expected figures are read from the file here.
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
const wdiFile = sharedData("international/iom_gdidata/worldbank_wdi_selected_indicators_1950-2023.csv.gz");
const wdi = () => parse(gunzipSync(readFileSync(wdiFile)).toString("utf8"), { columns: true }) as Rows;

describe("migmon query: codes and periods answered or refused", () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-query-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_OFFLINE_DIR: sharedDataDir };
    const run = await runCli(["ingest", "worldbank:wdi", "--offline", sharedDataDir], env);
    assert.equal(run.code, 0, run.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("migmon query worldbank:wdi --where indicator=SM.POP.NETM finds the series stored as SM_POP_NETM and notes it", async () => {
    const expected = wdi().find((r) => r.geo === "BEL" && r.var === "nmig" && r.t === "2020");
    const run = await runCli(["query", "worldbank:wdi", "--where", "indicator=SM.POP.NETM", "--where", "geo=BE", "--from", "2020", "--to", "2020", "--format", "csv"], env);
    assert.equal(run.code, 0, run.stderr);
    const rows = parse(run.stdout, { columns: true }) as Rows;
    assert.deepEqual(rows.map((r) => [r.geo, r.indicator, r.period, Number(r.value)]), [["BE", "SM_POP_NETM", "2020", Number(expected?.v)]]);
    assert.match(run.stderr, /note: SM\.POP\.NETM is stored as SM_POP_NETM/);
  });

  it("migmon query worldbank:wdi --where geo=XX exits 2 naming the codes of the dimension", async () => {
    const run = await runCli(["query", "worldbank:wdi", "--where", "geo=XX"], env);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /^migmon: worldbank:wdi has no geo "XX" \(it has [A-Z]{2}, /);
  });

  it("migmon query worldbank:wdi --from 1900 --to 1910 exits 1 naming the years the file has", async () => {
    const years = wdi().filter((r) => r.geo === "BEL").map((r) => Number(r.t));
    const run = await runCli(["query", "worldbank:wdi", "--where", "geo=BE", "--from", "1900", "--to", "1910"], env);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, `migmon: no observations of worldbank:wdi for geo=BE from 1900 to 1910; it has ${Math.min(...years)}-${Math.max(...years)}\n`);
  });
});
