// bench/eurostat/parse-tsv: how fast parseEurostatTsv reads a large bulk TSV (bytes -> observations, no store),
// against DuckDB's read_csv of the same file in the same process. Usage:
//   node --import tsx bench/eurostat/parse-tsv.ts [file.tsv]
// Without a file it writes bench/eurostat/out/bulk-5m.tsv: a layout like migr_imm1ctz (7 dimensions, 25 years
// newest first, `value flag` cells, 5 % `: `) with 200,000 rows x 25 = 5,000,000 observations from a seeded
// generator. Prints one JSON object; wall seconds and CPU seconds (all threads, DuckDB reads in parallel).
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseEurostatTsv } from "../../src/ingest/sources/eurostat/parse-tsv.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

async function writeInput(file: string): Promise<void> {
  const years = Array.from({ length: 25 }, (_, i) => 2023 - i);
  let seed = 5_000_000;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const out = createWriteStream(file);
  out.write(`freq,citizen,agedef,age,unit,sex,geo\\TIME_PERIOD\t${years.map((y) => `${y} `).join("\t")}\n`);
  for (let row = 0; row < 200_000; row++) {
    const cells: string[] = [];
    for (let y = 0; y < years.length; y++) {
      const r = random();
      cells.push(r < 0.05 ? ": " : r < 0.06 ? `${Math.floor(r * 1e5)} p` : `${Math.floor(r * 1e5)} `);
    }
    const line = `A,C${row % 250},COMPLET,Y${row % 20},NR,${"FMT"[row % 3]},G${Math.floor(row / 5000)}\t${cells.join("\t")}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

let file = process.argv[2];
if (!file) {
  mkdirSync(path.join(here, "out"), { recursive: true });
  file = path.join(here, "out", "bulk-5m.tsv");
  if (!existsSync(file)) await writeInput(file);
}

const cpuAtStart = process.cpuUsage();
const started = process.hrtime.bigint();
const table = await parseEurostatTsv({ name: file, chunks: createReadStream(file, { highWaterMark: 1 << 20 }) });
let observations = 0;
for await (const batch of table.batches) observations += batch.length;
const migmonSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const migmonRssMB = process.memoryUsage().rss / 2 ** 20;
const migmonCpu = process.cpuUsage(cpuAtStart);

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const cpuBeforeDuckdb = process.cpuUsage();
const t = process.hrtime.bigint();
await connection.run(`CREATE TABLE wide AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', delim = '\t', header = true, all_varchar = true)`);
const duckdbSeconds = Number(process.hrtime.bigint() - t) / 1e9;
const duckdbCpu = process.cpuUsage(cpuBeforeDuckdb);
const cpuSeconds = (u: NodeJS.CpuUsage) => Number(((u.user + u.system) / 1e6).toFixed(2));
connection.closeSync();

process.stdout.write(`${JSON.stringify({
  inputMB: Math.round(statSync(file).size / 2 ** 20), observations,
  parseEurostatTsv: { seconds: Number(migmonSeconds.toFixed(2)), observationsPerSecond: Math.round(observations / migmonSeconds), cpuSeconds: cpuSeconds(migmonCpu), rssMB: Math.round(migmonRssMB) },
  duckdbReadCsv: { seconds: Number(duckdbSeconds.toFixed(2)), observationsPerSecond: Math.round(observations / duckdbSeconds), cpuSeconds: cpuSeconds(duckdbCpu) },
  ratio: Number((duckdbSeconds / migmonSeconds).toFixed(3)),
}, null, 2)}\n`);
