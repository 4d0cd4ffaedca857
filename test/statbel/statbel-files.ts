import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Observation, ParseInput, ParsedTable } from "../../src/core/index.ts";
import { sharedData } from "../shared-data.ts";

/** A real Statbel file of the mirror as parser input (streamed, named by its file name). */
export function statbelInput(relative: string): ParseInput {
  return { name: path.basename(relative), chunks: createReadStream(sharedData(`statbel/${relative}`)) };
}

/** Parser input from text held in memory (for the small malformed-input cases). */
export function textInput(name: string, text: string): ParseInput {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode(text);
  }
  return { name, chunks: chunks() };
}

/** All observations of a parsed table. */
export async function collect(table: ParsedTable): Promise<Observation[]> {
  const out: Observation[] = [];
  for await (const batch of table.batches) out.push(...batch);
  return out;
}

/** The text of a real Statbel file (gunzipped when it is gzip), for sums computed by a plain split. */
export function statbelText(relative: string): string {
  const bytes = readFileSync(sharedData(`statbel/${relative}`));
  return (relative.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
}
