// Back-tests of the impact model's projections and the time of the documented example scenario.
//   node --import tsx bench/impact/run.ts [out=bench/impact/result.json]
// Builds a store from ../shared/data (Statbel's municipal non-Belgians by sex and age group 2009-2015, Eurostat
// asylum applicants and temporary protection, OECD inflows, demo_r_gind3), then:
// 1. back-tests: projections made with data up to year T compared with T+1..T+3 wherever the store has the
//    outcome (src/impact/backtest.ts), MAPE and interval coverage per level;
// 2. times tp-wave-2026 (a 2022-like temporary-protection wave applied to 2026) over every Flemish municipality:
//    reading the figures from the store, running the model, laying out the municipal quantities; median of 5.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { backtestMunicipal, backtestNational } from "../../src/impact/backtest.ts";
import { readAsylumApplicants, readImpactFigures, readMunicipalStocks, readNationalInflows } from "../../src/impact/baseline.ts";
import { layOutImpact } from "../../src/impact/impactResult.ts";
import { runImpactModel } from "../../src/impact/model.ts";
import { loadRules } from "../../src/impact/rules.ts";
import { readScenarioFile } from "../../src/impact/scenario.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { makeImpactStore } from "../../test/impact/impactStore.ts";

const out = process.argv[2] ?? "bench/impact/result.json";
const level = 80;
const loadStart = performance.now();
const { store, remove } = await makeImpactStore();
const loadMs = performance.now() - loadStart;
try {
  const stocks = await readMunicipalStocks(store);
  const levels = [...backtestMunicipal(stocks, level), backtestNational("asylum applicants", await readAsylumApplicants(store), level)];
  const inflows = await readNationalInflows(store);
  if (inflows !== null) levels.push(backtestNational("inflows of foreign population", inflows, level));

  const scenario = readScenarioFile("tp-wave-2026", process.cwd());
  const geo = belgianGeography();
  const flemish = geo.on(`${scenario.startYear}-01-01`).filter((u) => u.level === "municipality" && geo.parentOf(u.code, "region") === "02000").map((u) => u.code);
  const rules = loadRules();
  const times: { read: number; model: number; layout: number; total: number }[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const figures = await readImpactFigures(store, { wave2022: true, continuing: true });
    const t1 = performance.now();
    const run = runImpactModel(scenario, { ...figures, rules });
    const t2 = performance.now();
    const areas = layOutImpact(run, scenario, { geos: flemish });
    const t3 = performance.now();
    rows = areas.length;
    times.push({ read: t1 - t0, model: t2 - t1, layout: t3 - t2, total: t3 - t0 });
  }
  const median = (k: keyof (typeof times)[number]) => [...times].map((x) => x[k]).sort((a, b) => a - b)[2]!;
  const result = {
    generator: "bench/impact/run.ts",
    measuredOn: new Date().toISOString(),
    loadAverage: loadavg()[0],
    intervalLevel: level,
    storeLoadMs: Math.round(loadMs),
    backtest: levels,
    exampleScenario: {
      scenario: scenario.id, flemishMunicipalities: flemish.length, areaYears: rows,
      medianMs: { read: Math.round(median("read")), model: Math.round(median("model")), layout: Math.round(median("layout")), total: Math.round(median("total")) },
    },
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  const pct = (x: number | null) => (x === null ? "-" : `${x.toFixed(1)} %`);
  const share = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(0)} %`);
  process.stdout.write(`| level | series | method | origins | points | MAPE | ${level} % coverage |\n| --- | --- | --- | --- | ---: | ---: | ---: |\n`);
  for (const l of levels) process.stdout.write(`| ${l.level} | ${l.series.split(" (")[0]} | ${l.method} | ${l.origins[0]}-${l.origins.at(-1)} | ${l.points} | ${pct(l.mape)} | ${share(l.coverage)} |\n`);
  process.stdout.write(`\ntp-wave-2026 over ${flemish.length} Flemish municipalities (${rows} area-years): median ${result.exampleScenario.medianMs.total} ms (read ${result.exampleScenario.medianMs.read}, model ${result.exampleScenario.medianMs.model}, layout ${result.exampleScenario.medianMs.layout}); load average ${loadavg()[0]!.toFixed(1)}\n`);
} finally {
  await remove();
}
