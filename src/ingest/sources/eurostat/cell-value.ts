import { FlagError, InputError, parseFlags } from "../../../core/index.ts";

/**
 * Reads a plain decimal number (`-12`, `3.5`, `.5`, `1e-3`, `+7`) with a character scan, so that `12a`, `1,5`,
 * `0x10`, `Infinity` or an empty string give undefined instead of whatever Number() would make of them.
 */
export function readDecimal(text: string): number | undefined {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  if (c === 43 || c === 45) i++;
  let digits = 0;
  while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) { i++; digits++; }
  if (i < n && text.charCodeAt(i) === 46) {
    i++;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) { i++; digits++; }
  }
  if (digits === 0) return undefined;
  if (i < n && (text.charCodeAt(i) | 32) === 101) {
    i++;
    c = text.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    let exponent = 0;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) { i++; exponent++; }
    if (exponent === 0) return undefined;
  }
  if (i !== n) return undefined;
  return Number(text);
}

/**
 * Reads publisher flag text into canonical flags (see core parseFlags), caching the answers because a file
 * repeats a handful of flag strings millions of times. Throws InputError naming the source and line for a
 * letter that is not an Eurostat/SDMX status code.
 */
export class FlagReader {
  private readonly cache = new Map<string, string>([["", ""]]);
  constructor(private readonly source: string) {}

  /** Canonical flags of `text`; `line` is used in the error message. */
  read(text: string, line: number | undefined): string {
    const known = this.cache.get(text);
    if (known !== undefined) return known;
    let flags: string;
    try {
      flags = parseFlags(text);
    } catch (error) {
      if (error instanceof FlagError) throw new InputError(this.source, line, error.message);
      throw error;
    }
    if (this.cache.size < 1000) this.cache.set(text, flags);
    return flags;
  }
}
