// Poisson regression with log link by iteratively reweighted least squares, step for step as R's glm.fit.
import { Matrix, QrDecomposition } from "ml-matrix";
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { buildCoefficientTable, type CoefficientRow } from "./coefficientTable.ts";
import { logGamma } from "./distributions.ts";
import type { EstimatingFunctions } from "./hac.ts";
import { RankDeficientError, invertUpperTriangular } from "./ols.ts";

const EPSILON = 1e-8;
const MAX_ITERATIONS = 25;
const RANK_TOLERANCE = 1e-7;

export interface PoissonGlmOptions {
  /** Prepend a column of ones named "(Intercept)" (default true). */
  readonly intercept?: boolean;
  /** Names of the regressors (without the intercept); default x1, x2, ... */
  readonly names?: readonly string[];
  readonly series?: string;
  readonly method?: string;
}

export interface PoissonGlmFit extends EstimatingFunctions {
  readonly n: number;
  readonly k: number;
  readonly dfResidual: null;
  readonly coefficients: readonly CoefficientRow[];
  /** (X'WX)⁻¹ with the working weights of the last iteration (R: summary(glm)$cov.unscaled = vcov for Poisson). */
  readonly covariance: number[][];
  readonly fitted: Float64Array;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly logLik: number;
  /** -2 logLik + 2k (R: AIC(glm)). */
  readonly aic: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly reading: string;
}

function devianceOf(y: Float64Array, mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i] as number;
    const mi = mu[i] as number;
    d += yi > 0 ? yi * Math.log(yi / mi) - (yi - mi) : mi;
  }
  return 2 * d;
}

/**
 * Fits log E[y] = X b for counts y by maximum likelihood (Poisson family, log link), with R's glm.fit
 * algorithm: start at mu = y + 0.1, iterate weighted least squares on the working response until the relative
 * change of the deviance is below 1e-8 (at most 25 iterations). Returns z tests from (X'WX)⁻¹, deviance, AIC and
 * the estimating functions (y - mu) x that the Newey-West estimator needs. Matches R
 * `glm(y ~ x, family = poisson)` and `summary()`. Reference: McCullagh and Nelder (1989), Generalized Linear
 * Models, ch. 2. Throws MigmonError for a negative or fractional count, InsufficientDataError when n <= k,
 * RankDeficientError for a collinear design.
 */
export function fitPoissonGlm(y: Float64Array, regressors: readonly Float64Array[], options: PoissonGlmOptions = {}): PoissonGlmFit {
  const intercept = options.intercept ?? true;
  const series = options.series ?? "y";
  const method = options.method ?? "poisson glm";
  const n = y.length;
  y.forEach((v, i) => {
    if (v < 0 || !Number.isInteger(v)) throw new MigmonError(`${method}: ${series} position ${i} is ${v}, not a count`);
  });
  const regressorNames = options.names ?? regressors.map((_, j) => `x${j + 1}`);
  const design = intercept ? [new Float64Array(n).fill(1), ...regressors] : [...regressors];
  const names = intercept ? ["(Intercept)", ...regressorNames] : [...regressorNames];
  const k = design.length;
  if (n <= k) throw new InsufficientDataError(method, series, n, k + 1);
  design.forEach((column, j) => {
    if (column.length !== n) throw new MigmonError(`${method}: regressor "${names[j]}" has ${column.length} values, ${series} has ${n}`);
  });

  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = (y[i] as number) + 0.1;
    eta[i] = Math.log(mu[i] as number);
  }
  let devOld = devianceOf(y, mu);
  let beta = new Float64Array(k);
  let weights = new Float64Array(n);
  let rInverse: Matrix | null = null;
  let converged = false;
  let iterations = 0;
  for (let iter = 1; iter <= MAX_ITERATIONS; iter++) {
    iterations = iter;
    const wx = new Matrix(n, k);
    const wz = Matrix.zeros(n, 1);
    weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const m = Math.max(Math.exp(eta[i] as number), Number.EPSILON);
      const w = Math.sqrt(m);
      weights[i] = m;
      wz.set(i, 0, ((eta[i] as number) + ((y[i] as number) - (mu[i] as number)) / m) * w);
      for (let j = 0; j < k; j++) wx.set(i, j, (design[j]?.[i] as number) * w);
    }
    const qr = new QrDecomposition(wx);
    const r = qr.upperTriangularMatrix;
    for (let j = 0; j < k; j++) {
      let norm = 0;
      for (let i = 0; i < n; i++) norm += wx.get(i, j) ** 2;
      if (Math.abs(r.get(j, j)) <= RANK_TOLERANCE * Math.sqrt(norm)) throw new RankDeficientError(method, series, names[j] as string);
    }
    beta = Float64Array.from(qr.solve(wz).getColumn(0));
    rInverse = invertUpperTriangular(r);
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let j = 0; j < k; j++) e += (design[j]?.[i] as number) * (beta[j] as number);
      eta[i] = e;
      mu[i] = Math.max(Math.exp(e), Number.EPSILON);
    }
    const dev = devianceOf(y, mu);
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < EPSILON) {
      converged = true;
      devOld = dev;
      break;
    }
    devOld = dev;
  }
  const covariance = (rInverse as Matrix).mmul((rInverse as Matrix).transpose()).to2DArray();
  // R's summary.glm and sandwich use the QR and working weights of the last iteration (mu before its update)
  // with the working residuals of the final mu; the scores follow that so the sandwich matches R.
  const scores = design.map((column) =>
    column.map((x, i) => (((y[i] as number) - (mu[i] as number)) / (mu[i] as number)) * (weights[i] as number) * x),
  );
  let yMean = 0;
  for (const v of y) yMean += v;
  yMean /= n;
  const nullDeviance = intercept ? devianceOf(y, new Float64Array(n).fill(yMean)) : devianceOf(y, new Float64Array(n).fill(1));
  let logLik = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i] as number;
    const mi = mu[i] as number;
    logLik += (yi > 0 ? yi * Math.log(mi) : 0) - mi - logGamma(yi + 1);
  }
  const coefficients = buildCoefficientTable(names, beta, covariance, null);
  return {
    n,
    k,
    names,
    estimates: beta,
    scores,
    unscaledCovariance: covariance,
    dfResidual: null,
    coefficients,
    covariance,
    fitted: mu,
    deviance: devOld,
    nullDeviance,
    logLik,
    aic: -2 * logLik + 2 * k,
    iterations,
    converged,
    reading:
      `A Poisson regression of ${series} (${n} counts, ${k} coefficients) ${converged ? `converged in ${iterations} iterations` : `did not converge in ${MAX_ITERATIONS} iterations; its numbers are not reliable`}; coefficients are changes in the log of the expected count. ` +
      `Its standard errors assume the variance equals the mean; a residual deviance (${devOld.toFixed(1)}) far above its ${n - k} degrees of freedom signals overdispersion, and then only robust standard errors can be trusted.`,
  };
}
