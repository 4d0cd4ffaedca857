import { MigmonError, excerpt } from "./errors.ts";

/**
 * The observation status codes of Eurostat and SDMX, kept on every observation (DESIGN.md §3). `m` is the SDMX
 * cross-domain code list CL_OBS_STATUS "M: missing value; data cannot exist", which Eurostat's data browser
 * exports print beside an empty value (tps00171, Denmark 2017).
 * A set of flags is written as the codes in this order, e.g. `bep`; the empty string means no flag.
 */
export const flagMeanings = {
  b: "break in time series",
  c: "confidential",
  d: "definition differs",
  e: "estimated",
  f: "forecast",
  m: "missing value; data cannot exist",
  n: "not significant",
  p: "provisional",
  r: "revised",
  s: "Eurostat estimate",
  u: "low reliability",
  z: "not applicable",
} as const;

export type FlagCode = keyof typeof flagMeanings;
export const flagCodes = Object.keys(flagMeanings) as FlagCode[];

/** Thrown for a flag letter that is not an Eurostat/SDMX status code; the caller adds the file and line. */
export class FlagError extends MigmonError {}

/**
 * Reads publisher flag text (`bep`, `p`, `b e`, `B`, `` ) into the canonical flag string: the distinct codes,
 * lower case, in the order of `flagCodes`. Throws FlagError naming the letter that is not a known code.
 */
export function parseFlags(text: string): string {
  if (text === "") return "";
  let mask = 0;
  for (const ch of text.toLowerCase()) {
    if (ch === " " || ch === ",") continue;
    const i = flagCodes.indexOf(ch as FlagCode);
    if (i < 0) throw new FlagError(`unknown flag ${JSON.stringify(ch)} in ${excerpt(text)}`);
    mask |= 1 << i;
  }
  let out = "";
  for (let i = 0; i < flagCodes.length; i++) if (mask & (1 << i)) out += flagCodes[i];
  return out;
}

/** The union of several canonical flag strings, in canonical order. */
export function mergeFlags(...sets: string[]): string {
  return parseFlags(sets.join(""));
}

/** Whether a canonical flag string contains a code. */
export function hasFlag(flags: string, code: FlagCode): boolean {
  return flags.includes(code);
}
