// Test support for the Eurostat parsers: where the real publisher files are (test/shared-data.ts: ../shared/data or
// MIGMON_MIRROR) and inputs made from files or bytes. Lives in test/ because ingest/sources does no I/O.
import { createReadStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Observation, ParseInput, ParsedTable } from "../../src/core/index.ts";
import { readEurostatLabels } from "../../src/ingest/sources/eurostat/codes.ts";
import { makeEurostatParsers } from "../../src/ingest/sources/eurostat/parse.ts";
import { sharedDataDir as sharedDataRoot } from "../shared-data.ts";

/** The folder of the shared publisher files, with a trailing slash. */
export function sharedDataDir(): string {
  return sharedDataRoot.endsWith("/") ? sharedDataRoot : `${sharedDataRoot}/`;
}

/** The path of a file under shared/data/eurostat. */
export function eurostatPath(relative: string): string {
  return `${sharedDataDir()}eurostat/${relative}`;
}

/** A parse input streaming a real file of shared/data/eurostat (named by its relative path). */
export function eurostatFile(relative: string): ParseInput {
  return { name: relative, chunks: createReadStream(eurostatPath(relative), { highWaterMark: 16 * 1024 }) };
}

/** The raw bytes of a real file of shared/data/eurostat. */
export function eurostatBytes(relative: string): Uint8Array {
  return readFileSync(eurostatPath(relative));
}

/** A parse input over bytes, cut into chunks of `chunkSize` (to exercise chunk boundaries). */
export function bytesInput(name: string, bytes: Uint8Array | string, chunkSize = 4096): ParseInput {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return {
    name,
    chunks: (async function* () {
      for (let i = 0; i < data.byteLength; i += chunkSize) yield data.subarray(i, i + chunkSize);
    })(),
  };
}

/** All observations of a parsed table, read batch by batch. */
export async function collect(table: ParsedTable): Promise<Observation[]> {
  const out: Observation[] = [];
  for await (const batch of table.batches) out.push(...batch);
  return out;
}

/** The observation of one series and period, or undefined. */
export function find(observations: readonly Observation[], series: string, period: string): Observation | undefined {
  return observations.find((o) => o.series === series && o.period === period);
}

/** The text of a real file of shared/data/eurostat, as UTF-8. */
export function eurostatText(relative: string): string {
  return readFileSync(eurostatPath(relative), "utf8");
}

/** The path of a file of this repository, from its root. */
export function repositoryPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** The curated label table (data/reference/eurostat-labels.csv), for the parser tests inside ingest/sources, which do no I/O. */
export const curatedLabelsCsv = readFileSync(repositoryPath("data/reference/eurostat-labels.csv"), "utf8");

/** The Eurostat parsers with the curated label table, as src/ingest/formats.ts builds them. */
export const curatedEurostatParsers = makeEurostatParsers(readEurostatLabels(curatedLabelsCsv, "data/reference/eurostat-labels.csv"));
