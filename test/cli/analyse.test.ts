// `migmon analyse` run through its registered commander command with a fake context (collected stdout/stderr),
// on CSVs written from the inputs of the committed golden files (real Belgian series and simulated ones), so the
// printed JSON can be checked against the R and statsmodels numbers and every field name of the contract.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { after, before, describe, it } from "node:test";
import { Command } from "commander";
import { decomposeStl } from "../../src/analysis/stl.ts";
import { detectEwmaAlerts } from "../../src/analysis/ewma.ts";
import { fitEts } from "../../src/analysis/exponentialSmoothing.ts";
import { binarySegmentation } from "../../src/analysis/binarySegmentation.ts";
import { interruptedTimeSeries } from "../../src/analysis/interruptedTimeSeries.ts";
import { registerAnalyseCommand } from "../../src/cli/commands/analyse.ts";
import { InputError, UsageError } from "../../src/core/index.ts";
import type { MigmonError } from "../../src/core/index.ts";
import { expectAllClose, expectClose, expectRelative } from "../golden/expectClose.ts";
import { readGolden } from "../golden/goldenFile.ts";

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly error: unknown;
}

async function analyse(cwd: string, args: readonly string[]): Promise<Run> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  stderr.on("data", (d: Buffer) => (err += d.toString()));
  const program = new Command("migmon").exitOverride();
  registerAnalyseCommand(program, { stdout, stderr, env: {}, cwd });
  for (const command of program.commands) command.configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });
  let error: unknown = null;
  try {
    await program.parseAsync(["node", "migmon", "analyse", ...args]);
  } catch (e) {
    error = e;
  }
  return { stdout: out, stderr: err, error };
}

