// The series an assessment reads: one regular series with its flags and what is known of its definition.
import type { Period, Titles } from "../core/index.ts";

/** A known break in the definition of an indicator or a dataset (catalogue `breaks`). */
export interface DefinitionBreak {
  /** The date the new definition applies from (YYYY-MM-DD, or coarser). */
  readonly date: string;
  /** Where the break is declared, e.g. `indicator net-migration` or `dataset eurostat:demo_r_gind3`. */
  readonly source: string;
  /** The explanation, in three languages where the catalogue gives them, else one text as written. */
  readonly explanation: Titles | string;
}

/**
 * One series as the assessment reads it: every period from the first to the last (a period without a figure has
 * value null, never 0), the flag string of each, and what links it to the register and the catalogues.
 */
export interface AssessedSeries {
  /** Names the series in readings and messages, e.g. `net-migration BE` or `eurostat:demo_r_gind3 CNMIGRAT.BE`. */
  readonly label: string;
  readonly periods: readonly Period[];
  readonly values: readonly (number | null)[];
  readonly flags: readonly string[];
  /** The catalogue indicator id, named in the result; null when the series is not an indicator. */
  readonly indicator: string | null;
  /** The register's ids for this indicator (registerIndicatorIds), matched against an event's `indicators`; null
   * when unknown (a series straight from the store or a CSV). */
  readonly registerIndicators: readonly string[] | null;
  /** The area code, used to match register events (`geography`); null when unknown. */
  readonly geo: string | null;
  /** Known definition breaks of the indicator and of the datasets it is read from. */
  readonly definitionBreaks: readonly DefinitionBreak[];
}
