// One series of the store laid out for the analysis methods: every period from the first to the last (years,
// halves, quarters, months), a period without a figure being a missing value (null, never 0), and the complete
// values taken through dropMissing, the analysis' one rule for missing values.
import { InputError, UsageError, formatPeriod, parsePeriod, parsePeriodParts } from "../core/index.ts";
import type { Observation, Period, PeriodParts } from "../core/index.ts";
import { dropMissing } from "../analysis/missing.ts";

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

/** The complete values of a series and the position of each in `periods`. */
export interface CompleteValues {
  readonly y: Float64Array;
  readonly kept: Int32Array;
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

/**
 * The complete values of a series. Unless gaps are allowed they must be consecutive periods: missing values at
 * the start or end are dropped, one inside is an InputError (422) naming the period, since a method over lags or
 * segments cannot skip it without shifting them.
 */
export function completeValues(method: string, series: LaidOutSeries, allowGaps: boolean): CompleteValues {
  const { columns, kept } = dropMissing(series.values);
  if (!allowGaps) {
    for (let i = 1; i < kept.length; i++) {
      const before = kept[i - 1] as number;
      if ((kept[i] as number) !== before + 1) {
        throw new InputError(series.label, undefined, `${method} needs consecutive periods, but ${series.periods[before + 1]} has no value`);
      }
    }
  }
  return { y: columns[0], kept };
}

/**
 * The 0-based index among the complete values of the period given in query parameter `name`. Throws UsageError
 * (400) naming the parameter when the period is not one of the series' observed values.
 */
export function indexOfPeriod(name: string, text: string, series: LaidOutSeries, complete: CompleteValues): number {
  const period = parsePeriod(text);
  const position = series.periods.indexOf(period);
  const index = position < 0 ? -1 : complete.kept.indexOf(position);
  if (index < 0) {
    const first = series.periods[complete.kept[0] ?? 0];
    const last = series.periods[complete.kept[complete.kept.length - 1] ?? 0];
    throw new UsageError(`query parameter ${name}: ${period} is not an observed period of ${series.label} (${first} to ${last})`);
  }
  return index;
}

/** The period of a 0-based index among the complete values. */
export function periodOfIndex(series: LaidOutSeries, complete: CompleteValues, index: number): Period | null {
  const position = complete.kept[index];
  return position === undefined ? null : series.periods[position] ?? null;
}
