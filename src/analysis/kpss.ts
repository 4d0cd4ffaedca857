// The KPSS stationarity test.
import { InsufficientDataError, MigmonError } from "../core/index.ts";

/** Options of kpssTest. */
export interface KpssOptions {
  /** "c": stationary around a level (default); "ct": around a linear trend. */
  readonly regression?: "c" | "ct";
  /**
   * Bartlett-window lags of the long-run variance: "auto" (default, Hobijn, Franses & Ooms 1998), "legacy"
   * (ceil(12 (n / 100)^(1/4))) or a number below n.
   */
  readonly lags?: number | "auto" | "legacy";
  readonly series?: string;
}

/** What kpssTest found. */
export interface KpssResult {
  readonly statistic: number;
  /**
   * The p-value interpolated in the KPSS (1992) table, which only spans 0.01 to 0.10: at those ends it is a
   * bound (see pBound), not the p-value.
   */
  readonly p: number;
  /** "exact" inside the table; "at most" when p is 0.01 (smaller in truth); "at least" when p is 0.10. */
  readonly pBound: "exact" | "at most" | "at least";
  readonly lags: number;
  readonly nobs: number;
  readonly regression: "c" | "ct";
  readonly criticalValues: { readonly "10%": number; readonly "5%": number; readonly "2.5%": number; readonly "1%": number };
  readonly reading: string;
}

const P_VALUES = [0.1, 0.05, 0.025, 0.01];
const CRITICAL: Record<"c" | "ct", readonly number[]> = {
  c: [0.347, 0.463, 0.574, 0.739],
  ct: [0.119, 0.146, 0.176, 0.216],
};

function detrendedResiduals(x: Float64Array, trend: boolean): Float64Array {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  if (!trend) return x.map((v) => v - mean);
  // OLS on 1 and t = 1..n in closed form: slope = sum (t - tbar)(x - xbar) / sum (t - tbar)^2.
  const tMean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dt = i + 1 - tMean;
    sxy += dt * ((x[i] as number) - mean);
    sxx += dt * dt;
  }
  const slope = sxy / sxx;
  return x.map((v, i) => v - mean - slope * (i + 1 - tMean));
}

function autocovarianceSum(e: Float64Array, lag: number): number {
  let s = 0;
  for (let t = lag; t < e.length; t++) s += (e[t] as number) * (e[t - lag] as number);
  return s;
}

/** The automatic lag of Hobijn, Franses & Ooms (1998) as statsmodels' _kpss_autolag. */
function automaticLags(e: Float64Array): number {
  const n = e.length;
  const covarianceLags = Math.trunc(Math.pow(n, 2 / 9));
  let s0 = autocovarianceSum(e, 0) / n;
  let s1 = 0;
  for (let i = 1; i <= covarianceLags; i++) {
    const product = autocovarianceSum(e, i) / (n / 2);
    s0 += product;
    s1 += i * product;
  }
  const ratio = s1 / s0;
  const gamma = 1.1447 * Math.pow(ratio * ratio, 1 / 3);
  return Math.trunc(gamma * Math.pow(n, 1 / 3));
}

/** Linear interpolation in an increasing table, clamped at its ends (numpy.interp). */
function interpolate(value: number, xs: readonly number[], ys: readonly number[]): number {
  if (value <= (xs[0] as number)) return ys[0] as number;
  for (let i = 1; i < xs.length; i++) {
    const x1 = xs[i] as number;
    if (value <= x1) {
      const x0 = xs[i - 1] as number;
      const y0 = ys[i - 1] as number;
      return y0 + ((value - x0) * ((ys[i] as number) - y0)) / (x1 - x0);
    }
  }
  return ys[ys.length - 1] as number;
}

/**
 * The KPSS test (Kwiatkowski, Phillips, Schmidt & Shin 1992) of the null hypothesis that x is stationary around a
 * level ("c") or a linear trend ("ct"): eta = sum S_t^2 / n^2 of the partial sums S_t of the residuals, divided
 * by their Bartlett-window long-run variance; the p-value is interpolated in the paper's table (0.01-0.10).
 * Matches statsmodels.tsa.stattools.kpss(x, regression, nlags = "auto", "legacy" or an integer).
 * Throws InsufficientDataError below 3 values, MigmonError for a bad lag or a constant series.
 */
export function kpssTest(x: Float64Array, options: KpssOptions = {}): KpssResult {
  const regression = options.regression ?? "c";
  const series = options.series ?? "the series";
  const n = x.length;
  if (n < 3) throw new InsufficientDataError("kpss", series, n, 3);
  const e = detrendedResiduals(x, regression === "ct");
  const lagOption = options.lags ?? "auto";
  let lags: number;
  if (lagOption === "legacy") lags = Math.min(Math.ceil(12 * Math.pow(n / 100, 1 / 4)), n - 1);
  else if (lagOption === "auto") lags = Math.min(automaticLags(e), n - 1);
  else {
    if (!Number.isInteger(lagOption) || lagOption < 0 || lagOption >= n) {
      throw new MigmonError(`kpss: the lag must be an integer from 0 to ${n - 1}, got ${lagOption}`);
    }
    lags = lagOption;
  }
  let partial = 0;
  let eta = 0;
  for (const v of e) {
    partial += v;
    eta += partial * partial;
  }
  eta /= n * n;
  let longRun = autocovarianceSum(e, 0);
  if (!(longRun > 0)) throw new MigmonError(`kpss: ${series} has no variation around its ${regression === "ct" ? "trend" : "mean"}`);
  for (let i = 1; i <= lags; i++) longRun += 2 * autocovarianceSum(e, i) * (1 - i / (lags + 1));
  longRun /= n;
  const statistic = eta / longRun;
  const critical = CRITICAL[regression];
  const p = interpolate(statistic, critical, P_VALUES);
  const pBound = p === 0.01 ? "at most" : p === 0.1 ? "at least" : "exact";
  const [ten, five, twoHalf, one] = critical as [number, number, number, number];
  return {
    statistic,
    p,
    pBound,
    lags,
    nobs: n,
    regression,
    criticalValues: { "10%": ten, "5%": five, "2.5%": twoHalf, "1%": one },
    reading: readKpss(statistic, p, pBound, regression, series),
  };
}

function readKpss(statistic: number, p: number, pBound: KpssResult["pBound"], regression: "c" | "ct", series: string): string {
  const around = regression === "ct" ? "a linear trend" : "a constant level";
  const pText = pBound === "at most" ? "p <= 0.01" : pBound === "at least" ? "p >= 0.10" : `p = ${p.toFixed(3)}`;
  const stat = `KPSS = ${statistic.toFixed(3)}, ${pText}`;
  const verdict =
    p < 0.05
      ? `The KPSS test rejects stationarity of ${series} around ${around} (${stat}): it wanders (a unit root) or shifts.`
      : `The KPSS test does not reject stationarity of ${series} around ${around} (${stat}).`;
  return (
    verdict +
    " Its table only gives p between 0.01 and 0.10; a level shift or a break in definitions also makes KPSS" +
    " reject, and in short series neither KPSS nor ADF is decisive, so read the two together."
  );
}
