// The analysis registry seen from both ends: `migmon analyse --help` and GET /api/openapi.json list the same methods
// with the same options, and the methods the API gained from the registry (two series, a panel) answer with the
// numbers of the analysis functions on the values read from the publisher file by plain code.
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { after, before, describe, test } from "node:test";
import { Command } from "commander";
import { adfTest } from "../../src/analysis/adf.ts";
import { crossCorrelation } from "../../src/analysis/crossCorrelation.ts";
import { kpssTest } from "../../src/analysis/kpss.ts";
import { analysisMethods } from "../../src/analysis/methods/registry.ts";
import { registerAnalyseCommand } from "../../src/cli/commands/analyse.ts";
import { gind3File, startApi } from "./apiFixture.ts";
import { readTsvCells } from "./tsvCells.ts";

type Api = Awaited<ReturnType<typeof startApi>>;
let api: Api;
before(async () => { api = await startApi(); });
after(async () => { await api.close(); });
const get = (url: string) => api.app.inject({ method: "GET", url });

/** `migmon analyse --help` as printed. */
async function analyseHelp(): Promise<string> {
  const stdout = new PassThrough();
  let out = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  const program = new Command("migmon").exitOverride();
  registerAnalyseCommand(program, { stdout, stderr: new PassThrough(), env: {}, cwd: process.cwd() });
  for (const command of program.commands) command.configureOutput({ writeOut: (s) => stdout.write(s) });
  await program.parseAsync(["node", "migmon", "analyse", "--help"]).catch(() => undefined);
  return out;
}

/** Net migration of a country, 2000-2018, read from the file without the project's parser. */
function netMigration(geo: string): { periods: string[]; values: number[] } {
  const cells = readTsvCells(gind3File).filter((c) => c.codes.join(",") === `CNMIGRAT,${geo}` && c.value !== null && c.period <= "2018").sort((a, b) => a.period.localeCompare(b.period));
  return { periods: cells.map((c) => c.period), values: cells.map((c) => c.value as number) };
}

describe("analysis registry", () => {
  test("migmon analyse --help and GET /api/openapi.json list the same methods, each with the same options", async () => {
    const help = await analyseHelp();
    // Help lines: "  its (period,value)  --event --lag --seasonal --model".
    const fromHelp = [...help.matchAll(/^ {2}([a-z]+) \(([a-z,]+)\)(?: {2}(.*))?$/gm)].map((m) => `${m[1]}: ${(m[3] ?? "").split(" ").filter(Boolean).map((f) => f.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())).sort().join(" ")}`);
    const doc = (await get("/api/openapi.json")).json() as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const selection = new Set(["dataset", "series", "x", "xDataset", "units", "from", "to", "asOf", "release"]);
    const fromOpenApi = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith("/api/analysis/") && p !== "/api/analysis/assess")
      .map(([p, ops]) => `${p.slice("/api/analysis/".length)}: ${(ops.get?.parameters ?? []).map((q) => q.name).filter((n) => !selection.has(n)).sort().join(" ")}`);
    assert.equal(fromHelp.length, 16);
    assert.deepEqual([...fromHelp].sort(), [...fromOpenApi].sort());
    assert.deepEqual(fromHelp.map((l) => l.split(":")[0]), analysisMethods.map((m) => m.name));
  });

  test("GET /api/analysis/ccf?series=CNMIGRAT.BE&x=CNMIGRAT.BE2 equals crossCorrelation(x, y) of the two rows read from the file", async () => {
    const y = netMigration("BE");
    const x = netMigration("BE2");
    assert.deepEqual(x.periods, y.periods);
    const direct = crossCorrelation(Float64Array.from(x.values), Float64Array.from(y.values), { maxLag: 3 });
    const r = await get("/api/analysis/ccf?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.BE&x=CNMIGRAT.BE2&to=2018&maxLag=3");
    assert.equal(r.statusCode, 200, r.body);
    const body = r.json() as { n: number; result: { lags: { lag: number; r: number }[]; n: number }; values: { y: unknown[]; x: unknown[] } };
    assert.deepEqual(body.result.lags, direct.lags.map((l) => ({ lag: l.lag, r: l.r })));
    assert.deepEqual([body.n, body.result.n, body.values.y.length, body.values.x.length], [19, 19, 19, 19]);
  });

  test("GET /api/analysis/adf and /kpss answer the statistic, p, lags and critical values of adfTest and kpssTest on the values read from the file", async () => {
    const y = Float64Array.from(netMigration("BE").values);
    const adf = adfTest(y, { regression: "c", lags: 1 });
    const kpss = kpssTest(y, { regression: "ct", lags: "auto" });
    const adfBody = (await get("/api/analysis/adf?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.BE&lags=1")).json() as { result: Record<string, unknown> };
    const kpssBody = (await get("/api/analysis/kpss?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.BE&regression=ct")).json() as { result: Record<string, unknown> };
    assert.deepEqual(adfBody.result, { statistic: adf.statistic, p: adf.p, lags: 1, nobs: adf.nobs, regression: "c", criticalValues: adf.criticalValues });
    assert.deepEqual(kpssBody.result, { statistic: kpss.statistic, p: kpss.p, pBound: kpss.pBound, lags: kpss.lags, nobs: kpss.nobs, regression: "ct", criticalValues: kpss.criticalValues });
    // The series is 2000-2018 observed and 2019 missing: 19 values, ADF with one lag uses 19 - 2 of them.
    assert.equal(adf.nobs, 17);
  });

  test("GET /api/analysis/did on units of the dataset names its units by key; a panel of one key and a pair without x are 400s", async () => {
    const ok = await get("/api/analysis/did?dataset=eurostat:demo_r_gind3&units=CNMIGRAT.BE1,CNMIGRAT.BE2,CNMIGRAT.BE3,CNMIGRAT.AT&treated=CNMIGRAT.BE1&event=2015&to=2018");
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((ok.json() as { result: { clusters: number } }).result.clusters, 4);
    for (const [url, message] of [
      ["/api/analysis/did?dataset=eurostat:demo_r_gind3&units=CNMIGRAT.BE&treated=CNMIGRAT.BE&event=2015", /^query parameter units: must be two or more full series keys/],
      ["/api/analysis/granger?dataset=eurostat:demo_r_gind3&series=CNMIGRAT.BE", /^query parameter x is required$/],
    ] as const) {
      const r = await get(url);
      assert.equal(r.statusCode, 400, r.body);
      assert.match(r.json().error, message);
    }
  });
});
