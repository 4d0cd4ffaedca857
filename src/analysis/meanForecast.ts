import { InputError, InsufficientDataError, UsageError } from "../core/index.ts";
import { tQuantile } from "./distributions.ts";

/** A forecast interval at one level (percent). */
export interface MeanForecastInterval {
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
}

/** The mean forecast: one value for every horizon, with its prediction intervals. */
export interface MeanForecastResult {
  readonly mean: number;
  /** Sample standard deviation (n - 1 in the denominator), as R's sd(). */
  readonly sd: number;
  readonly n: number;
  /** The same at every horizon: the iid model has no memory. */
  readonly intervals: readonly MeanForecastInterval[];
  readonly reading: string;
}

/**
 * Forecasts every future value by the mean of the series, with the t prediction interval
 * mean ± t(1 - (1 - level/100)/2, n - 1) · sd · sqrt(1 + 1/n), as R's forecast::meanf(y, h, level). Used where a
 * series is too short for ETS: it assumes independent draws around a constant level, which the reading says.
 * @throws InsufficientDataError for fewer than 2 values; InputError for a value that is not finite;
 * UsageError for a level outside (0, 100).
 */
export function forecastMean(y: Float64Array, levels: readonly number[] = [80, 95], series = "series"): MeanForecastResult {
  const n = y.length;
  if (n < 2) throw new InsufficientDataError("mean forecast", series, n, 2);
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InputError(series, undefined, `value at position ${bad} is missing or not finite; the mean forecast needs a complete series`);
  for (const level of levels) if (!(level > 0 && level < 100)) throw new UsageError(`mean forecast interval level must be between 0 and 100, got ${level}`);
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const intervals = levels.map((level) => {
    const w = tQuantile(1 - (1 - level / 100) / 2, n - 1) * sd * Math.sqrt(1 + 1 / n);
    return { level, lower: mean - w, upper: mean + w };
  });
  const reading = `Mean of ${n} values, ${mean.toPrecision(6)}, forecast for every horizon; the interval assumes independent values around a constant level (no trend, no autocorrelation), so it is too narrow for a trending series.`;
  return { mean, sd, n, intervals, reading };
}
