import type { FlagCode } from "../core/index.ts";
import { flagCodes, parseFlags } from "../core/index.ts";
import type { Lang } from "./language.ts";
import { t } from "./translate.ts";

/** The meaning of one Eurostat/SDMX flag code in a language, e.g. `p` in nl: `voorlopig`. */
export function flagMeaning(code: FlagCode, lang: Lang): string {
  return t(lang, `flag.${code}`);
}

/**
 * The meanings of a flag string as `code: meaning` pairs joined by `, `, in canonical order, e.g. `bep` in en:
 * `b: break in time series, e: estimated, p: provisional` (French puts a no-break space before the colon); the
 * empty string for no flag. Throws FlagError (from
 * src/core) for a letter that is not a flag code.
 */
export function describeFlags(flags: string, lang: Lang): string {
  const canonical = parseFlags(flags);
  return flagCodes
    .filter((code) => canonical.includes(code))
    .map((code) => `${code}${t(lang, "text.colon")}${flagMeaning(code, lang)}`)
    .join(", ");
}
