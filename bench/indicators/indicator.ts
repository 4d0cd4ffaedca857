// Times the indicator engine against hand-written SQL in the same DuckDB store.
// The store is made here from the shapes of the real Statbel files: TF_SOC_POP_STRUCT_2015 (municipality x sex x
// nationality group x civil status x single year of age, 457,051 cells) repeated for 22 years = 10,055,122
// observations, and the municipal file (municipality x nationality x sex, 2,356 cells in 2015) for 20 years. Values
// are the real 2015 counts scaled by a year factor (1 + 0.01 (year - 2015)), rounded: the shapes are real, the
// other years' values are not data.
//   node --import tsx bench/indicators/indicator.ts [dir=os.tmpdir()] [repeats=5]
import { mkdtemp, rm } from "node:fs/promises";
import { createReadStream } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { DatasetId, Observation, Period, SeriesKey } from "../../src/core/index.ts";
import { parseIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { computeIndicator } from "../../src/indicators/engine.ts";
import { parseMunicipalPopulation, parsePopulationStructure } from "../../src/ingest/sources/statbel/parse.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import { sharedData } from "../../test/shared-data.ts";

const dir = await mkdtemp(join(process.argv[2] ?? tmpdir(), "migmon-bench-ind-"));
const repeats = Number(process.argv[3] ?? 5);
const file = join(dir, "bench.duckdb");
const t = { nl: "bench", fr: "bench", en: "bench" };

async function readAll(parsed: { batches: AsyncIterable<readonly Observation[]> }): Promise<Observation[]> {
  const out: Observation[] = [];
  for await (const b of parsed.batches) out.push(...b);
  return out;
}
const chunks = (path: string) => createReadStream(path) as AsyncIterable<Uint8Array>;
const struct2015 = await readAll(await parsePopulationStructure({ name: "TF_SOC_POP_STRUCT_2015.txt.gz", chunks: chunks(sharedData("statbel/TF_SOC_POP_STRUCT_2015.txt.gz")) }));
const municipal = (await readAll(await parseMunicipalPopulation({ name: "pop_by_municipality_nationality_sex_2009-2015.csv", chunks: chunks(sharedData("statbel/pop_by_municipality_nationality_sex_2009-2015.csv")) })))
  .filter((o) => o.period === "2015-01-01");

/** The 2015 cells for each year, values scaled by the year factor; one batch per year, keys in the file's order. */
async function* years(cells: readonly Observation[], first: number, last: number): AsyncIterable<Observation[]> {
  for (let y = first; y <= last; y++) {
    const f = 1 + 0.01 * (y - 2015);
    yield cells.map((o) => ({ series: o.series as SeriesKey, period: `${y}-01-01` as Period, value: o.value === null ? null : Math.round(o.value * f), flags: "" }));
  }
}

const started = performance.now();
const store = await openDuckDbStore(file);
const struct = await store.loadRelease({
  dataset: { id: "bench:pop_struct" as DatasetId, publisher: "bench", code: "pop_struct", dimensions: ["refnis", "sex", "nationality", "civil_status", "age"], title: t, unit: "persons", frequency: "annual", licence: "none" },
  checksum: "struct", sourceUri: "bench", format: "bench", retrievedAt: "2026-01-01T00:00:00Z", sourceUpdatedAt: null, batches: years(struct2015, 1999, 2020),
});
const munty = await store.loadRelease({
  dataset: { id: "bench:pop_munty" as DatasetId, publisher: "bench", code: "pop_munty", dimensions: ["refnis", "nationality", "sex"], title: t, unit: "persons", frequency: "annual", licence: "none" },
  checksum: "munty", sourceUri: "bench", format: "bench", retrievedAt: "2026-01-01T00:00:00Z", sourceUpdatedAt: null, batches: years(municipal, 2001, 2020),
});
const loadSeconds = (performance.now() - started) / 1000;
const total = struct.release.observations + munty.release.observations;

const common = (id: string) => `- id: ${id}\n  theme: stocks\n  title: ${JSON.stringify(t)}\n  short: ${JSON.stringify(t)}\n  definition: ${JSON.stringify(t)}\n  unit: persons\n  levels: [municipality, region, country]\n`;
const catalogue = parseIndicatorCatalogue(new Map([["bench.yaml", `indicators:\n${common("etr_munty")}  summable: true\n  compute:\n    kind: count\n    inputs:\n    - { dataset: "bench:pop_munty", geo: refnis, coding: refnis, levels: [municipality], filter: { nationality: [ETR] }, sum: [sex], availability: offline }\n${common("etr_struct")}  summable: true\n  compute:\n    kind: count\n    inputs:\n    - { dataset: "bench:pop_struct", geo: refnis, coding: refnis, levels: [municipality], filter: { nationality: [ETR] }, sum: [sex, civil_status, age], availability: offline }\n`]]));
const ctx = { store, catalogue, geography: belgianGeography() };
const request = { level: "municipality" as const, from: "2001" as Period, to: "2020" as Period };

async function median(work: () => Promise<number>): Promise<{ ms: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  await work();
  for (let i = 0; i < repeats; i++) {
    const s = performance.now();
    rows = await work();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, rows };
}

const engine = {
  munty: await median(async () => (await computeIndicator(ctx, "etr_munty", request)).values.length),
  struct: await median(async () => (await computeIndicator(ctx, "etr_struct", request)).values.length),
};
// The floor of any engine on the Store interface: store.query returns every observation it sums.
const range = { from: "2001" as Period, to: "2020-12-31" as Period };
const storeQuery = {
  munty: await median(async () => (await store.query({ dataset: "bench:pop_munty" as DatasetId, where: { nationality: ["ETR"] }, ...range })).length),
  struct: await median(async () => (await store.query({ dataset: "bench:pop_struct" as DatasetId, where: { nationality: ["ETR"] }, ...range })).length),
};
// The aggregate read the engine uses (readInput): the same selection summed per municipality and period in DuckDB.
const storeSum = {
  munty: await median(async () => (await store.sum({ dataset: "bench:pop_munty" as DatasetId, where: { nationality: ["ETR"] }, ...range }, ["refnis"])).length),
  struct: await median(async () => (await store.sum({ dataset: "bench:pop_struct" as DatasetId, where: { nationality: ["ETR"] }, ...range }, ["refnis"])).length),
};
await store.close();

// The same figures by hand: the latest version of each observation, the series filtered on the nationality
// column, summed per municipality and period.
const sql = (dataset: string) => `SELECT s.dim1 AS refnis, p.period, sum(o.value) AS value, string_agg(DISTINCT o.flags, '') AS flags
  FROM observations o JOIN series s ON s.id = o.series_id JOIN periods p ON p.id = o.period_id
  WHERE s.dataset = '${dataset}' AND s.dim${dataset === "bench:pop_munty" ? 2 : 3} = 'ETR' AND o.valid_to IS NULL
    AND p.period_start BETWEEN DATE '2001-01-01' AND DATE '2020-12-31'
  GROUP BY 1, 2 ORDER BY 1, 2`;
const db = await DuckDBInstance.create(file);
const conn = await db.connect();
const hand = {
  munty: await median(async () => (await conn.runAndReadAll(sql("bench:pop_munty"))).getRows().length),
  struct: await median(async () => (await conn.runAndReadAll(sql("bench:pop_struct"))).getRows().length),
};
conn.closeSync();
db.closeSync();
await rm(dir, { recursive: true, force: true });

type Timing = { ms: number; rows: number };
const line = (name: string, e: Timing, q: Timing, s: Timing, h: Timing) =>
  `${name}: engine ${e.ms.toFixed(0)} ms (${e.rows} figures), store.query alone ${q.ms.toFixed(0)} ms (${q.rows} observations), ` +
  `store.sum alone ${s.ms.toFixed(0)} ms (${s.rows} figures), ` +
  `hand SQL ${h.ms.toFixed(0)} ms (${h.rows} rows); engine/SQL ${(e.ms / h.ms).toFixed(2)}, engine/store.query ${(e.ms / q.ms).toFixed(2)}`;
process.stdout.write([
  `store: ${total.toLocaleString("en")} observations loaded in ${loadSeconds.toFixed(1)} s`,
  line("non-Belgians by municipality 2001-2020 from the municipal table (2 sexes summed)", engine.munty, storeQuery.munty, storeSum.munty, hand.munty),
  line("non-Belgians by municipality 2001-2020 from the 10M-cell structure table (sex, civil status, age summed)", engine.struct, storeQuery.struct, storeSum.struct, hand.struct),
  `median of ${repeats} runs after one warm-up; ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(2)}; Node ${process.version}`,
].join("\n") + "\n");
