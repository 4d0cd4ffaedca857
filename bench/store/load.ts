// Measures the observation store's load rate: generates N observations (series of 20 years; indicator x sex x
// age x municipality, the municipality last), loads them as release 1 into a fresh DuckDB file, then a revision
// with 1% of the values changed as release 2, and times the query of one indicator for 300 municipalities.
// Prints observations/second (wall clock), the CPU time, the machine's load average (figures taken on a busy
// machine are slower by about the load over the cores) and the peak RSS after each release and at the end.
//   node --import tsx bench/store/load.ts [N=5000000] [dir=os.tmpdir()]
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { DatasetId, Observation, Period, SeriesKey } from "../../src/core/index.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";

const n = Number(process.argv[2] ?? 5_000_000);
const dir = await mkdtemp(join(process.argv[3] ?? tmpdir(), "migmon-bench-store-"));
const years = 20;
const indicators = 25;
const sexes = ["F", "M", "T"];
const ages = 11;
const seriesCount = Math.ceil(n / years);
const geos = Math.ceil(seriesCount / (indicators * sexes.length * ages));
const dataset = {
  id: "bench:load" as DatasetId, publisher: "bench", code: "load", dimensions: ["indic", "sex", "age", "geo"],
  title: { nl: "bench", fr: "bench", en: "bench" }, unit: "persons", frequency: "A", licence: "none",
};
const periods = Array.from({ length: years }, (_, i) => String(2005 + i) as Period);

/** Series s: indicator, sex and age vary slowest to fastest, then municipality, so a key sorts geo last. */
function seriesKey(s: number): SeriesKey {
  const geo = s % geos;
  const rest = Math.floor(s / geos);
  return `I${Math.floor(rest / (sexes.length * ages))}.${sexes[Math.floor(rest / ages) % sexes.length]}.A${rest % ages}.G${String(geo).padStart(5, "0")}` as SeriesKey;
}

async function* generate(revision: number): AsyncIterable<readonly Observation[]> {
  let batch: Observation[] = [];
  let i = 0;
  for (let s = 0; s < seriesCount && i < n; s++) {
    const key = seriesKey(s);
    for (const period of periods) {
      if (i >= n) break;
      const missing = i % 37 === 0;
      const changed = revision > 0 && i % 100 === 7;
      batch.push({ series: key, period, value: missing ? null : (i % 1000) + (changed ? 0.5 : 0), flags: missing ? "c" : i % 10 === 0 ? "p" : "" });
      i++;
      if (batch.length === 10_000) { yield batch; batch = []; }
    }
  }
  if (batch.length > 0) yield batch;
}

const store = await openDuckDbStore(join(dir, "bench.duckdb"));
for (const revision of [0, 1]) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await store.loadRelease({
    dataset, checksum: `rev${revision}`, sourceUri: "bench://generated", format: "generated",
    retrievedAt: new Date(Date.UTC(2024, revision, 1)).toISOString(), sourceUpdatedAt: null, batches: generate(revision),
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const r = result.release;
  console.log(`release ${r.id}: ${r.observations} observations in ${seconds.toFixed(2)} s = ${Math.round(r.observations / seconds)} observations/second` +
    ` (added ${r.added}, changed ${r.changed}, removed ${r.removed}); CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s` +
    `; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores; peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
/** Times a query 9 times and prints the median. */
async function timeQuery(label: string, where: Record<string, string[]>): Promise<void> {
  const times: number[] = [];
  let rows = 0;
  for (let k = 0; k < 9; k++) {
    const t0 = performance.now();
    rows = (await store.query({ dataset: dataset.id, where })).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`query ${label}: ${rows} rows, median ${times[4]?.toFixed(1)} ms of 9`);
}
const geoCodes = Array.from({ length: Math.min(300, geos) }, (_, g) => `G${String(g).padStart(5, "0")}`);
await timeQuery(`one indicator x ${geoCodes.length} municipalities x ${years} years (adjacent series)`,
  { indic: ["I3"], sex: ["T"], age: ["A0"], geo: geoCodes });
await timeQuery(`one municipality x all ${indicators * sexes.length * ages} indicator/sex/age series x ${years} years (series spread over the dataset)`,
  { geo: ["G00007"] });
await store.close();
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await rm(dir, { recursive: true, force: true });
