import { InputError, InsufficientDataError, UsageError } from "../core/index.ts";
import { normalQuantile } from "./distributions.ts";
import { minimizeNelderMead } from "./nelderMead.ts";

/** The three additive-error models: simple (A,N,N), Holt's linear trend (A,A,N) and damped trend (A,Ad,N). */
export type EtsModel = "simple" | "holt" | "damped";

/** Smoothing parameters and initial states of an ETS model (beta, phi and trend0 only where the model has them). */
export interface EtsParameters {
  readonly alpha: number;
  readonly beta?: number;
  readonly phi?: number;
  /** Initial level l0. */
  readonly level0: number;
  /** Initial slope b0. */
  readonly trend0?: number;
}

/** Options of {@link fitEts} and {@link evaluateEts}. */
export interface EtsOptions {
  readonly model: EtsModel;
  /** Forecast horizon (default 10). */
  readonly horizon?: number;
  /** Prediction interval levels in percent (default 80 and 95). */
  readonly levels?: readonly number[];
  readonly series?: string;
}

/** A forecast interval at one level. */
export interface EtsInterval {
  readonly level: number;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** A fitted ETS model with its forecasts. */
export interface EtsResult {
  readonly model: EtsModel;
  readonly parameters: Required<Pick<EtsParameters, "alpha" | "level0">> & EtsParameters;
  /** forecast::ets's log-likelihood, -n/2 log(SSE) (constants left out), and the criteria built on it. */
  readonly logLik: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** SSE / (n - number of parameters incl. initial states), as forecast::ets. */
  readonly sigma2: number;
  readonly residuals: Float64Array;
  readonly fitted: Float64Array;
  /** Level (and slope) after the last observation. */
  readonly finalLevel: number;
  readonly finalTrend: number | null;
  readonly forecast: Float64Array;
  readonly intervals: readonly EtsInterval[];
  /** Function evaluations of the optimiser (0 when evaluated at given parameters). */
  readonly evaluations: number;
  readonly reading: string;
}

const LOWER = { alpha: 1e-4, beta: 1e-4, phi: 0.8 };
const UPPER = { alpha: 0.9999, beta: 0.9999, phi: 0.98 };

/**
 * Fits an additive-error exponential smoothing model by maximum likelihood and forecasts with prediction
 * intervals, as R's forecast::ets(y, model = "ANN" | "AAN", damped) with its defaults (bounds "both",
 * opt.crit "lik", the same starting values and a port of the same Nelder-Mead optimiser, maxit 2000) followed
 * by forecast(fit, h, level): the intervals are the analytic ones of Hyndman et al. (2008), "Forecasting with
 * Exponential Smoothing", ch. 6 (class 1). Reference for the models: Hyndman, Koehler, Snyder and Grose (2002).
 * @throws InsufficientDataError when n <= number of parameters + 4 (where forecast::ets falls back to HoltWinters).
 * @throws InputError when a value is not finite; UsageError for a horizon below 1 or a level outside (0, 100).
 */
export function fitEts(y: Float64Array, options: EtsOptions): EtsResult {
  check(y, options);
  const trend = options.model !== "simple";
  const damped = options.model === "damped";
  // forecast:::initparam with bounds "both" and m = 1.
  const alpha0 = LOWER.alpha + (0.2 * (UPPER.alpha - LOWER.alpha)) / 1;
  const start: number[] = [alpha0];
  if (trend) start.push(LOWER.beta + 0.1 * (Math.min(UPPER.beta, alpha0) - LOWER.beta));
  if (damped) start.push(LOWER.phi + 0.99 * (UPPER.phi - LOWER.phi));
  const init = initialStates(y, trend);
  start.push(init.level0);
  if (trend) start.push(init.trend0);
  const unpack = (par: Float64Array): EtsParameters => {
    let j = 0;
    const alpha = par[j++]!;
    const beta = trend ? par[j++]! : undefined;
    const phi = damped ? par[j++]! : undefined;
    const level0 = par[j++]!;
    const trend0 = trend ? par[j++]! : undefined;
    return { alpha, beta, phi, level0, trend0 };
  };
  const objective = (par: Float64Array): number => {
    const p = unpack(par);
    if (!admissible(p, trend, damped)) return Number.POSITIVE_INFINITY;
    let lik = filter(y, p, trend).lik;
    // As forecast's C++ target function: cap perfect fits, and NaN is infinitely bad.
    if (lik < -1e10) lik = -1e10;
    if (Number.isNaN(lik)) lik = Number.POSITIVE_INFINITY;
    return lik;
  };
  const optimum = minimizeNelderMead(objective, Float64Array.from(start), { maxit: 2000 });
  return evaluate(y, unpack(optimum.par), options, optimum.evaluations);
}

/**
 * Evaluates an additive-error ETS model at given parameters and initial states: residuals, likelihood, sigma²
 * and forecasts with intervals, as forecast::ets(y, model = fit) with the fitted parameters and forecast().
 * @throws the same errors as {@link fitEts}, and UsageError when a parameter the model needs is missing.
 */
export function evaluateEts(y: Float64Array, parameters: EtsParameters, options: EtsOptions): EtsResult {
  check(y, options);
  const trend = options.model !== "simple";
  if (trend && (parameters.beta === undefined || parameters.trend0 === undefined)) throw new UsageError(`ETS model ${options.model} needs beta and trend0`);
  if (options.model === "damped" && parameters.phi === undefined) throw new UsageError("ETS model damped needs phi");
  return evaluate(y, parameters, options, 0);
}

function parameterCount(model: EtsModel): number {
  return model === "simple" ? 2 : model === "holt" ? 4 : 5;
}

function check(y: Float64Array, options: EtsOptions): void {
  const series = options.series ?? "series";
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InputError(series, undefined, `value at position ${bad} is missing or not finite; ETS needs a complete series`);
  const needed = parameterCount(options.model) + 5;
  if (y.length < needed) throw new InsufficientDataError(`ETS (${options.model})`, series, y.length, needed);
  const horizon = options.horizon ?? 10;
  if (!Number.isInteger(horizon) || horizon < 1) throw new UsageError(`ETS horizon must be a whole number of at least 1, got ${horizon}`);
  for (const level of options.levels ?? [80, 95]) if (!(level > 0 && level < 100)) throw new UsageError(`ETS interval level must be between 0 and 100, got ${level}`);
}

/** forecast:::initstate without season: mean of the first min(10, n) values, or their least-squares line. */
function initialStates(y: Float64Array, trend: boolean): { level0: number; trend0: number } {
  const maxn = Math.min(10, y.length);
  if (!trend) {
    let s = 0;
    for (let t = 0; t < maxn; t++) s += y[t]!;
    return { level0: s / maxn, trend0: 0 };
  }
  let mx = 0;
  let my = 0;
  for (let t = 0; t < maxn; t++) {
    mx += t + 1;
    my += y[t]!;
  }
  mx /= maxn;
  my /= maxn;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < maxn; t++) {
    sxy += (t + 1 - mx) * (y[t]! - my);
    sxx += (t + 1 - mx) ** 2;
  }
  let trend0 = sxy / sxx;
  let level0 = my - trend0 * mx;
  if (Math.abs(level0 + trend0) < 1e-8) {
    level0 *= 1 + 0.001;
    trend0 *= 1 - 0.001;
  }
  return { level0, trend0 };
}

