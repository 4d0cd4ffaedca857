// Ordinary least squares by Householder QR (ml-matrix), with the summary R's lm and summary.lm print.
import { Matrix, QrDecomposition } from "ml-matrix";
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { buildCoefficientTable, type CoefficientRow } from "./coefficientTable.ts";
import { fUpperTail } from "./distributions.ts";

/** Tolerance of R's lm (dqrdc2 tol = 1e-7): a column whose part orthogonal to the ones before it is smaller than
 * this fraction of its own norm is taken as a linear combination of them. */
const RANK_TOLERANCE = 1e-7;

/** The design matrix has a column that is (numerically) a linear combination of the columns before it. */
export class RankDeficientError extends MigmonError {
  constructor(method: string, series: string, column: string) {
    super(
      `${method}: design matrix for ${series} is rank deficient: column "${column}" is a linear combination of the columns before it`,
      { exitCode: 1, httpStatus: 422 },
    );
  }
}

export interface OlsOptions {
  /** Prepend a column of ones named "(Intercept)" (default true), as lm(y ~ x) does. */
  readonly intercept?: boolean;
  /** Names of the regressors (without the intercept); default x1, x2, ... */
  readonly names?: readonly string[];
  /** Name of the series, used in error messages; default "y". */
  readonly series?: string;
  /** Name of the calling method, used in error messages; default "ols". */
  readonly method?: string;
}

/** The F test of all coefficients but the intercept (R: summary(lm)$fstatistic and its pf upper tail). */
export interface FTest {
  readonly value: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
}

export interface OlsFit {
  readonly n: number;
  /** Number of coefficients, the intercept included. */
  readonly k: number;
  readonly dfResidual: number;
  readonly intercept: boolean;
  readonly names: readonly string[];
  readonly estimates: Float64Array;
  readonly coefficients: readonly CoefficientRow[];
  /** sigma² (X'X)⁻¹ (R: vcov(lm)). */
  readonly covariance: number[][];
  /** (X'X)⁻¹ (R: summary(lm)$cov.unscaled), the bread of the sandwich estimators. */
  readonly unscaledCovariance: number[][];
  /** The design matrix by column, the intercept column included. */
  readonly design: readonly Float64Array[];
  readonly y: Float64Array;
  readonly fitted: Float64Array;
  readonly residuals: Float64Array;
  readonly rss: number;
  /** Residual standard error sqrt(rss / dfResidual). */
  readonly sigma: number;
  readonly rSquared: number;
  readonly adjustedRSquared: number;
  /** Null when the model has no coefficient besides the intercept (R then prints no F statistic). */
  readonly fTest: FTest | null;
  /** Gaussian log-likelihood at the ML variance rss / n (R: logLik(lm)). */
  readonly logLik: number;
  /** -2 logLik + 2 (k + 1), counting sigma as a parameter (R: AIC(lm)). */
  readonly aic: number;
  /** -2 logLik + log(n) (k + 1) (R: BIC(lm)). */
  readonly bic: number;
  readonly reading: string;
}

/** Inverse of an upper triangular matrix by back substitution (the R of a QR decomposition). */
export function invertUpperTriangular(r: Matrix): Matrix {
  const k = r.rows;
  const inv = new Matrix(k, k);
  for (let j = 0; j < k; j++) {
    inv.set(j, j, 1 / r.get(j, j));
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += r.get(i, m) * inv.get(m, j);
      inv.set(i, j, -s / r.get(i, i));
    }
  }
  return inv;
}

function formatP(p: number): string {
  return p < 0.001 ? "< 0.001" : `= ${p.toFixed(3)}`;
}

/**
 * Fits y = X b + e by least squares through a Householder QR decomposition and returns the summary of R's
 * lm/summary.lm: coefficients with standard errors, t and p (t with n - k df), R², adjusted R², the overall F
 * test, residuals, fitted values, sigma, the Gaussian log-likelihood and AIC/BIC as R's AIC()/BIC() on an lm
 * (k + 1 parameters, sigma counted). Matches R `lm(y ~ x1 + ...)` (or `y ~ 0 + ...` with intercept false).
 * Throws InsufficientDataError when n <= k, RankDeficientError when a column is a linear combination of the
 * columns before it (where R would report an NA coefficient), MigmonError when a regressor's length differs
 * from y's.
 */
