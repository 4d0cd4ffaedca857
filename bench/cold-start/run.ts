// Cold start of the compiled CLI (issue 16): CPU and wall time of whole `migmon` processes started through
// bin/migmon.js, each against a bare `node -e 0` measured in the same run. Cases: `migmon --help`, `migmon query
// --help`, a `migmon query` on a loaded store, and `migmon serve` until it says it is serving on a loaded store.
// Usage: node --import tsx bench/cold-start/run.ts [runs=7]. It compiles the current sources into a snapshot of the
// repository (bench/cold-start/out/snapshot: bin/, src/, dist/, data/ and node_modules linked), as `npm ci` would, so
// that an edit of src/ during the run (which makes bin/migmon.js fall back to tsx) cannot change what is measured.
// CPU is the kernel's own accounting (user + system of the finished process from /usr/bin/time; for serve, of the
// running server read from /proc/<pid>/stat when its ready line appears), so a loaded machine changes wall time far
// more than CPU time.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const out = path.join(repo, "bench", "cold-start", "out");
const runs = Number(process.argv[2] ?? 7);
const store = path.join(out, "store.duckdb");
const snapshot = path.join(out, "snapshot");
const bin = path.join(snapshot, "bin", "migmon.js");
const datasets = ["eurostat:migr_imm1ctz_derived", "statbel:pop_by_municipality_nationality_sex", "eurostat:gov_10dd_edpt1"];
const env = { ...process.env, MIGMON_DB: store, MIGMON_FROM_SOURCE: "", MIGMON_OFFLINE_DIR: path.resolve(repo, "..", "shared", "data") };

interface Sample { readonly cpu: number; readonly wall: number; readonly rssMb: number }

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** One finished process under /usr/bin/time: user + system CPU seconds, wall seconds and peak RSS. */
function timeProcess(args: readonly string[]): Sample {
  const r = spawnSync("/usr/bin/time", ["-f", "@@ %U %S %e %M", ...args], { env, encoding: "utf8", maxBuffer: 1 << 28 });
  const line = r.stderr.split("\n").find((l) => l.startsWith("@@ "));
  if (r.status !== 0 || line === undefined) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  if (r.stderr.includes("through tsx")) throw new Error("a source file changed during the benchmark, so bin/migmon.js ran tsx: build and run again");
  const [user, sys, wall, rss] = line.slice(3).split(" ").map(Number) as [number, number, number, number];
  return { cpu: user + sys, wall, rssMb: rss / 1024 };
}

/** `migmon serve` until its ready line: CPU of the server so far (from /proc), wall time; then SIGTERM. */
async function timeServe(): Promise<Sample> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, "serve", "--port", "0"], { env, stdio: ["ignore", "ignore", "pipe"] });
  const ready = await new Promise<Sample>((resolve, reject) => {
    let text = "";
    child.stderr.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      if (!text.includes("migmon: serving")) return;
      if (text.includes("through tsx")) reject(new Error("a source file changed during the benchmark, so bin/migmon.js ran tsx: build and run again"));
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const ticks = Number(stat[11]) + Number(stat[12]);
      resolve({ cpu: ticks / 100, wall, rssMb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 });
    });
    child.on("exit", (code) => reject(new Error(`serve exited (${code}) before it was ready: ${text.slice(0, 500)}`)));
  }).catch((error: unknown) => { child.kill("SIGTERM"); throw error; });
  child.removeAllListeners("exit");
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  return ready;
}

function summarise(name: string, samples: readonly Sample[], node: readonly Sample[]) {
  return {
    case: name,
    cpuSeconds: median(samples.map((s) => s.cpu)), wallSeconds: median(samples.map((s) => s.wall)), peakRssMb: Math.round(median(samples.map((s) => s.rssMb))),
    cpuMin: Math.min(...samples.map((s) => s.cpu)), cpuMax: Math.max(...samples.map((s) => s.cpu)),
    // Pair by pair (case run i against bare node run i), so a machine whose speed drifts still gives a fair ratio.
    cpuRatioToBareNode: Number(median(samples.map((s, i) => s.cpu / Math.max(node[i]?.cpu ?? 0.01, 0.01))).toFixed(1)),
  };
}

/** Copies the sources into the snapshot and compiles them as `npm run build` does (type errors do not stop tsc emitting). */
function buildSnapshot(): void {
  rmSync(snapshot, { recursive: true, force: true });
  mkdirSync(snapshot, { recursive: true });
  for (const item of ["bin", "src", "package.json", "tsconfig.json", "tsconfig.build.json"]) cpSync(path.join(repo, item), path.join(snapshot, item), { recursive: true });
  for (const item of ["node_modules", "data"]) symlinkSync(path.join(repo, item), path.join(snapshot, item));
  spawnSync(process.execPath, [path.join(repo, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: snapshot, stdio: "inherit" });
  if (!existsSync(path.join(snapshot, "dist", "cli", "main.js"))) throw new Error("the snapshot's build wrote no dist/cli/main.js");
  writeFileSync(path.join(snapshot, "dist", ".built"), new Date().toISOString());
}

mkdirSync(out, { recursive: true });
process.stderr.write(`compiling the sources into ${snapshot}\n`);
buildSnapshot();
if (!existsSync(store)) {
  process.stderr.write(`loading ${datasets.join(", ")} into ${store}\n`);
  const r = spawnSync(process.execPath, [bin, "update", "--offline", "--only", datasets.join(","), "--format", "json"], { env, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) { rmSync(store, { force: true }); throw new Error("loading the store failed"); }
}

const query = [process.execPath, bin, "query", "eurostat:migr_imm1ctz_derived", "--where", "geo=BE", "--format", "csv"];
const queryRows = spawnSync(process.execPath, query.slice(1), { env, encoding: "utf8" }).stdout.split("\n").length - 2;
const cases: [string, () => Promise<Sample> | Sample][] = [
  ["migmon --help", () => timeProcess([process.execPath, bin, "--help"])],
  ["migmon query --help", () => timeProcess([process.execPath, bin, "query", "--help"])],
  [`migmon query eurostat:migr_imm1ctz_derived --where geo=BE (${queryRows} rows)`, () => timeProcess(query)],
  ["migmon serve, until ready", timeServe],
];
const node: Sample[] = [];
const samples = new Map<string, Sample[]>(cases.map(([name]) => [name, []]));
for (const [, measure] of cases) await measure(); // warm-up: page cache, DuckDB's extension load
for (let i = 0; i < runs; i++) {
  node.push(timeProcess([process.execPath, "-e", "0"]));
  for (const [name, measure] of cases) samples.get(name)?.push(await measure());
}
const result = {
  measuredOn: new Date().toISOString().slice(0, 10), machine: `${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} at the end`,
  node: process.version, runs, store: `${datasets.join(", ")} (update --offline)`,
  bareNode: { cpuSeconds: median(node.map((s) => s.cpu)), wallSeconds: median(node.map((s) => s.wall)) },
  cases: cases.map(([name]) => summarise(name, samples.get(name) ?? [], node)),
};
writeFileSync(path.join(repo, "bench", "cold-start", "result.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