/** forecast's check_params (bounds "both": the usual bounds, then admissibility) for the parameters optimised. */
function admissible(p: EtsParameters, trend: boolean, damped: boolean): boolean {
  const { alpha } = p;
  if (alpha < LOWER.alpha || alpha > UPPER.alpha) return false;
  if (trend) {
    const beta = p.beta!;
    if (beta < LOWER.beta || beta > alpha || beta > UPPER.beta) return false;
  }
  if (damped) {
    const phi = p.phi!;
    if (phi < LOWER.phi || phi > UPPER.phi) return false;
  }
  const phi = damped ? p.phi! : 1;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
  if (trend) {
    const beta = p.beta!;
    if (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha)) return false;
  }
  return true;
}

/** The state-space recursion of forecast's etscalc (additive error, no season), with the same operation order. */
function filter(y: Float64Array, p: EtsParameters, trend: boolean): { lik: number; residuals: Float64Array; level: number; slope: number } {
  const n = y.length;
  const residuals = new Float64Array(n);
  const phi = p.phi ?? 1;
  const alpha = p.alpha;
  const beta = p.beta ?? 0;
  let l = p.level0;
  let b = p.trend0 ?? 0;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const oldl = l;
    const oldb = b;
    const f = trend ? oldl + phi * oldb : oldl;
    const e = y[i]! - f;
    residuals[i] = e;
    let q = oldl;
    let phib = 0;
    if (trend) {
      phib = phi * oldb;
      q = oldl + phib;
    }
    l = q + alpha * (y[i]! - q);
    if (trend) b = phib + (beta / alpha) * (l - oldl - phib);
    sse += e * e;
  }
  return { lik: n * Math.log(sse), residuals, level: l, slope: b };
}