export function fitOls(y: Float64Array, regressors: readonly Float64Array[], options: OlsOptions = {}): OlsFit {
  const intercept = options.intercept ?? true;
  const series = options.series ?? "y";
  const method = options.method ?? "ols";
  const n = y.length;
  const regressorNames = options.names ?? regressors.map((_, j) => `x${j + 1}`);
  if (regressorNames.length !== regressors.length) {
    throw new MigmonError(`${method}: ${regressorNames.length} names given for ${regressors.length} regressors`);
  }
  regressors.forEach((x, j) => {
    if (x.length !== n) {
      throw new MigmonError(`${method}: regressor "${regressorNames[j]}" has ${x.length} values, ${series} has ${n}`);
    }
  });
  const design = intercept ? [new Float64Array(n).fill(1), ...regressors] : [...regressors];
  const names = intercept ? ["(Intercept)", ...regressorNames] : [...regressorNames];
  const k = design.length;
  if (n <= k) throw new InsufficientDataError(method, series, n, k + 1);

  const x = new Matrix(n, k);
  design.forEach((column, j) => {
    for (let i = 0; i < n; i++) x.set(i, j, column[i] as number);
  });
  const qr = new QrDecomposition(x);
  const r = qr.upperTriangularMatrix;
  design.forEach((column, j) => {
    let norm = 0;
    for (let i = 0; i < n; i++) norm += (column[i] as number) ** 2;
    if (Math.abs(r.get(j, j)) <= RANK_TOLERANCE * Math.sqrt(norm)) {
      throw new RankDeficientError(method, series, names[j] as string);
    }
  });
  const estimates = Float64Array.from(qr.solve(Matrix.columnVector(Array.from(y))).getColumn(0));
  const rInverse = invertUpperTriangular(r);
  const unscaled = rInverse.mmul(rInverse.transpose()).to2DArray();

  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let f = 0;
    for (let j = 0; j < k; j++) f += (design[j]?.[i] as number) * (estimates[j] as number);
    fitted[i] = f;
    const e = (y[i] as number) - f;
    residuals[i] = e;
    rss += e * e;
  }
  const dfResidual = n - k;
  const variance = rss / dfResidual;
  const covariance = unscaled.map((row) => row.map((v) => v * variance));

  let mss = 0;
  if (intercept) {
    let mean = 0;
    for (const f of fitted) mean += f;
    mean /= n;
    for (const f of fitted) mss += (f - mean) ** 2;
  } else {
    for (const f of fitted) mss += f * f;
  }
  const dfIntercept = intercept ? 1 : 0;
  const rSquared = mss / (mss + rss);
  const adjustedRSquared = 1 - ((1 - rSquared) * (n - dfIntercept)) / dfResidual;
  const df1 = k - dfIntercept;
  const fTest =
    df1 === 0
      ? null
      : (() => {
          const value = mss / df1 / variance;
          return { value, df1, df2: dfResidual, p: fUpperTail(value, df1, dfResidual) };
        })();
  const logLik = 0.5 * -n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss));
  const aic = -2 * logLik + 2 * (k + 1);
  const bic = -2 * logLik + Math.log(n) * (k + 1);

  const coefficients = buildCoefficientTable(names, estimates, covariance, dfResidual);
  const fSentence =
    fTest === null
      ? ""
      : ` Taken together the regressors ${fTest.p < 0.05 ? "explain" : "do not clearly explain"} ${series} (F = ${fTest.value.toFixed(2)}, p ${formatP(fTest.p)}).`;
  const reading =
    `The linear model fits ${n} observations of ${series} with ${k} coefficients and leaves ${(100 * (1 - rSquared)).toFixed(1)}% of the variation unexplained (R² = ${rSquared.toFixed(3)}).` +
    fSentence +
    " These standard errors assume independent errors of constant variance; for a time series use the Newey-West standard errors, and an association here is not evidence of cause.";

  return {
    n,
    k,
    dfResidual,
    intercept,
    names,
    estimates,
    coefficients,
    covariance,
    unscaledCovariance: unscaled,
    design,
    y,
    fitted,
    residuals,
    rss,
    sigma: Math.sqrt(variance),
    rSquared,
    adjustedRSquared,
    fTest,
    logLik,
    aic,
    bic,
    reading,
  };
}
