// Reading a committed golden JSON file and the real-data directory from a test, wherever the tests run from.
import { readFileSync } from "node:fs";

/** Parses test/golden/<method>/<file>.json. */
export function readGolden<T>(method: string, file: string): T {
  const url = new URL(`./${method}/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

/** A JSON number array as written by R (NA as null) turned into the analysis input type. */
export function toNullable(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : v));
}
