import { InputError, InsufficientDataError, UsageError } from "../core/index.ts";

/** Options of {@link detectEwmaAlerts}. */
export interface EwmaOptions {
  /** Smoothing weight of the newest observation, 0 < lambda <= 1 (default 0.2). */
  readonly lambda?: number;
  /** Width of the control limits in standard deviations of the EWMA statistic (default 3). */
  readonly L?: number;
  /** In-control mean; default the mean of the baseline observations. */
  readonly target?: number;
  /** In-control standard deviation of one observation; default estimated from the baseline. */
  readonly sigma?: number;
  /** How sigma is estimated from the baseline: mean moving range / d2(2) (default, robust to a slow drift) or the sample standard deviation. */
  readonly sigmaEstimator?: "moving-range" | "sd";
  /** Number of leading observations that define the in-control state (default all). */
  readonly baseline?: number;
  /** Use the asymptotic limits instead of the exact ones that widen over the first periods. */
  readonly asymptotic?: boolean;
  /** Period labels, one per observation, copied into the alerts. */
  readonly periods?: readonly string[];
  readonly series?: string;
}

/** One observation whose EWMA is outside its control limits. */
export interface EwmaAlert {
  readonly index: number;
  readonly period: string | null;
  readonly value: number;
  readonly statistic: number;
  readonly lower: number;
  readonly upper: number;
  readonly direction: "above" | "below";
}

/** The EWMA chart: statistic and limits per observation, and the alerts. */
export interface EwmaResult {
  readonly statistic: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly target: number;
  readonly sigma: number;
  readonly lambda: number;
  readonly L: number;
  readonly alerts: readonly EwmaAlert[];
  readonly reading: string;
}

/** d2 for subgroups of two: the expected range of two standard normal draws, 2 / sqrt(pi). */
const D2_OF_TWO = 2 / Math.sqrt(Math.PI);

/**
 * Exponentially weighted moving average control chart (Roberts 1959): z_t = lambda x_t + (1 - lambda) z_{t-1},
 * z_0 = target, with limits target +/- L sigma sqrt(lambda / (2 - lambda) (1 - (1 - lambda)^(2t))) (the exact
 * variance; Lucas and Saccucci 1990 tabulate lambda and L, e.g. lambda 0.2 with L 2.962 or lambda 0.1 with L 2.814
 * for an in-control average run length of 500, which R's spc::xewma.arl confirms: 499.7 and 499.6). An alert is every period whose statistic lies outside its limits. Matches the recursive filter
 * stats::filter(lambda x, 1 - lambda, "recursive", init = target) in R with the same limits.
 * @throws UsageError when lambda is not in (0, 1], L or sigma is not positive, or the baseline is out of range.
 * @throws InsufficientDataError when the baseline has fewer than 2 observations (sigma cannot be estimated).
 * @throws InputError when a value is not finite or the periods do not match the values.
 */
export function detectEwmaAlerts(x: Float64Array, options: EwmaOptions = {}): EwmaResult {
  const series = options.series ?? "series";
  const lambda = options.lambda ?? 0.2;
  const L = options.L ?? 3;
  const n = x.length;
  if (!(lambda > 0 && lambda <= 1)) throw new UsageError(`EWMA lambda must be in (0, 1], got ${lambda}`);
  if (!(L > 0)) throw new UsageError(`EWMA L must be positive, got ${L}`);
  const bad = x.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InputError(series, undefined, `value at position ${bad} is missing or not finite`);
  if (options.periods !== undefined && options.periods.length !== n) {
    throw new InputError(series, undefined, `${options.periods.length} periods for ${n} values`);
  }
  const baseline = options.baseline ?? n;
  if (!Number.isInteger(baseline) || baseline > n || baseline < 1) throw new UsageError(`EWMA baseline must be a whole number from 1 to ${n}, got ${baseline}`);
  const needsEstimate = options.target === undefined || options.sigma === undefined;
  if (needsEstimate && baseline < 2) throw new InsufficientDataError("EWMA (baseline)", series, baseline, 2);
  const base = x.subarray(0, baseline);
  const target = options.target ?? base.reduce((s, v) => s + v, 0) / baseline;
  const sigma = options.sigma ?? estimateSigma(base, options.sigmaEstimator ?? "moving-range");
  if (!(sigma > 0)) throw new UsageError(`EWMA sigma must be positive, got ${sigma} for ${series}`);

  const statistic = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const alerts: EwmaAlert[] = [];
  let z = target;
  for (let t = 0; t < n; t++) {
    z = lambda * x[t]! + (1 - lambda) * z;
    const factor = options.asymptotic ? lambda / (2 - lambda) : (lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * (t + 1)));
    const half = L * sigma * Math.sqrt(factor);
    statistic[t] = z;
    lower[t] = target - half;
    upper[t] = target + half;
    if (z > upper[t]! || z < lower[t]!) {
      alerts.push({ index: t, period: options.periods?.[t] ?? null, value: x[t]!, statistic: z, lower: lower[t]!, upper: upper[t]!, direction: z > upper[t]! ? "above" : "below" });
    }
  }
  return { statistic, lower, upper, target, sigma, lambda, L, alerts, reading: readEwma(alerts, n, target, lambda, L, baseline) };
}

function estimateSigma(base: Float64Array, estimator: "moving-range" | "sd"): number {
  const n = base.length;
  if (estimator === "sd") {
    const mean = base.reduce((s, v) => s + v, 0) / n;
    return Math.sqrt(base.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  }
  let range = 0;
  for (let t = 1; t < n; t++) range += Math.abs(base[t]! - base[t - 1]!);
  return range / (n - 1) / D2_OF_TWO;
}

function readEwma(alerts: readonly EwmaAlert[], n: number, target: number, lambda: number, L: number, baseline: number): string {
  const label = (a: EwmaAlert): string => a.period ?? `observation ${a.index + 1}`;
  const band = `the band around ${target.toPrecision(4)} (lambda ${lambda}, L ${L}, in-control state from the first ${baseline} observations)`;
  const caveat =
    " An alert says the level moved away from the in-control state, not why; seasonal series should be charted " +
    "after removing the season (for example the STL remainder), and a trend in the baseline makes alerts meaningless.";
  if (alerts.length === 0) return `None of the ${n} observations takes the EWMA outside ${band}.${caveat}`;
  const first = alerts[0]!;
  const last = alerts[alerts.length - 1]!;
  return (
    `The EWMA is outside ${band} in ${alerts.length} of ${n} periods, first in ${label(first)} (${first.direction}) ` +
    `and last in ${label(last)} (${last.direction}).${caveat}`
  );
}