async function analyseJson(cwd: string, args: readonly string[]): Promise<Record<string, unknown>> {
  const run = await analyse(cwd, [...args, "--json"]);
  assert.equal(run.error, null, `analyse ${args.join(" ")}: ${String(run.error)}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

type Effect = { estimate: number; se: number; p: number };
const seriesGolden = readGolden<{ series: { name: string; periods: string[] | null; values: number[] }[]; cases: { series: string; cost: string; penalty: string; min_segment: number; changepoints: number[] }[] }>("pelt", "pelt.json");
const asylum = seriesGolden.series.find((s) => s.name.startsWith("Belgium: monthly asylum"));
const ccfGolden = readGolden<{ cases: { name: string; x: number[]; y: number[]; period?: string[]; ccf: { lag: number[]; r: number[] } }[] }>("ccf", "ccf.json");
const unemployment = ccfGolden.cases[1];
const grangerGolden = readGolden<{ cases: { name: string; F: number; p: number; df1: number; df2: number }[] }>("granger", "granger.json");
const didGolden = readGolden<{ cases: { name: string; treated: string[]; event: string; input: { unit: string[]; period: (string | number)[]; value: (number | null)[] }; estimate: number; se: number; p: number }[] }>("did", "did.json");
const synthGolden = readGolden<{ cases: { treated: string; event: string; input: { unit: string[]; period: (string | number)[]; value: (number | null)[] }; donors: string[]; weights: number[]; rmspePre: number; rmspePost: number; placeboRank: number }[] }>("synth", "synth.json");
const itsGolden = readGolden<{ cases: { name: string; expected: { names: string[]; estimate: number[]; se: number[]; p: number[] } }[] }>("its", "its.json");
const adfGolden = readGolden<{ cases: { series: string; regression: string; lags: string | number; statistic: number; p: number; used_lag: number }[] }>("adf", "adf.json");

// Tolerance 1e-9 (relative above 1, absolute below; p-values relative at every size) against closed-form
// references, 1e-6 for synthetic control's iterative weights: the command prints the modules' numbers at full precision, so this is the modules' own.
const TOLERANCE = 1e-9;

describe("migmon analyse", () => {
  let dir: string;
  before(() => {
    assert.ok(asylum?.periods && unemployment?.period);
    dir = mkdtempSync(path.join(os.tmpdir(), "migmon-analyse-"));
    const rows = (header: string, lines: string[]) => `${header}\n${lines.join("\n")}\n`;
    writeFileSync(path.join(dir, "asylum.csv"), rows("period,value", asylum.periods.map((p, i) => `${p},${asylum.values[i]}`)));
    writeFileSync(path.join(dir, "unemployment.csv"), rows("period,y,x", unemployment.period.map((p, i) => `${p},${unemployment.y[i]},${unemployment.x[i]}`)));
    const did = didGolden.cases.find((c) => c.name.startsWith("unemployment of foreigners"));
    assert.ok(did);
    writeFileSync(path.join(dir, "did.csv"), rows("unit,period,value", did.input.unit.map((u, i) => `${u},${did.input.period[i]},${did.input.value[i] ?? ""}`)));
    const synth = synthGolden.cases[0];
    assert.ok(synth);
    writeFileSync(path.join(dir, "synth.csv"), rows("unit,period,value", synth.input.unit.map((u, i) => `${u},${synth.input.period[i]},${synth.input.value[i] ?? ""}`)));
    writeFileSync(path.join(dir, "gap.csv"), "period,value\n2019,1\n2020,\n2021,3\n2022,4\n2023,7\n2024,9\n2025,8\n2026,10\n");
    writeFileSync(path.join(dir, "leading.csv"), "period,value\n2010,\n2011,0\n2012,0\n2013,0\n2014,10\n2015,10\n2016,10\n2017,\n");
    writeFileSync(path.join(dir, "bad-number.csv"), "period,value\n2019,1\n2020,1O\n");
    writeFileSync(path.join(dir, "unsorted.csv"), "period,value\n2019,1\n2021,2\n2020,3\n");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("analyse --help lists every method with its CSV layout and explains --indicator/--geo", async () => {
    const run = await analyse(dir, ["--help"]);
    for (const name of ["its", "chow", "supf", "cusum", "breaks", "pelt", "binseg", "adf", "kpss", "stl", "ets", "ewma", "ccf", "granger", "did", "synth"]) {
      assert.match(run.stdout, new RegExp(`\\n  ${name} \\(`), name);
    }
    assert.match(run.stdout, /period,y,x/);
    assert.match(run.stdout, /unit,period,value/);
    assert.match(run.stdout, /--indicator ID\n?\s*--geo CODE reads the series from the store/);
  });

  it("analyse pelt --json prints changepoints as periods, equal to exact optimal partitioning of the asylum series", async () => {
    const golden = seriesGolden.cases.find((c) => c.series === asylum?.name && c.cost === "normal-meanvar" && c.penalty === "mbic" && c.min_segment === 3);
    assert.ok(golden && asylum?.periods);
    const json = await analyseJson(dir, ["pelt", "--input", "asylum.csv", "--cost", "normal-meanvar", "--penalty", "mbic", "--minseg", "3"]);
    assert.deepEqual(json.changepoints, golden.changepoints.map((c) => asylum.periods?.[c]));
    assert.equal(json.method, "pelt");
    assert.match(json.reading as string, /not why/);
  });

  it("analyse binseg --json prints the change points binarySegmentation finds", async () => {
    assert.ok(asylum?.periods);
    const json = await analyseJson(dir, ["binseg", "--input", "asylum.csv", "--penalty", "25"]);
    const direct = binarySegmentation(Float64Array.from(asylum.values), { penalty: 25 });
    assert.deepEqual(json.changepoints, direct.changepoints.map((c) => asylum.periods?.[c]));
  });

  it("analyse its --json prints levelChange and slopeChange {estimate, se, p} as R's lm + NeweyWest", async () => {
    const golden = itsGolden.cases.find((c) => c.name.startsWith("UNHCR Belgium monthly asylum applications 2012-01..2017-06, intervention 2016-04"));
    assert.ok(golden);
    const json = await analyseJson(dir, ["its", "--input", "asylum.csv", "--event", "2016-04", "--seasonal", "--lag", "3"]);
    const e = golden.expected;
    for (const [field, name] of [["levelChange", "post"], ["slopeChange", "timeSinceIntervention"]] as const) {
      const j = e.names.indexOf(name);
      const got = json[field] as Effect;
      expectClose(got.estimate, e.estimate[j] as number, TOLERANCE, `${field} estimate`);
      expectClose(got.se, e.se[j] as number, TOLERANCE, `${field} se`);
      expectRelative(got.p, e.p[j] as number, TOLERANCE, `${field} p`);
    }
  });

  it("analyse chow --at, supf and breaks --json print {F, p}, {supF, p, at} and breaks, bic, ci as strucchange", async () => {
    const chow = await analyseJson(dir, ["chow", "--input", "asylum.csv", "--at", "2015-08"]);
    // strucchange sctest(type = "Chow", point = 44): 2015-08 is the 44th month from 2012-01 (test/golden/chow).
    expectClose(chow.F as number, 3.3155343145388, TOLERANCE, "F");
    expectRelative(chow.p as number, 0.0733031776261877, TOLERANCE, "p");
    const supf = await analyseJson(dir, ["supf", "--input", "asylum.csv"]);
    expectClose(supf.supF as number, 10.0657530377302, TOLERANCE, "supF");
    expectRelative(supf.p as number, 0.0270432897100231, TOLERANCE, "p");
    assert.equal(supf.at, "2015-05"); // breakpoint 41 in test/golden/supf
    const breaks = await analyseJson(dir, ["breaks", "--input", "asylum.csv"]);
    // breakpoints 40 and 49, BIC per number of breaks and confint 36-41 (test/golden/breakpoints).
    assert.deepEqual(breaks.breaks, ["2015-04", "2016-01"]);
    expectAllClose(breaks.bic as number[], [1129.45707459486, 1128.195752867, 1067.06062021098, 1071.34660666564, 1078.34611884571, 1086.46615103868, 1111.3925506131], TOLERANCE, "bic");
    assert.deepEqual(breaks.ci, [{ lower: "2014-12", estimate: "2015-04", upper: "2015-05" }, null]);
  });

  it("analyse ccf --max-lag 6 --json prints lags as [{lag, r}] equal to R's ccf", async () => {
    assert.ok(unemployment);
    const json = await analyseJson(dir, ["ccf", "--input", "unemployment.csv", "--max-lag", "6"]);
    const lags = json.lags as { lag: number; r: number }[];
    assert.deepEqual(lags.map((l) => l.lag), unemployment.ccf.lag);
    expectAllClose(lags.map((l) => l.r), unemployment.ccf.r, TOLERANCE, "r");
    const white = await analyseJson(dir, ["ccf", "--input", "unemployment.csv", "--prewhiten"]);
    assert.equal((white.prewhitening as { order: number }).order, 2);
  });

  it("analyse granger --order 2 --json prints {F, p, df1, df2} equal to lmtest::grangertest", async () => {
    const golden = grangerGolden.cases.find((c) => c.name === "BE unemployment: foreigners ~ nationals, levels, order 2");
    assert.ok(golden);
    const json = await analyseJson(dir, ["granger", "--input", "unemployment.csv", "--order", "2"]);
    expectClose(json.F as number, golden.F, TOLERANCE, "F");
    expectRelative(json.p as number, golden.p, TOLERANCE, "p");
    assert.equal(json.df1, golden.df1);
    assert.equal(json.df2, golden.df2);
  });

  it("analyse did and synth --treated --event --json print {estimate, se, p} and weights, rmspePre, rmspePost, placeboRank", async () => {
    const golden = didGolden.cases.find((c) => c.name.startsWith("unemployment of foreigners"));
    assert.ok(golden);
    const did = await analyseJson(dir, ["did", "--input", "did.csv", "--treated", "BE", "--event", golden.event]);
    for (const field of ["estimate", "se"] as const) expectClose(did[field] as number, golden[field], TOLERANCE, field);
    expectRelative(did.p as number, golden.p, TOLERANCE, "p");
    const s = synthGolden.cases[0];
    assert.ok(s);
    const synth = await analyseJson(dir, ["synth", "--input", "synth.csv", "--treated", s.treated, "--event", s.event]);
    const weights = synth.weights as { unit: string; weight: number }[];
    assert.deepEqual(weights.map((w) => w.unit), s.donors);
    expectAllClose(weights.map((w) => w.weight), s.weights, 1e-6, "weights");
    expectClose(synth.rmspePre as number, s.rmspePre, 1e-6, "rmspePre");
    expectClose(synth.rmspePost as number, s.rmspePost, 1e-6, "rmspePost");
    assert.equal(synth.placeboRank, s.placeboRank);
  });

  it("analyse adf, kpss, stl and ewma --json print the statistic, p, the components and the alerts", async () => {
    const golden = adfGolden.cases.find((c) => c.series === asylum?.name && c.regression === "ct" && c.lags === "aic");
    assert.ok(golden && asylum?.periods);
    const adf = await analyseJson(dir, ["adf", "--input", "asylum.csv", "--regression", "ct"]);
    expectClose(adf.statistic as number, golden.statistic, TOLERANCE, "adf statistic");
    expectRelative(adf.p as number, golden.p, TOLERANCE, "adf p");
    assert.equal(adf.lags, golden.used_lag);
    const kpss = await analyseJson(dir, ["kpss", "--input", "asylum.csv", "--lags", "legacy"]);
    assert.equal(kpss.lags, 11);
    assert.equal(kpss.pBound, "at least");
    const y = Float64Array.from(asylum.values);
    const stl = await analyseJson(dir, ["stl", "--input", "asylum.csv"]);
    const direct = decomposeStl(y, { period: 12, seasonalWindow: "periodic" });
    const components = stl.components as { period: string; trend: number; seasonal: number; remainder: number }[];
    assert.equal(components[0]?.period, "2012-01");
    assert.deepEqual(components.map((c) => c.trend), Array.from(direct.trend));
    const ewma = await analyseJson(dir, ["ewma", "--input", "asylum.csv", "--baseline", "36"]);
    const alerts = detectEwmaAlerts(y, { baseline: 36, periods: asylum.periods });
    assert.deepEqual((ewma.alerts as { period: string }[]).map((a) => a.period), alerts.alerts.map((a) => a.period));
  });

  it("analyse ets --json prints forecasts for the periods after the last, with their prediction intervals", async () => {
    assert.ok(asylum);
    const json = await analyseJson(dir, ["ets", "--input", "asylum.csv", "--model", "holt", "--horizon", "3", "--levels", "95"]);
    const direct = fitEts(Float64Array.from(asylum.values), { model: "holt", horizon: 3, levels: [95] });
    const forecasts = json.forecasts as { step: number; period: string; forecast: number; intervals: { level: number; lower: number; upper: number }[] }[];
    assert.deepEqual(forecasts.map((f) => f.period), ["2017-07", "2017-08", "2017-09"]);
    assert.deepEqual(forecasts.map((f) => f.forecast), Array.from(direct.forecast));
    assert.deepEqual(forecasts[2]?.intervals, [{ level: 95, lower: direct.intervals[0]?.lower[2], upper: direct.intervals[0]?.upper[2] }]);
  });

  it("analyse pelt without --json prints the segments table and the reading", async () => {
    const run = await analyse(dir, ["pelt", "--input", "asylum.csv", "--cost", "normal-meanvar", "--penalty", "mbic", "--minseg", "3"]);
    assert.equal(run.error, null);
    assert.match(run.stdout, /^pelt: asylum\.csv\n\nfrom {5}to {10}mean\n/);
    assert.match(run.stdout, /2015-06  2016-01/);
    assert.match(run.stdout, /PELT, looking for a change in the mean and variance/);
  });

  it("analyse with a wrong option, method or option of another method throws UsageError (exit 2)", async () => {
    for (const args of [
      ["pelt", "--input", "asylum.csv", "--bogus"],
      ["nosuch", "--input", "asylum.csv"],
      ["pelt", "--input", "asylum.csv", "--event", "2015-01"],
      ["pelt"],
      ["pelt", "--indicator", "immigration"],
      ["pelt", "--input", "asylum.csv", "--indicator", "immigration", "--geo", "BE"],
      ["granger", "--indicator", "immigration", "--geo", "BE"],
      ["did", "--indicator", "immigration", "--geo", "BE", "--treated", "BE", "--event", "2015"],
      ["pelt", "--input", "asylum.csv", "--cost", "laplace"],
      ["chow", "--input", "asylum.csv", "--at", "2030-01"],
    ]) {
      const run = await analyse(dir, args);
      assert.ok(run.error instanceof UsageError, `${args.join(" ")}: ${String(run.error)}`);
      assert.equal((run.error as MigmonError).exitCode, 2);
      assert.doesNotMatch((run.error as Error).message, /\n/);
    }
  });

  it("analyse with a bad CSV throws InputError naming the file and line", async () => {
    const cases: [string[], RegExp][] = [
      [["pelt", "--input", "unemployment.csv"], /header must be period,value .* in unemployment\.csv line 1$/],
      [["pelt", "--input", "bad-number.csv"], /value "1O" is not a number .* in bad-number\.csv line 3$/],
      [["pelt", "--input", "unsorted.csv"], /period 2020 is not after .* in unsorted\.csv line 4$/],
      [["pelt", "--input", "gap.csv"], /pelt needs consecutive periods, but 2020 has no value .* in gap\.csv line 3$/],
      [["pelt", "--input", "missing.csv"], /file not found in missing\.csv$/],
    ];
    for (const [args, message] of cases) {
      const run = await analyse(dir, args);
      assert.ok(run.error instanceof InputError, `${args.join(" ")}: ${String(run.error)}`);
      assert.match((run.error as Error).message, message);
    }
  });

  it("analyse pelt drops missing values at the start and end and still names the right periods", async () => {
    // By hand: the values 0,0,0,10,10,10 (2011-2016) have first differences 0,0,10,0,0, whose MAD is 0, so the
    // variance falls back to the sample variance 30; no change costs 150 / 30 = 5, one change after 2013 costs
    // 0 plus the penalty 1.
    const json = await analyseJson(dir, ["pelt", "--input", "leading.csv", "--penalty", "1"]);
    assert.deepEqual(json.changepoints, ["2013"]);
    assert.equal(json.variance, 30);
    assert.equal(json.n, 6);
  });

  it("analyse its accepts a missing value inside the series and keeps the periods in place", async () => {
    const json = await analyseJson(dir, ["its", "--input", "gap.csv", "--event", "2023"]);
    assert.equal(json.n, 7);
    // 2020 is missing: the values keep their positions 0, 2, 3, ... and 2023 is position 4.
    const direct = interruptedTimeSeries(Float64Array.from([1, 3, 4, 7, 9, 8, 10]), { interventionIndex: 4, positions: Int32Array.from([0, 2, 3, 4, 5, 6, 7]) });
    assert.deepEqual(json.levelChange, { estimate: direct.levelChange.estimate, se: direct.levelChange.se, p: direct.levelChange.p });
  });
});
