// Benchmark of the publications (issue 13): the monitor report as HTML and as PDF, and every municipal profile as
// HTML and as PDF, from the offline store (MIGMON_DB, default var/migmon.duckdb; build it with
// `npx migmon update --offline`). One shared Chromium prints two pages at a time. Prints a table and writes
// bench/publications/result.json: seconds per document (min, median, max) and in total, the peak resident memory
// of this process and of the browser (summed over its processes, sampled every 250 ms).
//   node --import tsx bench/publications/run.ts [lang=nl]
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { reportEnvironment } from "../../src/cli/report/environment.ts";
import { writeDocuments } from "../../src/cli/report/writeDocuments.ts";
import { parseLanguage } from "../../src/cli/options.ts";
import { generateReports, plannedDocuments } from "../../src/publications/generateReports.ts";
import type { ReportRequest } from "../../src/publications/generateReports.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";

const lang = parseLanguage(process.argv[2] ?? "nl");
const dbFile = path.resolve(process.env.MIGMON_DB ?? "var/migmon.duckdb");
if (!existsSync(dbFile)) throw new Error(`no store at ${dbFile}: run \`npx migmon update --offline\` first (or set MIGMON_DB)`);

/** Resident memory (bytes) of every Chromium process started for printing (its profile is /tmp/migmon-print-*). */
function browserRss(): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "latin1").includes("migmon-print-")) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "latin1"));
      if (rss) total += Number(rss[1]) * 1024;
    } catch { /* the process ended between the listing and the read */ }
  }
  return total;
}

let browserPeak = 0;
const sampler = setInterval(() => { browserPeak = Math.max(browserPeak, browserRss()); }, 250);

const quiet = () => Object.assign(new PassThrough(), { isTTY: false });
const context = { stdout: quiet(), stderr: process.stderr, env: process.env, cwd: process.cwd() };
const store = await openDuckDbStore(dbFile);
const out = mkdtempSync(path.join(tmpdir(), "migmon-bench-pub-"));
const runs: Record<string, unknown>[] = [];

function spread(seconds: number[]) {
  const sorted = [...seconds].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! };
}

async function measure(label: string, request: ReportRequest, pdf: boolean): Promise<void> {
  const env = await reportEnvironment(context, store, null, "http://127.0.0.1:8080");
  const names = await plannedDocuments(request, env);
  browserPeak = 0;
  const load = loadavg()[0]!;
  const started = performance.now();
  const summary = await writeDocuments(context, generateReports(request, env, names), names.length, path.join(out, label), pdf, env.data.book, env.apiBase);
  const total = (performance.now() - started) / 1000;
  const per = spread(summary.timings.map((t) => t.seconds));
  const row = { label, documents: names.length, totalSeconds: Number(total.toFixed(1)), perDocument: { min: Number(per.min.toFixed(2)), median: Number(per.median.toFixed(2)), max: Number(per.max.toFixed(2)) }, nodePeakMB: Math.round(process.resourceUsage().maxRSS / 1024), browserPeakMB: Math.round(browserPeak / 2 ** 20), loadAverageAtStart: Number(load.toFixed(1)) };
  runs.push(row);
  console.log(`${label}: ${names.length} documents in ${row.totalSeconds} s (per document ${row.perDocument.min} / ${row.perDocument.median} / ${row.perDocument.max} s), node peak ${row.nodePeakMB} MB, browser peak ${row.browserPeakMB} MB, load ${row.loadAverageAtStart}`);
}

try {
  await measure(`monitor-html-${lang}`, { kind: "monitor", lang }, false);
  await measure(`monitor-pdf-${lang}`, { kind: "monitor", lang }, true);
  await measure(`profiles-html-${lang}`, { kind: "profile", lang, all: true }, false);
  await measure(`profiles-pdf-${lang}`, { kind: "profile", lang, all: true }, true);
} finally {
  clearInterval(sampler);
  await store.close();
  rmSync(out, { recursive: true, force: true });
}
const result = { measuredAt: new Date().toISOString(), store: path.basename(dbFile), lang, cores: 2, runs };
writeFileSync(fileURLToPath(new URL("./result.json", import.meta.url)), `${JSON.stringify(result, null, 2)}\n`);
