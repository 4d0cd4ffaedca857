// Placebo dates: the same interrupted time series at every other admissible date, to see how unusual the level
// change at the event's date is for this series.
import { interruptedTimeSeries } from "../analysis/interruptedTimeSeries.ts";
import type { ItsOptions } from "../analysis/interruptedTimeSeries.ts";

/** The level change the ITS finds when a date that is not the event's is taken as the intervention. */
export interface PlaceboDate {
  /** Position of the placebo's first "post" period in the laid-out series. */
  readonly position: number;
  readonly levelChange: number;
}

/** The placebo distribution and the empirical p-value of the actual level change. */
export interface PlaceboResult {
  readonly dates: readonly PlaceboDate[];
  /** Placebo level changes at least as large in absolute value as the actual one. */
  readonly atLeastAsLarge: number;
  /** atLeastAsLarge / number of placebo dates; null when no placebo date is admissible. */
  readonly p: number | null;
}

/**
 * Runs interruptedTimeSeries with the same values, positions and options at every admissible placebo date: each
 * position holding a value with at least 3 values before it and at least 3 from it on (the ITS minimum), except the
 * actual intervention position. The empirical p is the share of placebo level changes whose absolute value is at
 * least that of `actualLevelChange` (Abadie, Diamond and Hainmueller's in-time placebo idea applied to one series;
 * with n values there are at most n - 6 placebos, so the smallest p it can give is 1 / (n - 6)). Throws what
 * interruptedTimeSeries throws for a placebo date (a collinear design cannot arise at an admissible date).
 */
export function runPlaceboDates(
  y: Float64Array,
  positions: Int32Array,
  actualPosition: number,
  actualLevelChange: number,
  options: Omit<ItsOptions, "interventionIndex" | "positions">,
): PlaceboResult {
  const dates: PlaceboDate[] = [];
  for (let r = 3; r <= y.length - 3; r++) {
    const position = positions[r] as number;
    if (position === actualPosition) continue;
    const fit = interruptedTimeSeries(y, { ...options, positions, interventionIndex: position });
    dates.push({ position, levelChange: fit.levelChange.estimate });
  }
  const threshold = Math.abs(actualLevelChange);
  // A placebo equal to the actual change up to rounding counts as "at least as large".
  const atLeastAsLarge = dates.filter((d) => Math.abs(d.levelChange) >= threshold * (1 - 1e-12)).length;
  return { dates, atLeastAsLarge, p: dates.length === 0 ? null : atLeastAsLarge / dates.length };
}
