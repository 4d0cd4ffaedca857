// The augmented Dickey-Fuller unit-root test.
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { mackinnonCriticalValues, mackinnonPValue } from "./mackinnon.ts";
import type { DickeyFullerRegression } from "./mackinnon.ts";
import { fitOls } from "./ols.ts";

/** Options of adfTest. */
export interface AdfOptions {
  /** Deterministic terms: "c" a constant (default), "ct" a constant and a linear trend. */
  readonly regression?: DickeyFullerRegression;
  /** A fixed number of lagged differences, or "aic" (default) to choose 0..maxLag by AIC. */
  readonly lags?: number | "aic";
  /** The largest lag tried (or allowed); default min(floor(n / 2) - terms - 1, ceil(12 (n / 100)^(1/4))). */
  readonly maxLag?: number;
  readonly series?: string;
}

/** What adfTest found. */
export interface AdfResult {
  /** The t statistic of the lagged level (the tau statistic). */
  readonly statistic: number;
  /** MacKinnon's approximate p-value. */
  readonly p: number;
  /** The number of lagged differences used. */
  readonly lags: number;
  /** The number of observations in the test regression. */
  readonly nobs: number;
  readonly regression: DickeyFullerRegression;
  /** MacKinnon (2010) critical values for nobs. */
  readonly criticalValues: { readonly "1%": number; readonly "5%": number; readonly "10%": number };
  readonly reading: string;
}

interface AdfDesign {
  readonly response: Float64Array;
  readonly regressors: Float64Array[];
  readonly names: string[];
}

/** Delta x[t] on x[t-1], Delta x[t-1..t-lags] (and a trend 1..nobs) over the last nobs differences. */
function adfDesign(x: Float64Array, lags: number, nobs: number, trend: boolean): AdfDesign {
  const n = x.length;
  const diff = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) diff[i - 1] = (x[i] as number) - (x[i - 1] as number);
  const first = n - 1 - nobs;
  const response = diff.slice(first);
  const regressors = [x.slice(first, first + nobs)];
  const names = ["level lag 1"];
  for (let j = 1; j <= lags; j++) {
    regressors.push(diff.slice(first - j, first - j + nobs));
    names.push(`difference lag ${j}`);
  }
  if (trend) {
    regressors.push(Float64Array.from({ length: nobs }, (_, i) => i + 1));
    names.push("trend");
  }
  return { response, regressors, names };
}

/**
 * The augmented Dickey-Fuller test (Dickey & Fuller 1979; Said & Dickey 1984) of the null hypothesis that x has a
 * unit root: the t statistic of x[t-1] in the OLS regression of Delta x[t] on a constant (and a linear trend),
 * x[t-1] and `lags` lagged differences, with MacKinnon's (1994) p-value and (2010) critical values. With lags
 * "aic" every lag 0..maxLag is fitted on the same observations and the lag with the smallest AIC is then refitted
 * on all the observations it allows. Matches statsmodels.tsa.stattools.adfuller(x, maxlag, regression,
 * autolag = "AIC" or None). Throws InsufficientDataError when the series is too short for the terms and lags,
 * MigmonError for a bad lag option, RankDeficientError (fitOls) for a constant series.
 */
export function adfTest(x: Float64Array, options: AdfOptions = {}): AdfResult {
  const regression = options.regression ?? "c";
  const series = options.series ?? "the series";
  const n = x.length;
  const terms = regression === "ct" ? 2 : 1;
  const largest = Math.floor(n / 2) - terms - 1;
  if (largest < 0) throw new InsufficientDataError("adf", series, n, 2 * (terms + 1));
  const lagOption = options.lags ?? "aic";
  const maxLag = options.maxLag ?? (typeof lagOption === "number" ? lagOption : Math.min(largest, Math.ceil(12 * Math.pow(n / 100, 1 / 4))));
  if (!Number.isInteger(maxLag) || maxLag < 0 || maxLag > largest) {
    throw new MigmonError(`adf: the lag must be an integer from 0 to ${largest} for ${n} observations, got ${maxLag}`);
  }
  if (typeof lagOption === "number" && lagOption !== maxLag) {
    throw new MigmonError(`adf: a fixed lag (${lagOption}) and a different largest lag (${maxLag}) were both given`);
  }
  const fitOptions = { series, method: "adf" };
  let usedLag = maxLag;
  if (lagOption === "aic") {
    const nobs = n - 1 - maxLag;
    let bestAic = Infinity;
    for (let lag = 0; lag <= maxLag; lag++) {
      const d = adfDesign(x, lag, nobs, regression === "ct");
      const fit = fitOls(d.response, d.regressors, { ...fitOptions, names: d.names });
      if (fit.aic < bestAic) {
        bestAic = fit.aic;
        usedLag = lag;
      }
    }
  }
  const nobs = n - 1 - usedLag;
  const d = adfDesign(x, usedLag, nobs, regression === "ct");
  const fit = fitOls(d.response, d.regressors, { ...fitOptions, names: d.names });
  const statistic = (fit.coefficients[1] as { t: number }).t;
  const p = mackinnonPValue(statistic, regression);
  const criticalValues = mackinnonCriticalValues(regression, nobs);
  return { statistic, p, lags: usedLag, nobs, regression, criticalValues, reading: readAdf(statistic, p, regression, nobs, series) };
}

function readAdf(statistic: number, p: number, regression: DickeyFullerRegression, nobs: number, series: string): string {
  const around = regression === "ct" ? "a linear trend" : "a constant level";
  const stat = `tau = ${statistic.toFixed(2)}, p = ${p < 0.001 ? "< 0.001" : p.toFixed(3)}, ${nobs} observations`;
  const verdict =
    p < 0.05
      ? `The ADF test rejects a unit root in ${series} (${stat}): it looks stationary around ${around}.`
      : `The ADF test cannot reject a unit root in ${series} (${stat}): it may wander like a random walk around ${around}, so regressions on its levels can be spurious; consider its differences.`;
  return (
    verdict +
    " Not rejecting is not proof of a unit root: the test has little power in short series, and a level shift" +
    " (a break or a definition change) makes a stationary series look like one; read it with KPSS, whose null" +
    " hypothesis is the opposite."
  );
}
