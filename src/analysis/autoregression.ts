// Autoregressive model fitted by Yule-Walker with the order chosen by AIC, as R's stats::ar(x) does by default
// (method "yule-walker", aic = TRUE, demean = TRUE); used to pre-whiten series before cross-correlation.
import { InsufficientDataError, MigmonError } from "../core/index.ts";

/** An AR(p) model: x[t] - mean = sum phi[i] (x[t-i] - mean) + e[t]. */
export interface AutoregressiveModel {
  readonly order: number;
  /** phi[0..p-1], the coefficient of lag 1 first (R: ar(x)$ar). */
  readonly coefficients: readonly number[];
  readonly mean: number;
  /** Innovation variance, scaled by n / (n - (p + 1)) as R's var.pred. */
  readonly innovationVariance: number;
  /** AIC differences from the best order, for orders 0..orderMax (R: ar(x)$aic). */
  readonly aic: readonly number[];
}

/** Options of fitAutoregression. */
export interface AutoregressionOptions {
  /** The largest order tried; default min(n - 1, floor(10 log10 n)) as R. */
  readonly orderMax?: number;
  readonly series?: string;
}

/**
 * Fits AR models of orders 0..orderMax by the Yule-Walker equations (Levinson-Durbin recursion on the sample
 * autocovariances with divisor n, as R's ar.yw and its Fortran routine eureka) and keeps the order with the
 * smallest AIC = n log(innovation variance) + 2 (order + 1). Matches R's stats::ar(x, method = "yule-walker").
 * Throws InsufficientDataError below 3 values, MigmonError for a constant series or a bad orderMax.
 */
export function fitAutoregression(x: Float64Array, options: AutoregressionOptions = {}): AutoregressiveModel {
  const n = x.length;
  const series = options.series ?? "the series";
  if (n < 3) throw new InsufficientDataError("ar", series, n, 3);
  const orderMax = options.orderMax ?? Math.min(n - 1, Math.floor(10 * Math.log10(n)));
  if (!Number.isInteger(orderMax) || orderMax < 0 || orderMax > n - 1) {
    throw new MigmonError(`ar: the largest order must be an integer from 0 to ${n - 1}, got ${orderMax}`);
  }
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  const r = new Float64Array(orderMax + 1);
  for (let k = 0; k <= orderMax; k++) {
    let s = 0;
    for (let t = k; t < n; t++) s += ((x[t] as number) - mean) * ((x[t - k] as number) - mean);
    r[k] = s / n;
  }
  if (!((r[0] as number) > 0)) throw new MigmonError(`ar: ${series} is constant, so no autoregression can be fitted`);
  // Levinson-Durbin: coefficients of every order and their innovation variances.
  const variances = [r[0] as number];
  const coefficientsByOrder: Float64Array[] = [new Float64Array(0)];
  let phi = new Float64Array(0);
  let v = r[0] as number;
  for (let p = 1; p <= orderMax; p++) {
    let num = r[p] as number;
    for (let j = 1; j < p; j++) num -= (phi[j - 1] as number) * (r[p - j] as number);
    const reflection = num / v;
    const next = new Float64Array(p);
    for (let j = 1; j < p; j++) next[j - 1] = (phi[j - 1] as number) - reflection * (phi[p - j - 1] as number);
    next[p - 1] = reflection;
    v *= 1 - reflection * reflection;
    phi = next;
    variances.push(v);
    coefficientsByOrder.push(next);
  }
  const aicRaw = variances.map((variance, p) => n * Math.log(variance) + 2 * p + 2);
  const smallest = Math.min(...aicRaw);
  const order = aicRaw.indexOf(smallest);
  return {
    order,
    coefficients: Array.from(coefficientsByOrder[order] as Float64Array),
    mean,
    innovationVariance: ((variances[order] as number) * n) / (n - (order + 1)),
    aic: aicRaw.map((a) => a - smallest),
  };
}

/**
 * Applies the AR filter 1 - phi[0] B - ... - phi[p-1] B^p to a series: w[t] = x[t] - sum phi[i] x[t-1-i] for
 * t >= p; the first p values have no complete lag window and are left out, so the result has n - p values
 * (R: stats::filter(x, c(1, -phi), sides = 1) without its leading NAs).
 */
export function applyAutoregressiveFilter(x: Float64Array, coefficients: readonly number[]): Float64Array {
  const p = coefficients.length;
  const out = new Float64Array(Math.max(x.length - p, 0));
  for (let t = p; t < x.length; t++) {
    let w = x[t] as number;
    for (let i = 0; i < p; i++) w -= (coefficients[i] as number) * (x[t - 1 - i] as number);
    out[t - p] = w;
  }
  return out;
}
