// One series of `migmon analyse` as the one-series methods use it: its complete values and their periods.
import { UsageError } from "../../core/index.ts";
import type { RegularSeries } from "./analysisInput.ts";
import { completeColumns, periodPosition } from "./analysisRun.ts";
import type { MethodInput } from "./analysisRun.ts";

/** The complete values of a `period,value` input and the period position of each. */
export interface OneSeries {
  readonly y: Float64Array;
  readonly kept: Int32Array;
  readonly series: RegularSeries;
  readonly source: string;
}

/**
 * The complete values of a one-series input, missing values dropped by dropMissing; unless gaps are allowed, the
 * values must be consecutive periods (completeColumns). Throws UsageError for another input shape.
 */
export function oneSeries(method: string, input: MethodInput, allowGaps = false): OneSeries {
  if (input.shape !== "series") throw new UsageError(`${method} reads a period,value CSV`);
  const { columns, kept } = completeColumns(method, input.series, input.source, ["value"], allowGaps);
  return { y: columns[0] as Float64Array, kept, series: input.series, source: input.source };
}

/** The period of a 0-based position in the complete (consecutive) values, or null outside them. */
export function periodAt(s: OneSeries, index: number): string | null {
  if (index < 0 || index >= s.y.length) return null;
  return s.series.periods[(s.kept[0] as number) + index] ?? null;
}

/** The periods of the complete (consecutive) values. */
export function periodsOf(s: OneSeries): string[] {
  return s.series.periods.slice(s.kept[0] as number, (s.kept[0] as number) + s.y.length);
}

/** The 0-based index in the complete values of a period option; UsageError when it lies outside them. */
export function indexOfOption(option: string, value: string | undefined, s: OneSeries): number {
  const index = periodPosition(option, value, s.series) - (s.kept[0] as number);
  if (index < 0 || index >= s.y.length) {
    throw new UsageError(`${option} ${value} lies outside the observed values (${periodAt(s, 0)} to ${periodAt(s, s.y.length - 1)})`);
  }
  return index;
}
