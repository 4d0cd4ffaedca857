// One worker of bench/scan: PELT (Poisson cost, BIC) and Bai-Perron (y ~ 1, h = 0.15, BIC, no intervals) over its
// share of the series, read in place from the shared buffer; reports the time of each method and what it found.
import { parentPort, workerData } from "node:worker_threads";
import { findBreakpoints } from "../../src/analysis/breakpoints.ts";
import { pelt } from "../../src/analysis/pelt.ts";

interface Job {
  readonly buffer: SharedArrayBuffer;
  readonly length: number;
  readonly from: number;
  readonly to: number;
}

const job = workerData as Job;
const all = new Float64Array(job.buffer);
const port = parentPort;
if (port === null) throw new Error("scanWorker must run as a worker thread");

port.on("message", () => {
  let peltMs = 0;
  let breakpointsMs = 0;
  let changepoints = 0;
  let breaks = 0;
  let seriesWithBreaks = 0;
  for (let s = job.from; s < job.to; s++) {
    const y = all.subarray(s * job.length, (s + 1) * job.length);
    const t0 = performance.now();
    changepoints += pelt(y, { cost: "poisson", penalty: "bic" }).changepoints.length;
    const t1 = performance.now();
    const found = findBreakpoints(y, { intervals: false }).chosen;
    const t2 = performance.now();
    breaks += found;
    if (found > 0) seriesWithBreaks += 1;
    peltMs += t1 - t0;
    breakpointsMs += t2 - t1;
  }
  port.postMessage({ peltMs, breakpointsMs, changepoints, breaks, seriesWithBreaks, series: job.to - job.from });
});
port.postMessage("ready");
