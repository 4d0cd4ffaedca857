import { InputError, excerpt } from "../../../core/index.ts";

/** Observations per batch of every Statbel parser. */
export const statbelBatchSize = 10_000;

/**
 * A REFNIS (NIS) code in canonical form: five digits with the leading zeros that spreadsheets and R imports drop
 * restored (`2000` is `02000`, the Flemish Region), and `01000`, the kingdom, written `BE` as in our geography.
 * Throws InputError (source, line) for anything that is not a REFNIS code.
 */
export function restoreRefnis(text: string, source: string, line: number): string {
  const t = text.trim();
  if (!/^\d{4,5}$/.test(t)) throw new InputError(source, line, `not a REFNIS code: ${excerpt(text)}`);
  const code = t.padStart(5, "0");
  return code === "01000" ? "BE" : code;
}

/** A parent REFNIS column that may be empty (Brussels has no province; R writes `NA`): null then. */
export function optionalRefnis(text: string, source: string, line: number): string | null {
  const t = text.trim();
  return t === "" || t === "NA" ? null : restoreRefnis(t, source, line);
}

/** Statbel's sex codes (M, F) and our total T. */
export const sexCodes: ReadonlySet<string> = new Set(["M", "F", "T"]);

/** Statbel's nationality groups of the population files: Belgians (BEL) and non-Belgians (ETR). */
export const nationalityCodes: ReadonlySet<string> = new Set(["BEL", "ETR"]);

/** Civil status codes of TF_SOC_POP_STRUCT: 10 never married, 20 married, 30 widowed, 40 divorced. */
export const civilStatusCodes: ReadonlySet<string> = new Set(["10", "20", "30", "40"]);
