// Paging of the observations route on the largest offline dataset: unhcr:demographics (UNHCR's demographics table,
// 2001-2021) is loaded into a fresh store, the API runs in its own process (bench/api/server.ts), and the whole
// dataset is read page by page at the largest page (limit=100000), by one client and then by three at once. The
// server's resident memory (VmRSS, VmHWM from /proc) is sampled every 50 ms; the figures go to stdout and to
// bench/api/paging-result.json. Before paging, one unfiltered request for this dataset answered 173 MB and took the
// server from 194 MB to 1.58 GB (issue 17).
//   node --import tsx bench/api/paging.ts
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";

const mirror = process.env.MIGMON_MIRROR || process.env.MIGMON_SHARED_DATA || new URL("../../../shared/data/", import.meta.url).pathname;
const dataset = "unhcr:demographics";

function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? "0");
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/** Reads the whole dataset from `base` at `limit` rows a page; the rows and bytes received. */
async function walk(base: string, limit: number): Promise<{ rows: number; bytes: number; pages: number }> {
  let url: string | null = `${base}/api/datasets/${dataset}/observations?limit=${limit}`;
  let rows = 0;
  let bytes = 0;
  let pages = 0;
  while (url !== null) {
    const r = await fetch(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    const text = await r.text();
    bytes += Buffer.byteLength(text);
    rows += text.split('{"series":').length - 1;
    pages++;
    const link = /^<([^>]+)>; rel="next"$/.exec(r.headers.get("link") ?? "");
    url = link?.[1] ?? null;
  }
  return { rows, bytes, pages };
}

const dir = mkdtempSync(path.join(tmpdir(), "migmon-paging-"));
const file = path.join(dir, "store.duckdb");
try {
  const store = await openDuckDbStore(file);
  const loaded = await ingestFile({ store, entry: findEntry(await loadCatalogue(), dataset), file: path.join(mirror, "unhcr/unhcr_demographics_2001-2021.csv.gz") });
  const observations = loaded.release.observations;
  await store.close();

  const server = spawn(process.execPath, ["--import", "tsx", new URL("server.ts", import.meta.url).pathname, file], { stdio: ["ignore", "pipe", "inherit"] });
  const base = await new Promise<string>((resolve) => createInterface({ input: server.stdout }).once("line", resolve));
  const pid = server.pid as number;
  const idle = memoryOf(pid);
  let peak = idle.rss;
  const sampler = setInterval(() => { peak = Math.max(peak, memoryOf(pid).rss); }, 50);
  const measure = async (clients: number, limit: number) => {
    const start = performance.now();
    const walks = await Promise.all(Array.from({ length: clients }, () => walk(base, limit)));
    return { clients, limit, seconds: (performance.now() - start) / 1000, ...walks[0]!, rssMB: memoryOf(pid).rss, peakMB: peak };
  };
  const firstPage = performance.now();
  const defaultPage = await fetch(`${base}/api/datasets/${dataset}/observations`);
  const defaultBytes = Buffer.byteLength(await defaultPage.text());
  const firstPageMs = performance.now() - firstPage;
  const one = await measure(1, 100_000);
  const three = await measure(3, 100_000);
  clearInterval(sampler);
  const final = memoryOf(pid);
  server.kill("SIGTERM");
  const result = {
    date: new Date().toISOString(), dataset, observations,
    idleMB: idle.rss, defaultPage: { bytes: defaultBytes, ms: firstPageMs },
    oneClient: one, threeClients: three, serverHighWaterMB: final.hwm,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(new URL("paging-result.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
