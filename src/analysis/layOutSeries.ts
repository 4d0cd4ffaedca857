// One series' observations laid out on its calendar: every period from the first to the last (years, halves,
// quarters, months), a period without a figure being a missing value (null, never 0), so that the methods and the
// assessment read the same positions whether the series comes from the store, an indicator or a file.
import { InputError, formatPeriod, parsePeriodParts } from "../core/index.ts";
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

const perYear: Partial<Record<PeriodParts["kind"], number>> = { year: 1, half: 2, quarter: 4, month: 12 };

function ordinal(p: PeriodParts, frequency: number): number {
  return p.year * frequency + (frequency === 1 ? 0 : p.sub - 1);
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
  const frequency = kind === undefined ? null : perYear[kind] ?? null;
  if (frequency === null || kind === undefined) {
    return { label, periods: observations.map((o) => o.period), values: observations.map((o) => o.value), flags: observations.map((o) => o.flags), frequency };
  }
  const first = ordinal(parts[0] as PeriodParts, frequency);
  const length = ordinal(parts[parts.length - 1] as PeriodParts, frequency) - first + 1;
  const values = new Array<number | null>(length).fill(null);
  const flags = new Array<string>(length).fill("");
  observations.forEach((o, i) => {
    const at = ordinal(parts[i] as PeriodParts, frequency) - first;
    values[at] = o.value;
    flags[at] = o.flags;
  });
  const periods = Array.from({ length }, (_, i) => {
    const n = first + i;
    return formatPeriod({ kind, year: Math.floor(n / frequency), sub: frequency === 1 ? 0 : (n % frequency) + 1, day: 0 });
  });
  return { label, periods, values, flags, frequency };
}
