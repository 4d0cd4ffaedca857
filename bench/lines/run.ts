// How long the shared line reader takes for one long line, against the figures of issue 17 for the readers it
// replaced (16/32/64/128 MiB lines: 3.1/10.8/20.5/147 s; a 261 kB gzip holding a 256 MB line: past 400 s).
//   node --import tsx bench/lines/run.ts
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { readLines } from "../../src/ingest/sources/input/lines.ts";
import { defaultInputLimits } from "../../src/ingest/sources/input/limits.ts";

const mebibyte = 1024 * 1024;

/** The bytes `head\n<line of n bytes>\n` in chunks of 1 MiB, as the pipeline reads a file. */
async function* longLine(bytes: number): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode("head\n");
  const chunk = new Uint8Array(mebibyte).fill(0x61);
  for (let left = bytes; left > 0; left -= mebibyte) yield left >= mebibyte ? chunk : chunk.subarray(0, left);
  yield new TextEncoder().encode("\n");
}

async function* inChunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += mebibyte) yield bytes.subarray(i, i + mebibyte);
}

async function timeRead(name: string, chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): Promise<{ ms: number; outcome: string }> {
  const started = performance.now();
  let outcome = "";
  try {
    let longest = 0;
    for await (const line of readLines({ name, chunks, limits: { ...defaultInputLimits, maxLineBytes } })) longest = Math.max(longest, line.text.length);
    outcome = `read, longest line ${longest} characters`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message}`;
  }
  return { ms: Math.round(performance.now() - started), outcome };
}

const rows: Array<{ case: string; ms: number; outcome: string }> = [];
for (const mib of [16, 32, 64, 128]) {
  rows.push({ case: `${mib} MiB line, limit raised to 256 MiB`, ...(await timeRead(`line${mib}.tsv`, longLine(mib * mebibyte), 256 * mebibyte)) });
}
rows.push({ case: "64 MiB line, default limit (16 MiB)", ...(await timeRead("line64.tsv", longLine(64 * mebibyte), defaultInputLimits.maxLineBytes)) });
const bomb = gzipSync(Buffer.concat([Buffer.from("head\n"), Buffer.alloc(256 * 1000 * 1000, 0x61), Buffer.from("\n")]), { level: 9 });
rows.push({ case: `gzip of ${bomb.length} bytes holding a 256 MB line, default limit`, ...(await timeRead("bomb.tsv.gz", inChunks(bomb), defaultInputLimits.maxLineBytes)) });
for (const row of rows) process.stdout.write(`${row.case}: ${row.ms} ms, ${row.outcome}\n`);
writeFileSync(fileURLToPath(new URL("./result.json", import.meta.url)), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
