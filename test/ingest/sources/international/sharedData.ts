import { createReadStream, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Observation, ParseInput, ParsedTable } from "../../../../src/core/index.ts";
import { sharedDataDir as sharedDataRoot } from "../../../shared-data.ts";

/** The directory of the publishers' real files (test/shared-data.ts: MIGMON_MIRROR or ../shared/data), with a trailing slash. */
export function sharedDataDir(): string {
  return sharedDataRoot.endsWith("/") ? sharedDataRoot : `${sharedDataRoot}/`;
}

/** The path of a real file under the shared data directory; throws when it is not there. */
export function sharedDataPath(relative: string): string {
  const path = `${sharedDataDir()}${relative}`;
  if (!existsSync(path)) throw new Error(`shared data file missing: ${path}`);
  return path;
}

/** A real shared file as parser input, streamed from disk. */
export function sharedDataInput(relative: string): ParseInput {
  const path = sharedDataPath(relative);
  return { name: relative.split("/").pop() ?? relative, chunks: createReadStream(path) };
}

/** A local fixture of test/fixtures/ as parser input. */
export function fixtureInput(relative: string): ParseInput {
  const path = fileURLToPath(new URL(`../../../fixtures/${relative}`, import.meta.url));
  return { name: relative.split("/").pop() ?? relative, chunks: createReadStream(path) };
}

/** Text as parser input (for small malformed inputs written in a test). */
export function textInput(name: string, text: string): ParseInput {
  const bytes = new TextEncoder().encode(text);
  return { name, chunks: (async function* () { yield bytes; })() };
}

/** Every observation of a parsed table, in order. */
export async function collect(table: ParsedTable): Promise<Observation[]> {
  const out: Observation[] = [];
  for await (const batch of table.batches) for (const o of batch) out.push(o);
  return out;
}

/** The sum of the values of the observations that satisfy a predicate (nulls skipped), and how many matched. */
export function sumWhere(observations: readonly Observation[], keep: (o: Observation) => boolean): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (const o of observations) {
    if (!keep(o)) continue;
    n += 1;
    if (o.value !== null) sum += o.value;
  }
  return { sum, n };
}
