// Child process: ingests the benchmark file into a fresh store and prints one JSON line with time and peak memory.
import { rmSync } from "node:fs";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";

const [file, db] = process.argv.slice(2) as [string, string];
rmSync(db, { force: true });
rmSync(`${db}.wal`, { force: true });
const store = await openDuckDbStore(db);
const entry = findEntry(await loadCatalogue(), "eurostat:migr_imm1ctz");
let last = 0;
const started = process.hrtime.bigint();
const result = await ingestFile({
  store, entry, file, format: "tsv",
  onProgress: (n) => { if (n - last >= 1_000_000) { last = n; process.stderr.write(`  ${n} observations\n`); } },
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await store.close();
process.stdout.write(`${JSON.stringify({ seconds, observations: result.release.observations, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
