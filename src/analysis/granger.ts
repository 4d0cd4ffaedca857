// Granger causality F test: do past values of x improve the prediction of y beyond y's own past?
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { fUpperTail } from "./distributions.ts";
import { fitOls } from "./ols.ts";

/** Options of grangerTest. */
export interface GrangerOptions {
  /** The number of lags of y and of x in the models (lmtest's order); default 1. */
  readonly order?: number;
  /** Names used in errors and in the reading. */
  readonly names?: { readonly x: string; readonly y: string };
}

/** The result of the Granger test of x on y. */
export interface GrangerResult {
  /** The F statistic of the p lags of x, given p lags of y. */
  readonly F: number;
  readonly p: number;
  /** Numerator degrees of freedom: the order. */
  readonly df1: number;
  /** Denominator degrees of freedom: n - order - (2 order + 1). */
  readonly df2: number;
  readonly order: number;
  /** Observations used in both regressions: n - order. */
  readonly n: number;
  readonly reading: string;
}

function lagged(values: Float64Array, order: number, lag: number): Float64Array {
  return values.subarray(order - lag, values.length - lag);
}

/**
 * Granger (1969) causality test of x on y: the F test comparing y[t] ~ 1 + y[t-1..t-p] + x[t-1..t-p] with
 * y[t] ~ 1 + y[t-1..t-p], both fitted by OLS on t = p+1..n, F = ((RSS_r - RSS_u) / p) / (RSS_u / df2) with
 * df2 = n - p - (2p + 1). Matches R's lmtest::grangertest(y ~ x, order = p) (its Wald F with the OLS covariance
 * equals this F). A small p says past x helps predict y; it is not evidence that x causes y.
 * Throws InsufficientDataError when fewer than 3p + 2 values leave no residual degree of freedom, MigmonError
 * when the series differ in length or the order is not a positive integer, RankDeficientError (from fitOls) when
 * the lags are collinear, e.g. a constant series.
 */
export function grangerTest(y: Float64Array, x: Float64Array, options: GrangerOptions = {}): GrangerResult {
  const order = options.order ?? 1;
  const names = options.names ?? { x: "x", y: "y" };
  if (!Number.isInteger(order) || order < 1) throw new MigmonError(`granger: the order must be a positive integer, got ${order}`);
  if (x.length !== y.length) throw new MigmonError(`granger: ${names.y} has ${y.length} values, ${names.x} has ${x.length}`);
  const needed = 3 * order + 2;
  if (y.length < needed) throw new InsufficientDataError("granger", `${names.y} and ${names.x}`, y.length, needed);
  const response = y.subarray(order);
  const ownLags = Array.from({ length: order }, (_, i) => lagged(y, order, i + 1));
  const otherLags = Array.from({ length: order }, (_, i) => lagged(x, order, i + 1));
  const lagNames = (name: string) => Array.from({ length: order }, (_, i) => `${name} lag ${i + 1}`);
  const common = { series: names.y, method: "granger" };
  const unrestricted = fitOls(response, [...ownLags, ...otherLags], { ...common, names: [...lagNames(names.y), ...lagNames(names.x)] });
  const restricted = fitOls(response, ownLags, { ...common, names: lagNames(names.y) });
  const df1 = order;
  const df2 = unrestricted.dfResidual;
  const F = (restricted.rss - unrestricted.rss) / df1 / (unrestricted.rss / df2);
  const p = fUpperTail(F, df1, df2);
  return { F, p, df1, df2, order, n: response.length, reading: readGranger(F, p, df1, df2, order, names) };
}

function readGranger(F: number, p: number, df1: number, df2: number, order: number, names: { readonly x: string; readonly y: string }): string {
  const stat = `F(${df1}, ${df2}) = ${F.toFixed(2)}, p = ${p < 0.001 ? "< 0.001" : p.toFixed(3)}`;
  const lags = order === 1 ? "the previous period" : `the previous ${order} periods`;
  const verdict =
    p < 0.05
      ? `Past values of ${names.x} (${lags}) improve the prediction of ${names.y} beyond ${names.y}'s own past (${stat}).`
      : `Past values of ${names.x} (${lags}) do not clearly improve the prediction of ${names.y} beyond its own past (${stat}).`;
  return (
    verdict +
    ` This "Granger causality" is predictive precedence, not causation: a third factor moving both series, or` +
    ` ${names.y} reacting to expected values of ${names.x}, gives the same result, and the test assumes both series` +
    " are stationary (check with ADF and KPSS; difference trending series first) and that the chosen lag order is long enough."
  );
}