function evaluate(y: Float64Array, p: EtsParameters, options: EtsOptions, evaluations: number): EtsResult {
  const trend = options.model !== "simple";
  const damped = options.model === "damped";
  const n = y.length;
  const run = filter(y, p, trend);
  const np = parameterCount(options.model);
  let sse = 0;
  for (const e of run.residuals) sse += e * e;
  const sigma2 = sse / (n - np);
  const k = np + 1;
  const lik = run.lik;
  const aic = lik + 2 * k;
  const horizon = options.horizon ?? 10;
  const phi = damped ? p.phi! : 1;
  const beta = p.beta ?? 0;
  const forecast = new Float64Array(horizon);
  const variance = new Float64Array(horizon);
  // class1 of forecast: mu_h = l + (phi + ... + phi^h) b; var_h = sigma2 (1 + sum_{j<h} c_j^2), c_j = alpha + beta (phi + ... + phi^j).
  let phiSum = 0;
  let cumulative = 0;
  for (let h = 1; h <= horizon; h++) {
    phiSum += phi ** h;
    forecast[h - 1] = trend ? run.level + phiSum * run.slope : run.level;
    variance[h - 1] = sigma2 * (1 + cumulative);
    const cj = trend ? p.alpha + beta * phiSum : p.alpha;
    cumulative += cj * cj;
  }
  const intervals = (options.levels ?? [80, 95]).map((level): EtsInterval => {
    const z = Math.abs(normalQuantile((100 - level) / 200));
    return {
      level,
      lower: Float64Array.from(forecast, (m, h) => m - z * Math.sqrt(variance[h]!)),
      upper: Float64Array.from(forecast, (m, h) => m + z * Math.sqrt(variance[h]!)),
    };
  });
  const parameters = {
    alpha: p.alpha,
    level0: p.level0,
    ...(trend ? { beta: p.beta!, trend0: p.trend0! } : {}),
    ...(damped ? { phi: p.phi! } : {}),
  };
  return {
    model: options.model,
    parameters,
    logLik: -0.5 * lik,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: lik + Math.log(n) * k,
    sigma2,
    residuals: run.residuals,
    fitted: Float64Array.from(y, (v, i) => v - run.residuals[i]!),
    finalLevel: run.level,
    finalTrend: trend ? run.slope : null,
    forecast,
    intervals,
    evaluations,
    reading: readEts(options.model, parameters, forecast, intervals, horizon),
  };
}

function readEts(model: EtsModel, p: EtsParameters, forecast: Float64Array, intervals: readonly EtsInterval[], horizon: number): string {
  const name = model === "simple" ? "Simple exponential smoothing" : model === "holt" ? "Holt's linear trend" : "A damped trend";
  const widest = intervals.reduce<EtsInterval | null>((w, i) => (w === null || i.level > w.level ? i : w), null);
  const last = forecast[horizon - 1]!;
  const band = widest === null ? "" : ` (${widest.level} % interval ${widest.lower[horizon - 1]!.toPrecision(4)} to ${widest.upper[horizon - 1]!.toPrecision(4)})`;
  const memory = p.alpha > 0.5 ? "follows recent values closely" : "averages over a long past";
  return (
    `${name} (alpha ${p.alpha.toFixed(3)}: the level ${memory}) forecasts ${last.toPrecision(4)} ${horizon} periods ahead${band}. ` +
    "The intervals assume the model is right and the errors are normal and stable; they do not foresee a policy change " +
    "or a shock, which is exactly what an observation far outside them may signal."
  );
}
