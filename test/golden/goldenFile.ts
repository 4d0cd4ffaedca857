// Reading a committed golden JSON file from a test, wherever the tests run from.
import { readFileSync } from "node:fs";

/** Parses test/golden/<method>/<file>.json. */
export function readGolden<T>(method: string, file: string): T {
  const url = new URL(`./${method}/${file}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

