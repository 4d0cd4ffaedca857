import { fitEts } from "../analysis/exponentialSmoothing.ts";
import { forecastMean } from "../analysis/meanForecast.ts";
import { InsufficientDataError } from "../core/index.ts";
import type { Bounded } from "./quantity.ts";

/** How a series was projected: ETS (A,N,N) as forecast::ets, or the mean forecast for short series. */
export type ProjectionMethod = "ets-ann" | "mean";

/** A projection: one bounded figure per future year, and how it was made. */
export interface Projection {
  readonly method: ProjectionMethod;
  readonly n: number;
  /** Interval level in percent. */
  readonly level: number;
  readonly values: readonly Bounded[];
  readonly reading: string;
}

/** Series with at least this many values get ETS: forecast::ets refuses (A,N,N) below n = 7 (parameters + 5). */
export const etsMinimumLength = 7;

/**
 * Projects an annual series `horizon` years ahead with a prediction interval at `level` percent: simple
 * exponential smoothing, ETS (A,N,N) fitted as forecast::ets (src/analysis/exponentialSmoothing.ts), when the
 * series has at least 7 values; otherwise the mean forecast of forecast::meanf (src/analysis/meanForecast.ts),
 * whose interval assumes independent years. No trend is extrapolated: a level model is what short, shock-driven
 * migration series support, and the back-test (bench/impact) shows how far that goes.
 * @throws InsufficientDataError for fewer than 2 values.
 */
export function projectSeries(values: readonly number[], horizon: number, level: number, series: string): Projection {
  const y = Float64Array.from(values);
  if (y.length < 2) throw new InsufficientDataError("impact projection", series, y.length, 2);
  if (y.length >= etsMinimumLength) {
    const fit = fitEts(y, { model: "simple", horizon, levels: [level], series });
    const band = fit.intervals[0]!;
    const out: Bounded[] = [];
    for (let h = 0; h < horizon; h++) out.push({ value: fit.forecast[h]!, lower: band.lower[h]!, upper: band.upper[h]! });
    return { method: "ets-ann", n: y.length, level, values: out, reading: `ETS (A,N,N) on ${y.length} years, alpha ${fit.parameters.alpha.toPrecision(3)}` };
  }
  const m = forecastMean(y, [level], series);
  const band = m.intervals[0]!;
  const out: Bounded[] = Array.from({ length: horizon }, () => ({ value: m.mean, lower: band.lower, upper: band.upper }));
  return { method: "mean", n: y.length, level, values: out, reading: `mean of ${y.length} years (too short for ETS, which needs ${etsMinimumLength})` };
}
