// `migmon assess` end to end: real Eurostat files ingested into a temporary store, the register in data/events,
// and the printed JSON checked against interruptedTimeSeries on the same values read independently from the files.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { interruptedTimeSeries } from "../../src/analysis/interruptedTimeSeries.ts";
import { readBelgianAsylumApplicants, readNetMigration } from "../assess/realSeries.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";
import { runCli } from "./run-cli.ts";

describe("migmon assess", () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-assess-cli-"));
    env = { MIGMON_DB: path.join(dir, "store.duckdb"), MIGMON_OFFLINE_DIR: sharedDataDir };
    for (const [id, file] of [["eurostat:migr_asyappctza", "eurostat/sdmx-csv/asylum_applicants_total.csv"], ["eurostat:demo_r_gind3", "eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"]]) {
      const run = await runCli(["ingest", id!, "--file", sharedData(file!)], env);
      assert.equal(run.code, 0, run.stderr);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("migmon assess asylum_applicants --geo BE --event eu-2016-eu-turkey-statement --json gives interruptedTimeSeries' numbers on the stored series", async () => {
    const run = await runCli(["assess", "asylum_applicants", "--geo", "BE", "--event", "eu-2016-eu-turkey-statement", "--json"], env);
    assert.equal(run.code, 0, run.stderr);
    const a = JSON.parse(run.stdout);
    const values = readBelgianAsylumApplicants().values as number[];
    const its = interruptedTimeSeries(Float64Array.from(values), { interventionIndex: 8, lag: 2 });
    assert.equal(a.interventionPeriod, "2016");
    assert.equal(a.matchedOn, "indicator-and-area");
    assert.deepEqual(a.its.levelChange, its.levelChange);
    assert.deepEqual(a.its.slopeChange, its.slopeChange);
    assert.equal(a.artefact.possible, false);
    assert.deepEqual(a.concurrent.map((c: { id: string }) => c.id), ["eu-2015-relocation-decisions", "federal-2015-asylum-influx"]);
    assert.equal(a.placebo.count, 11);
    assert.equal(a.lang, "en");
    assert.match(a.reading, /^Assessment of the event EU-Turkey statement/);
  });

  it("migmon assess --dataset eurostat:demo_r_gind3 --series CNMIGRAT.BE --lang fr names the possible artefact first", async () => {
    const run = await runCli(["assess", "--dataset", "eurostat:demo_r_gind3", "--series", "CNMIGRAT.BE", "--event", "federal-2011-family-reunification-reform", "--lang", "fr", "--json"], env);
    assert.equal(run.code, 0, run.stderr);
    const a = JSON.parse(run.stdout);
    assert.equal(a.matchedOn, "area");
    assert.equal(a.geo, "BE");
    assert.equal(a.artefact.possible, true);
    assert.deepEqual(a.artefact.signs.map((s: { kind: string }) => s.kind), ["break-flag", "break-flag", "statistical-event"]);
    assert.match(a.reading.split("\n\n")[1], /^Artefact possible, à lire d'abord/);
    // 2019 is ":" in the file: a missing value, left out, never 0.
    assert.equal(a.last, "2019");
    assert.equal(a.missing, 1);
  });

  it("migmon assess net_migration_adjusted --input FILE.csv --geo BE reads period,value,flags and keeps the b flags", async () => {
    const data = readNetMigration("BE");
    const file = path.join(dir, "net.csv");
    writeFileSync(file, ["period,value,flags", ...data.periods.map((p, i) => `${p},${data.values[i]},${data.flags[i]}`)].join("\n"));
    const run = await runCli(["assess", "net_migration_adjusted", "--input", file, "--geo", "BE", "--event", "federal-2011-family-reunification-reform", "--json"], env);
    assert.equal(run.code, 0, run.stderr);
    const a = JSON.parse(run.stdout);
    assert.deepEqual(a.artefact.signs.map((s: { period?: string; id?: string }) => s.period ?? s.id), ["2012", "2011", "federal-2010-ex-officio-deletions-definition"]);
    const its = interruptedTimeSeries(Float64Array.from(data.values as number[]), { interventionIndex: 12, lag: 2 });
    assert.deepEqual(a.its.levelChange, its.levelChange);
  });

  it("migmon assess prints a table and the reading in the asked language without --json", async () => {
    const run = await runCli(["assess", "asylum_applicants", "--geo", "BE", "--event", "eu-2016-eu-turkey-statement", "--lang", "nl"], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /first period under the event +2016/);
    assert.match(run.stdout, /Onderbroken tijdreeks \(17 waarden/);
  });

  it("migmon assess refuses a missing --event or --geo and a bad --lang with exit 2, an unknown event with exit 1", async () => {
    assert.equal((await runCli(["assess", "asylum_applicants", "--geo", "BE"], env)).code, 2);
    assert.equal((await runCli(["assess", "asylum_applicants", "--event", "eu-2016-eu-turkey-statement"], env)).code, 2);
    assert.equal((await runCli(["assess", "asylum_applicants", "--geo", "BE", "--event", "eu-2016-eu-turkey-statement", "--lang", "de"], env)).code, 2);
    const unknown = await runCli(["assess", "asylum_applicants", "--geo", "BE", "--event", "eu-2099-no-such-event"], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no event "eu-2099-no-such-event" in the register/);
  });

  it("migmon assess --dataset ID --series KEY names --series for a key of the wrong length (exit 2) and the series when it has no observations (exit 1)", async () => {
    const short = await runCli(["assess", "--dataset", "eurostat:demo_r_gind3", "--series", "BE", "--event", "eu-2004-enlargement"], env);
    assert.equal(short.code, 2);
    assert.match(short.stderr, /--series BE has 1 codes; eurostat:demo_r_gind3 keys have 2 \(indic_de\.geo\)/);
    const empty = await runCli(["assess", "--dataset", "eurostat:demo_r_gind3", "--series", "CNMIGRAT.XX", "--event", "eu-2004-enlargement"], env);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /no observations for eurostat:demo_r_gind3 CNMIGRAT\.XX/);
  });

  it("migmon assess --help documents the JSON fields", async () => {
    const run = await runCli(["assess", "--help"], env);
    assert.equal(run.code, 0);
    for (const field of ["interventionPeriod", "artefact {possible, signs[]}", "breakTest", "placebo {count, atLeastAsLarge, p", "concurrent[]"]) assert.ok(run.stdout.includes(field), field);
  });
});
