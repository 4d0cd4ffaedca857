// A laid-out series (src/analysis/layOutSeries.ts) as the analysis methods served take it: the complete values
// taken through dropMissing, the analysis' one rule for missing values, and periods named in query parameters.
import { InputError, UsageError, parsePeriod } from "../core/index.ts";
import type { Period } from "../core/index.ts";
import type { LaidOutSeries } from "../analysis/layOutSeries.ts";
import { dropMissing } from "../analysis/missing.ts";

/** The complete values of a series and the position of each in `periods`. */
export interface CompleteValues {
  readonly y: Float64Array;
  readonly kept: Int32Array;
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
