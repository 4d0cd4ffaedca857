// The API under load: at least 100 concurrent clients on 127.0.0.1 for 30 seconds against the observations route,
// asking for one indicator for the 300 Flemish municipalities over 20 years (6,000 observations) in a store of
// 10,109,400 observations (makeStore.ts). Reports requests per second and the p50/p95/p99 latency of every
// response, checks that there was no error and no non-2xx answer, and compares with the same query run directly
// on the store (sequentially, as the store serialises its reads on one connection) in the same run. A second,
// shorter load sends the response's ETag in If-None-Match: the 304 path a proxy's revalidation takes.
// Issue 16 adds: the same load as a browser sends it (Accept-Encoding: br, gzip; answered from the response cache,
// compressed), the uncached request (a server without response cache, one client at a time, against the direct
// store query), and the compressed load on `migmon serve --workers 2` (read-only workers on one port).
//   node --import tsx bench/api/run.ts [seconds=30] [connections=100] [dir=os.tmpdir()]
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { Result } from "autocannon";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import { benchDataset, makeBenchStore, municipalities } from "./makeStore.ts";

const seconds = Number(process.argv[2] ?? 30);
const connections = Number(process.argv[3] ?? 100);
const dir = await mkdtemp(join(process.argv[4] ?? tmpdir(), "migmon-bench-api-"));
const file = join(dir, "bench.duckdb");

function percentile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
const ms = (x: number) => Number(x.toFixed(2));

