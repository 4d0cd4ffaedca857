// Cross-correlation of two series at lags -k..k, optionally after pre-whitening both with an AR model of x.
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { applyAutoregressiveFilter, fitAutoregression } from "./autoregression.ts";
import { normalQuantile } from "./distributions.ts";

/** Options of crossCorrelation. */
export interface CrossCorrelationOptions {
  /** The largest lag; default floor(10 log10(n / 2)) as R's ccf, at most n - 1. */
  readonly maxLag?: number;
  /** Filter both series with the AR model of x chosen by AIC before correlating (Box & Jenkins pre-whitening). */
  readonly prewhiten?: boolean;
  /** Names used in errors and in the reading. */
  readonly names?: { readonly x: string; readonly y: string };
}

/** One cross-correlation: r estimates cor(x[t + lag], y[t]). */
export interface LaggedCorrelation {
  readonly lag: number;
  readonly r: number;
}

/** What crossCorrelation found. */
export interface CrossCorrelationResult {
  /**
   * Lags -maxLag..maxLag in order. R's convention: the value at lag k estimates cor(x[t + k], y[t]), so a large
   * value at a NEGATIVE lag means x moves first and y follows |k| periods later.
   */
  readonly lags: readonly LaggedCorrelation[];
  readonly maxLag: number;
  /** The number of pairs correlated (after pre-whitening, n minus the AR order). */
  readonly n: number;
  /** The approximate 95% band for white noise, qnorm(0.975) / sqrt(n), the dashed lines of R's plot. */
  readonly bound: number;
  /** The AR model of x used for pre-whitening (null without it). */
  readonly prewhitening: { readonly order: number; readonly coefficients: readonly number[] } | null;
  readonly reading: string;
}

function correlate(x: Float64Array, y: Float64Array, maxLag: number): LaggedCorrelation[] {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let t = 0; t < n; t++) {
    mx += x[t] as number;
    my += y[t] as number;
  }
  mx /= n;
  my /= n;
  let cxx = 0;
  let cyy = 0;
  for (let t = 0; t < n; t++) {
    cxx += ((x[t] as number) - mx) ** 2;
    cyy += ((y[t] as number) - my) ** 2;
  }
  const scale = Math.sqrt(cxx * cyy);
  const lags: LaggedCorrelation[] = [];
  for (let k = -maxLag; k <= maxLag; k++) {
    let s = 0;
    for (let t = Math.max(0, -k); t < Math.min(n, n - k); t++) s += ((x[t + k] as number) - mx) * ((y[t] as number) - my);
    lags.push({ lag: k, r: s / scale });
  }
  return lags;
}

/**
 * Cross-correlations of x and y at lags -maxLag..maxLag, as R's stats::ccf(x, y, lag.max) (divisor n at every
 * lag, series centred on their means): the value at lag k estimates cor(x[t + k], y[t]). With prewhiten, x is
 * fitted by an AR model chosen by AIC (fitAutoregression, R's ar(x) with method "yule-walker") and both series
 * are filtered with that model (R: stats::filter(., c(1, -phi), sides = 1)) before correlating, the procedure
 * of Box & Jenkins (1976) also in TSA::prewhiten; the first p filtered values are dropped (na.omit).
 * Throws InsufficientDataError below 4 pairs, MigmonError when the series differ in length, a series is
 * constant or maxLag is not an integer from 0 to n - 1.
 */
export function crossCorrelation(x: Float64Array, y: Float64Array, options: CrossCorrelationOptions = {}): CrossCorrelationResult {
  const names = options.names ?? { x: "x", y: "y" };
  if (x.length !== y.length) throw new MigmonError(`ccf: ${names.x} has ${x.length} values, ${names.y} has ${y.length}`);
  if (x.length < 4) throw new InsufficientDataError("ccf", `${names.x} and ${names.y}`, x.length, 4);
  let wx = x;
  let wy = y;
  let prewhitening: CrossCorrelationResult["prewhitening"] = null;
  if (options.prewhiten === true) {
    const model = fitAutoregression(x, { series: names.x });
    wx = applyAutoregressiveFilter(x, model.coefficients);
    wy = applyAutoregressiveFilter(y, model.coefficients);
    prewhitening = { order: model.order, coefficients: model.coefficients };
    if (wx.length < 4) throw new InsufficientDataError("ccf after pre-whitening", `${names.x} and ${names.y}`, wx.length, 4);
  }
  const n = wx.length;
  const maxLag = options.maxLag ?? Math.min(n - 1, Math.floor(10 * Math.log10(n / 2)));
  if (!Number.isInteger(maxLag) || maxLag < 0 || maxLag > n - 1) {
    throw new MigmonError(`ccf: the largest lag must be an integer from 0 to ${n - 1}, got ${maxLag}`);
  }
  for (const [series, name] of [[wx, names.x], [wy, names.y]] as const) {
    if (series.every((v) => v === series[0])) throw new MigmonError(`ccf: ${name} is constant, so it correlates with nothing`);
  }
  const lags = correlate(wx, wy, maxLag);
  const bound = normalQuantile(0.975) / Math.sqrt(n);
  return { lags, maxLag, n, bound, prewhitening, reading: readCrossCorrelation(lags, bound, n, prewhitening, names) };
}

function readCrossCorrelation(
  lags: readonly LaggedCorrelation[],
  bound: number,
  n: number,
  prewhitening: CrossCorrelationResult["prewhitening"],
  names: { readonly x: string; readonly y: string },
): string {
  let peak = lags[0] as LaggedCorrelation;
  for (const l of lags) if (Math.abs(l.r) > Math.abs(peak.r)) peak = l;
  const r = peak.r.toFixed(2);
  const when =
    peak.lag < 0
      ? `${names.x} leading ${names.y} by ${-peak.lag} period${peak.lag === -1 ? "" : "s"}`
      : peak.lag > 0
        ? `${names.y} leading ${names.x} by ${peak.lag} period${peak.lag === 1 ? "" : "s"}`
        : "at the same period";
  const outside = lags.filter((l) => Math.abs(l.r) > bound).length;
  const how = prewhitening === null ? "" : ` after pre-whitening both with an AR(${prewhitening.order}) model of ${names.x}`;
  const strongest = `The strongest cross-correlation${how} is ${r}, ${when} (${n} pairs).`;
  const band = ` ${outside} of ${lags.length} lags lie outside the approximate 95% band of +-${bound.toFixed(2)} for unrelated white noise; with this many lags one or two outside it arise by chance.`;
  const caveat =
    prewhitening === null
      ? " Without pre-whitening, two trending or autocorrelated series show large cross-correlations even when unrelated; a correlation, lagged or not, is not a causal effect."
      : " Pre-whitening removes the part of the correlation that x's own autocorrelation would produce; what remains is still an association, not a causal effect.";
  return strongest + band + caveat;
}
