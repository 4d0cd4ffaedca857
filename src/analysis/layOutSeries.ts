// One series' observations laid out on its calendar: every period from the first to the last (years, halves,
// quarters, months), a period without a figure being a missing value (null, never 0), so that the methods and the
// assessment read the same positions whether the series comes from the store, an indicator or a file.
import { InputError, parsePeriodParts, periodAtOrdinal, periodOrdinal, periodsPerYear } from "../core/index.ts";
import type { Observation, Period, PeriodParts } from "../core/index.ts";

/** A series on a regular calendar: `values[i]` and `flags[i]` belong to `periods[i]`. */
export interface LaidOutSeries {
  /** Names the series in messages: `<dataset> <series key>`. */
  readonly label: string;
  readonly periods: readonly Period[];
  readonly values: readonly (number | null)[];
  readonly flags: readonly string[];
  /** Observations per year (1, 2, 4, 12), null for weeks and days, which are kept as observed. */
  readonly frequency: number | null;
}

/**
 * Lays out one series' observations (in period order) on its calendar. Throws InputError (422) when the series
 * mixes period kinds, which no method can read as one series.
 */
export function layOutSeries(label: string, observations: readonly Observation[]): LaidOutSeries {
  const parts = observations.map((o) => parsePeriodParts(o.period));
  const kind = parts[0]?.kind;
  const mixed = parts.find((p) => p.kind !== kind);
  if (mixed !== undefined) throw new InputError(label, undefined, `the series mixes ${kind} and ${mixed.kind} periods`);
  const frequency = kind === undefined ? null : periodsPerYear(kind);
  if (frequency === null || kind === undefined) {
    return { label, periods: observations.map((o) => o.period), values: observations.map((o) => o.value), flags: observations.map((o) => o.flags), frequency };
  }
  const first = periodOrdinal(parts[0] as PeriodParts);
  const length = periodOrdinal(parts[parts.length - 1] as PeriodParts) - first + 1;
  const values = new Array<number | null>(length).fill(null);
  const flags = new Array<string>(length).fill("");
  observations.forEach((o, i) => {
    const at = periodOrdinal(parts[i] as PeriodParts) - first;
    values[at] = o.value;
    flags[at] = o.flags;
  });
  const periods = Array.from({ length }, (_, i) => periodAtOrdinal(kind, first + i));
  return { label, periods, values, flags, frequency };
}