try {
  const t0 = performance.now();
  const observations = await makeBenchStore(file);
  const loadSeconds = (performance.now() - t0) / 1000;
  console.log(`store: ${observations} observations generated and loaded in ${loadSeconds.toFixed(1)} s`);

  const { flemish } = municipalities();
  const where = { indic: ["I03"], sex: ["T"], age: ["A0"], geo: flemish };
  const path = `/api/datasets/${benchDataset.id}/observations?${Object.entries(where).map(([d, codes]) => `where=${d}:${codes.join(",")}`).join("&")}`;

  // The same query directly on the store: sequential queries for a third of the load's duration, after a warm-up.
  const store = await openDuckDbStore(file);
  let rows = 0;
  for (let k = 0; k < 20; k++) rows = (await store.query({ dataset: benchDataset.id, where })).length;
  const direct: number[] = [];
  const directJson: number[] = [];
  const until = performance.now() + (seconds * 1000) / 3;
  while (performance.now() < until) {
    const a = performance.now();
    const result = await store.query({ dataset: benchDataset.id, where });
    const b = performance.now();
    JSON.stringify({ observations: result });
    direct.push(b - a);
    directJson.push(performance.now() - a);
  }
  await store.close();
  const directSorted = Float64Array.from(direct).sort();
  const directJsonSorted = Float64Array.from(directJson).sort();
  const directRate = direct.length / (direct.reduce((s, x) => s + x, 0) / 1000);
  console.log(`direct store.query: ${rows} rows, ${direct.length} queries, ${directRate.toFixed(0)} queries/s, p50 ${ms(percentile(directSorted, 0.5))} ms, ` +
    `p95 ${ms(percentile(directSorted, 0.95))} ms, p99 ${ms(percentile(directSorted, 0.99))} ms; with JSON.stringify p50 ${ms(percentile(directJsonSorted, 0.5))} ms`);

  // The server in its own process.
  const startBenchServer = async (cacheBytes?: number) => {
    const server = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./server.ts", import.meta.url)), file, ...(cacheBytes === undefined ? [] : [String(cacheBytes)])],
      { stdio: ["ignore", "pipe", "inherit"] });
    const [line] = await once(server.stdout, "data") as [Buffer];
    return { server, url: line.toString().trim() };
  };
  const stopServer = async (server: ReturnType<typeof spawn>) => {
    const exited = once(server, "exit");
    server.kill("SIGTERM");
    await exited;
  };
  const { server: child, url: base } = await startBenchServer();
  const check = await fetch(`${base}${path}`);
  const checked = (await check.json()) as { observations: unknown[] };
  if (check.status !== 200 || checked.observations.length !== rows) throw new Error(`the API answered ${check.status} with ${checked.observations.length} rows, the store ${rows}`);

  const tag = check.headers.get("etag") ?? "";

  /** Runs autocannon and keeps every response time and status (autocannon's own histogram has no p95). */
  async function load(duration: number, headers: Record<string, string>, at = base, clients = connections) {
    const times: number[] = [];
    const statuses = new Map<number, number>();
    const result = await new Promise<Result>((resolve, reject) => {
      const instance = autocannon({ url: `${at}${path}`, connections: clients, duration, timeout: 30, headers }, (error, r) => (error ? reject(error) : resolve(r)));
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        times.push(responseTime);
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      });
    });
    return { result, times, statuses };
  }
  const { result, times, statuses } = await load(seconds, {});
  const revalidation = await load(Math.max(5, Math.round(seconds / 3)), { "if-none-match": tag });
  const browser = { "accept-encoding": "br, gzip" };
  const compressed = await load(seconds, browser);
  await stopServer(child);

  // Uncached: no response cache, one client at a time, so each latency is one request's own work (store, JSON, HTTP).
  const uncachedServer = await startBenchServer(0);
  const uncached = await load(Math.max(5, Math.round(seconds / 3)), {}, uncachedServer.url, 1);
  await stopServer(uncachedServer.server);

  // `migmon serve --workers 2`: the real command, two read-only workers on one port.
  const serve = spawn(process.execPath, [fileURLToPath(new URL("../../bin/migmon.js", import.meta.url)), "serve", "--port", "0", "--workers", "2"],
    { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, MIGMON_DB: file, MIGMON_ADMIN_TOKEN: "" } });
  const workersBase = await new Promise<string>((resolve, reject) => {
    let text = "";
    serve.stderr.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const found = /migmon: serving (\S+)\/api with/.exec(text);
      if (found?.[1]) resolve(found[1]);
    });
    serve.once("exit", (code) => reject(new Error(`serve --workers exited (${code}): ${text}`)));
  });
  await load(2, browser, workersBase); // each worker's first answer fills its own cache
  const workers = await load(seconds, browser, workersBase);
  await stopServer(serve);
  const summary = (run: Awaited<ReturnType<typeof load>>) => {
    const sortedTimes = Float64Array.from(run.times).sort();
    return {
      seconds: run.result.duration, requests: run.times.length, requestsPerSecond: Number((run.times.length / run.result.duration).toFixed(1)),
      latencyMs: { p50: ms(percentile(sortedTimes, 0.5)), p95: ms(percentile(sortedTimes, 0.95)), p99: ms(percentile(sortedTimes, 0.99)) },
      errors: run.result.errors, timeouts: run.result.timeouts, non2xx: run.result.non2xx, statuses: Object.fromEntries(run.statuses),
      megabytesPerSecond: Number((run.result.throughput.average / 1e6).toFixed(1)),
    };
  };
  const revalidationSorted = Float64Array.from(revalidation.times).sort();
  const revalidationRate = revalidation.times.length / revalidation.result.duration;

  const sorted = Float64Array.from(times).sort();
  const rate = times.length / result.duration;
  const figures = {
    date: new Date().toISOString(), node: process.version, cores: availableParallelism(), cpu: cpus()[0]?.model ?? "?", loadAverageAfter: loadavg()[0],
    store: { observations, loadSeconds: Number(loadSeconds.toFixed(1)) },
    query: { path: `/api/datasets/${benchDataset.id}/observations?where=indic:I03&where=sex:T&where=age:A0&where=geo:<300 Flemish municipalities>`, rows },
    load: {
      connections, seconds: result.duration, requests: times.length, requestsPerSecond: Number(rate.toFixed(1)),
      latencyMs: { p50: ms(percentile(sorted, 0.5)), p95: ms(percentile(sorted, 0.95)), p99: ms(percentile(sorted, 0.99)), max: ms(sorted[sorted.length - 1] ?? 0) },
      errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, statuses: Object.fromEntries(statuses),
      megabytesPerSecond: Number((result.throughput.average / 1e6).toFixed(1)),
    },
    direct: {
      queries: direct.length, queriesPerSecond: Number(directRate.toFixed(1)),
      latencyMs: { p50: ms(percentile(directSorted, 0.5)), p95: ms(percentile(directSorted, 0.95)), p99: ms(percentile(directSorted, 0.99)) },
      withJsonP50Ms: ms(percentile(directJsonSorted, 0.5)),
    },
    ratio: { throughputApiToDirect: Number((rate / directRate).toFixed(2)) },
    compressedFromCache: { acceptEncoding: "br, gzip", connections, ...summary(compressed) },
    workers: { command: "migmon serve --workers 2", acceptEncoding: "br, gzip", connections, ...summary(workers) },
    uncached: { connections: 1, ...summary(uncached), p95ToDirectP95: Number((percentile(Float64Array.from(uncached.times).sort(), 0.95) / percentile(directSorted, 0.95)).toFixed(2)) },
    revalidation: {
      seconds: revalidation.result.duration, requests: revalidation.times.length, requestsPerSecond: Number(revalidationRate.toFixed(1)),
      latencyMs: { p50: ms(percentile(revalidationSorted, 0.5)), p95: ms(percentile(revalidationSorted, 0.95)), p99: ms(percentile(revalidationSorted, 0.99)) },
      errors: revalidation.result.errors, statuses: Object.fromEntries(revalidation.statuses),
    },
  };
  console.log(`API under load: ${connections} connections for ${result.duration} s: ${times.length} responses, ${rate.toFixed(1)} requests/s, ` +
    `latency p50 ${figures.load.latencyMs.p50} ms, p95 ${figures.load.latencyMs.p95} ms, p99 ${figures.load.latencyMs.p99} ms; ` +
    `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
  console.log(`ratio API requests/s to direct queries/s: ${figures.ratio.throughputApiToDirect}`);
  console.log(`revalidation (If-None-Match, 304): ${revalidation.times.length} responses in ${revalidation.result.duration} s, ${revalidationRate.toFixed(0)} requests/s, ` +
    `p50 ${figures.revalidation.latencyMs.p50} ms, p95 ${figures.revalidation.latencyMs.p95} ms, p99 ${figures.revalidation.latencyMs.p99} ms; statuses ${JSON.stringify(figures.revalidation.statuses)}`);
  for (const [name, run] of [["compressed, from the cache", figures.compressedFromCache], ["serve --workers 2, compressed", figures.workers], ["uncached, one client", figures.uncached]] as const) {
    console.log(`${name}: ${run.requestsPerSecond} requests/s, p50 ${run.latencyMs.p50} ms, p95 ${run.latencyMs.p95} ms; errors ${run.errors}, non-2xx ${run.non2xx}`);
  }
  const out = fileURLToPath(new URL("./out/", import.meta.url));
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "result.json"), `${JSON.stringify(figures, null, 2)}\n`);
  // The issue's figures are kept in the repository (out/ is not).
  await writeFile(fileURLToPath(new URL("./result.json", import.meta.url)), `${JSON.stringify(figures, null, 2)}\n`);
  const notModified = revalidation.statuses.get(304) ?? 0;
  const failed = [compressed, workers, uncached].some((run) => run.result.errors > 0 || run.result.timeouts > 0 || run.result.non2xx > 0);
  if (failed || result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || revalidation.result.errors > 0 || notModified !== revalidation.times.length) {
    console.error("FAILED: errors under load");
    process.exitCode = 1;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
