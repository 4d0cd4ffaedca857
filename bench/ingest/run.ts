// bench/ingest: how fast a large Eurostat bulk TSV goes into the store, against DuckDB's own CSV reader on the
// same file in the same run. Usage: npm run bench (or node --import tsx bench/ingest/run.ts). Writes result.json.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeBulkTsv } from "./make-input.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "out");
mkdirSync(out, { recursive: true });
const input = path.join(out, "migr_imm1ctz_bench.tsv");
if (!existsSync(input)) {
  process.stderr.write("writing the input file...\n");
  const made = await makeBulkTsv(input);
  process.stderr.write(`  ${made.rows} rows, ${made.observations} observations\n`);
}
const child = (script: string, db: string) => {
  const text = execFileSync(process.execPath, ["--import", "tsx", path.join(here, script), input, path.join(out, db)], {
    stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20,
  }).toString();
  return JSON.parse(text.trim().split("\n").pop() ?? "{}") as Record<string, number>;
};
process.stderr.write("DuckDB read_csv reference...\n");
const reference = child("duckdb-reference.ts", "reference.duckdb");
process.stderr.write("migmon ingest...\n");
const ingest = child("ingest-once.ts", "ingest.duckdb");
const observations = ingest.observations ?? 0;
const result = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  inputMB: Math.round(statSync(input).size / 2 ** 20),
  observations,
  migmon: { seconds: ingest.seconds, observationsPerSecond: Math.round(observations / (ingest.seconds ?? 1)), peakRssMB: Math.round(ingest.maxRssMB ?? 0) },
  duckdbReadCsv: { seconds: reference.readCsv, observationsPerSecond: Math.round(observations / (reference.readCsv ?? 1)) },
  duckdbReadCsvUnpivot: { seconds: reference.unpivot, observationsPerSecond: Math.round(observations / (reference.unpivot ?? 1)), peakRssMB: Math.round(reference.maxRssMB ?? 0) },
  ratioToReadCsv: Number(((reference.readCsv ?? 0) / (ingest.seconds ?? 1)).toFixed(3)),
  ratioToReadCsvUnpivot: Number(((reference.unpivot ?? 0) / (ingest.seconds ?? 1)).toFixed(3)),
};
writeFileSync(path.join(here, "result.json"), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
