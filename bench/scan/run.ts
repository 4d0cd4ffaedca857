// bench/scan: PELT and Bai-Perron over 60,000 series of 30 counts (every municipality by nationality) on 2 worker
// threads, and the ratio to R's strucchange::breakpoints on a sample of 300 of the same series run in the same
// benchmark when Rscript is installed. Usage: node --import tsx bench/scan/run.ts. Writes out/result.json.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { findBreakpoints } from "../../src/analysis/breakpoints.ts";
import { seededUniform } from "../../test/analysis/seededRandom.ts";
import { drawSeries, readLevels, seriesCount, seriesLength } from "./makeSeries.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "out");
mkdirSync(out, { recursive: true });
const workers = 2;
const sampleSize = 300;
const rscript = "/usr/bin/Rscript";

interface WorkerReport {
  readonly peltMs: number;
  readonly breakpointsMs: number;
  readonly changepoints: number;
  readonly breaks: number;
  readonly seriesWithBreaks: number;
  readonly series: number;
}

const t0 = performance.now();
const levels = readLevels();
const shared = new SharedArrayBuffer(seriesCount * seriesLength * 8);
new Float64Array(shared).set(drawSeries(levels));
const all = new Float64Array(shared);
const generationSeconds = (performance.now() - t0) / 1000;

// Start the workers (each loads the analysis modules) and wait until both are ready, then time the scan alone.
const t1 = performance.now();
const pool = Array.from({ length: workers }, (_, w) => {
  const from = Math.floor((w * seriesCount) / workers);
  const to = Math.floor(((w + 1) * seriesCount) / workers);
  return new Worker(new URL("./scanWorkerEntry.mjs", import.meta.url), { workerData: { buffer: shared, length: seriesLength, from, to } });
});
await Promise.all(pool.map((w) => new Promise<void>((resolve, reject) => { w.once("message", () => resolve()); w.once("error", reject); })));
const startupSeconds = (performance.now() - t1) / 1000;
const t2 = performance.now();
const reports = await Promise.all(pool.map((w) => new Promise<WorkerReport>((resolve, reject) => {
  w.once("message", (m: WorkerReport) => resolve(m));
  w.once("error", reject);
  w.postMessage("go");
})));
const scanSeconds = (performance.now() - t2) / 1000;
await Promise.all(pool.map((w) => w.terminate()));
const sum = (f: (r: WorkerReport) => number) => reports.reduce((a, r) => a + f(r), 0);

// The sample: 300 series drawn without replacement with a fixed seed, written for R one series per line.
const uniform = seededUniform(7);
const chosen = new Set<number>();
while (chosen.size < sampleSize) chosen.add(Math.floor(uniform() * seriesCount));
const sample = [...chosen].sort((a, b) => a - b).map((s) => all.slice(s * seriesLength, (s + 1) * seriesLength));
const sampleFile = path.join(out, "sample.csv");
writeFileSync(sampleFile, `${sample.map((y) => Array.from(y).join(",")).join("\n")}\n`);

// Our Bai-Perron on the same sample in this one thread, after a warm-up, repeated so the clock resolves it.
const ours = sample.map((y) => findBreakpoints(y, { intervals: false }).breaks.map((b) => b + 1));
const repeats = 20;
const t3 = performance.now();
for (let r = 0; r < repeats; r++) for (const y of sample) findBreakpoints(y, { intervals: false });
const oursPerSeriesMs = (performance.now() - t3) / (repeats * sampleSize);

/** RSS of y ~ 1 fitted by segment, for break ends given 1-based (strucchange's convention). */
function segmentedRss(y: Float64Array, ends: readonly number[]): number {
  const bounds = [0, ...ends, y.length];
  let total = 0;
  for (let k = 0; k + 1 < bounds.length; k++) {
    const part = y.subarray(bounds[k] as number, bounds[k + 1] as number);
    const mean = part.reduce((a, v) => a + v, 0) / part.length;
    total += part.reduce((a, v) => a + (v - mean) ** 2, 0);
  }
  return total;
}

let reference: { seconds: number; perSeriesMs: number; ratio: number; sameBreaks: number; tiedBreaks: number; R: string; strucchange: string } | null = null;
if (existsSync(rscript)) {
  const text = execFileSync(rscript, [path.join(here, "strucchange.R"), sampleFile], { stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 }).toString();
  const r = JSON.parse(text.trim().split("\n").pop() ?? "{}") as { seconds: number; series: number; R: string; strucchange: string; breaks: number[][] };
  const perSeriesMs = (r.seconds * 1000) / r.series;
  const same = r.breaks.map((b, i) => JSON.stringify(b) === JSON.stringify(ours[i]));
  // Where the dates differ, both segmentations may be optimal: counts can tie exactly in RSS, and then rounding in
  // the two programs' sums decides which one is returned.
  const tiedBreaks = r.breaks.filter((b, i) => {
    if (same[i]) return false;
    const mine = ours[i] as number[];
    const y = sample[i] as Float64Array;
    const a = segmentedRss(y, b);
    return b.length === mine.length && Math.abs(a - segmentedRss(y, mine)) <= 1e-9 * Math.max(1, a);
  }).length;
  reference = { seconds: r.seconds, perSeriesMs, ratio: perSeriesMs / oursPerSeriesMs, sameBreaks: same.filter(Boolean).length, tiedBreaks, R: r.R, strucchange: r.strucchange };
}

const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), node ${process.version}`,
  series: seriesCount,
  length: seriesLength,
  workers,
  generationSeconds: Number(generationSeconds.toFixed(3)),
  workerStartupSeconds: Number(startupSeconds.toFixed(3)),
  scanSeconds: Number(scanSeconds.toFixed(3)),
  totalSeconds: Number((generationSeconds + startupSeconds + scanSeconds).toFixed(3)),
  peltCpuSeconds: Number((sum((r) => r.peltMs) / 1000).toFixed(3)),
  breakpointsCpuSeconds: Number((sum((r) => r.breakpointsMs) / 1000).toFixed(3)),
  peltChangepoints: sum((r) => r.changepoints),
  baiPerronBreaks: sum((r) => r.breaks),
  seriesWithBaiPerronBreaks: sum((r) => r.seriesWithBreaks),
  sample: sampleSize,
  oursPerSeriesMs: Number(oursPerSeriesMs.toFixed(4)),
  strucchange: reference === null ? "Rscript not installed: no ratio" : {
    seconds: Number(reference.seconds.toFixed(3)),
    perSeriesMs: Number(reference.perSeriesMs.toFixed(3)),
    ratioPerSeries: Number(reference.ratio.toFixed(1)),
    sameBreakDates: `${reference.sameBreaks} of ${sampleSize}`,
    otherOptimalSegmentation: `${reference.tiedBreaks} (same number of breaks, RSS equal to 1e-9)`,
    versions: `R ${reference.R}, strucchange ${reference.strucchange}`,
  },
};
writeFileSync(path.join(out, "result.json"), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
