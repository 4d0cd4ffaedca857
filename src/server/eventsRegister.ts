// The register as the server reads it: loaded and validated once, and again only when a file of the register
// directory changes (validating the whole register takes tens of milliseconds, too long for every request).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { loadRegister } from "../events/register.ts";
import type { PolicyEvent } from "../events/schema.ts";

/** The events and the state they were read in (file names, sizes and modification times), the cache state. */
export interface RegisterSnapshot {
  readonly events: readonly PolicyEvent[];
  readonly state: string;
}

function stateOf(dir: string): string {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort();
  } catch {
    return "unreadable";
  }
  return names.map((n) => {
    const s = statSync(path.join(dir, n));
    return `${n}:${s.size}:${s.mtimeMs}`;
  }).join("|");
}

/**
 * Returns a reader of the register in `dir` that reloads (through loadRegister, so a broken register is an
 * error naming the file and event) only when the directory's files changed since the last read.
 */
export function registerReader(dir: string): () => RegisterSnapshot {
  let cached: RegisterSnapshot | null = null;
  return () => {
    const state = stateOf(dir);
    if (cached === null || cached.state !== state) cached = { events: loadRegister(dir), state };
    return cached;
  };
}
