// OLS-based CUSUM test of parameter stability (Ploberger and Krämer 1992).
import { InsufficientDataError } from "../core/index.ts";
import { buildBreakDesign, type BreakModelOptions } from "./breakDesign.ts";
import { findRootBrent } from "./brentRoot.ts";
import { fitOls } from "./ols.ts";

export interface CusumOptions extends BreakModelOptions {
  readonly series?: string;
}

export interface CusumResult {
  /** The empirical fluctuation process, n + 1 values starting at 0: process[j] = Σ_{i<j} e_i / (sigma sqrt(n)). */
  readonly process: Float64Array;
  /** S0 = max_j |process[j]| for j = 1..n. */
  readonly statistic: number;
  readonly p: number;
  /** The j (1..n) where |process| is largest: the process peaks after observation j (0-based index j - 1). */
  readonly peak: number;
  /** The 5% critical value of the statistic (boundary of a Brownian bridge), for drawing the band; found with
   * uniroot's tolerance as strucchange's boundary() does, so about 1.3581. */
  readonly critical5: number;
  readonly reading: string;
}

/** P(sup |B(t)| > x) for a Brownian bridge B, as strucchange's pvalue.efp ("Brownian bridge", "max", k = 1). */
export function brownianBridgeMaxPValue(x: number): number {
  if (x < 0.1) return 1;
  // 1 - (1 + 2 Σ (-1)^i exp(-2 i² x²)) written as the alternating series itself, so nothing cancels.
  let p = 0;
  for (let i = 1; i <= 100; i++) p += (i % 2 === 1 ? 2 : -2) * Math.exp(-2 * i * i * x * x);
  return p;
}

/** The level-alpha boundary, found as strucchange's boundary.efp finds it (uniroot on [0, 20]). */
function criticalValue(alpha: number): number {
  return findRootBrent((x) => brownianBridgeMaxPValue(x) - alpha, 0, 20);
}

/**
 * The OLS-CUSUM fluctuation test: cumulated OLS residuals of y ~ 1 (or y ~ trend), scaled by sigma sqrt(n),
 * follow a Brownian bridge under parameter stability; the statistic is their largest absolute value and the
 * p-value the bridge's (series over i = 1..100). Sigma is sd(e) with n - k degrees of freedom. Matches R
 * strucchange::sctest(strucchange::efp(y ~ 1, type = "OLS-CUSUM")) and the efp's process. Reference: Ploberger
 * and Krämer (1992), Econometrica 60(2). Throws InsufficientDataError when n <= k + 1.
 */
export function olsCusumTest(y: Float64Array, options: CusumOptions = {}): CusumResult {
  const series = options.series ?? "y";
  const n = y.length;
  const { columns } = buildBreakDesign(n, options);
  const k = columns.length;
  if (n <= k + 1) throw new InsufficientDataError("cusum", series, n, k + 2);
  const fit = fitOls(y, columns, { intercept: false, series, method: "cusum" });
  const e = fit.residuals;
  let mean = 0;
  for (const v of e) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of e) ss += (v - mean) ** 2;
  const sigma = Math.sqrt(ss / (n - k));
  const scale = sigma * Math.sqrt(n);
  const process = new Float64Array(n + 1);
  let cumulative = 0;
  let statistic = 0;
  let peak = 1;
  for (let j = 1; j <= n; j++) {
    cumulative += e[j - 1] as number;
    const value = cumulative / scale;
    process[j] = value;
    if (Math.abs(value) > statistic) {
      statistic = Math.abs(value);
      peak = j;
    }
  }
  const p = brownianBridgeMaxPValue(statistic);
  const reading =
    (p < 0.05
      ? `The cumulated residuals of ${series} leave the 5% band (S0 = ${statistic.toFixed(3)}, p = ${p < 0.001 ? "< 0.001" : p.toFixed(3)}): the ${k === 1 ? "mean" : "level or trend"} is not stable, with the largest departure after observation ${peak}.`
      : `The cumulated residuals of ${series} stay within the 5% band (S0 = ${statistic.toFixed(3)}, p = ${p.toFixed(3)}): no evidence that the ${k === 1 ? "mean" : "level or trend"} changed.`) +
    " The OLS-CUSUM test is most sensitive to a shift in the mean and weak against changes that leave the mean unchanged; it assumes independent errors and does not date or explain a change.";
  return { process, statistic, p, peak, critical5: criticalValue(0.05), reading };
}
