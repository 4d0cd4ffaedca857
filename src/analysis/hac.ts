// Sandwich covariances for regression coefficients: Newey-West (HAC) for time series and cluster-robust for
// grouped data, with the coefficient tables lmtest::coeftest prints from them.
import { Matrix, inverse } from "ml-matrix";
import { MigmonError } from "../core/index.ts";
import { buildCoefficientTable, type CoefficientRow } from "./coefficientTable.ts";
import type { OlsFit } from "./ols.ts";

/**
 * What a sandwich estimator needs from a fitted model: the estimating functions (scores) by coefficient and
 * the unscaled covariance (the bread divided by n). For an OLS fit the scores are x_ij e_i and the bread is
 * (X'X)⁻¹; for a Poisson GLM they are x_ij (y_i - mu_i) and (X'WX)⁻¹.
 */
export interface EstimatingFunctions {
  readonly names: readonly string[];
  readonly estimates: Float64Array;
  /** One column per coefficient, n values each (R: sandwich::estfun). */
  readonly scores: readonly Float64Array[];
  readonly unscaledCovariance: readonly (readonly number[])[];
  /** Residual degrees of freedom for t tests, or null for normal (z) tests as for a GLM. */
  readonly dfResidual: number | null;
}

/** A robust covariance of the coefficients and the coefficient table computed with it. */
export interface RobustCovariance {
  readonly covariance: number[][];
  readonly coefficients: CoefficientRow[];
  /** Which estimator and options, e.g. "Newey-West, lag 2, no prewhitening, no adjustment". */
  readonly method: string;
  readonly reading: string;
}

export interface NeweyWestOptions {
  /** Truncation lag L: Bartlett weights 1 - j / (L + 1) for j = 0..L. Required (no automatic bandwidth). */
  readonly lag: number;
  /** Prewhiten the scores by a VAR(1) fitted by OLS without intercept, as sandwich's prewhite = TRUE. Default false. */
  readonly prewhite?: boolean;
  /** Multiply by n / (n - k), as sandwich's adjust = TRUE. Default false (sandwich::NeweyWest's default). */
  readonly adjust?: boolean;
}

export interface ClusterOptions {
  /** "HC1" (default for lm in sandwich::vcovCL) multiplies by (n - 1) / (n - k); "HC0" does not. */
  readonly type?: "HC0" | "HC1";
  /** Multiply by G / (G - 1) for G clusters (sandwich's cadjust = TRUE, the default). */
  readonly cadjust?: boolean;
}

/** The estimating functions of an OLS fit: scores x_ij e_i and bread (X'X)⁻¹ (R: estfun.lm, bread.lm / n). */
export function olsEstimatingFunctions(fit: OlsFit): EstimatingFunctions {
  return {
    names: fit.names,
    estimates: fit.estimates,
    scores: fit.design.map((column) => column.map((x, i) => x * (fit.residuals[i] as number))),
    unscaledCovariance: fit.unscaledCovariance,
    dfResidual: fit.dfResidual,
  };
}

function toEstimatingFunctions(model: OlsFit | EstimatingFunctions): EstimatingFunctions {
  return "scores" in model ? model : olsEstimatingFunctions(model);
}

/** Rows of the scores as an n x k matrix. */
function scoreMatrix(scores: readonly Float64Array[]): Matrix {
  const n = scores[0]?.length ?? 0;
  const m = new Matrix(n, scores.length);
  scores.forEach((column, j) => {
    for (let i = 0; i < n; i++) m.set(i, j, column[i] as number);
  });
  return m;
}

/** bread · meat · bread with the bread (X'X)⁻¹; the meat already holds the sum over observations. */
function sandwich(unscaled: readonly (readonly number[])[], meat: Matrix): number[][] {
  const bread = new Matrix(unscaled.map((row) => [...row]));
  const v = bread.mmul(meat).mmul(bread);
  // Symmetrize: the products differ from symmetry only by rounding, and callers read both triangles.
  const k = v.rows;
  const out: number[][] = [];
  for (let i = 0; i < k; i++) {
    const row: number[] = [];
    for (let j = 0; j < k; j++) row.push((v.get(i, j) + v.get(j, i)) / 2);
    out.push(row);
  }
  return out;
}

/** Σ_t u_t u_{t+j}' over the rows of u. */
function laggedCrossProduct(u: Matrix, j: number): Matrix {
  const n = u.rows;
  const k = u.columns;
  const out = Matrix.zeros(k, k);
  for (let t = 0; t + j < n; t++) {
    for (let a = 0; a < k; a++) {
      const ua = u.get(t, a);
      for (let b = 0; b < k; b++) out.set(a, b, out.get(a, b) + ua * u.get(t + j, b));
    }
  }
  return out;
}

/**
 * Newey-West heteroskedasticity and autocorrelation consistent covariance of regression coefficients with
 * Bartlett weights 1 - j / (L + 1), j = 0..L, and its coefficient table (t tests with the residual df for an
 * OLS fit, z tests for a GLM). Matches R sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)
 * by default, and prewhite = TRUE (VAR(1) by OLS, sandwich's ar.method = "ols") and adjust = TRUE when asked,
 * with lmtest::coeftest(fit, vcov = ...) for the table. Reference: Newey and West (1987), Econometrica 55(3).
 * The lag is never chosen automatically (sandwich's bwNeweyWest is not reproduced). Throws MigmonError when the
 * lag is not a whole number in 0..n-1.
 */
export function neweyWest(model: OlsFit | EstimatingFunctions, options: NeweyWestOptions): RobustCovariance {
  const ef = toEstimatingFunctions(model);
  const u0 = scoreMatrix(ef.scores);
  const nOriginal = u0.rows;
  const k = u0.columns;
  const { lag } = options;
  if (!Number.isInteger(lag) || lag < 0 || lag >= nOriginal) {
    throw new MigmonError(`neweyWest: lag must be a whole number from 0 to ${nOriginal - 1}, got ${lag}`);
  }
  let u = u0;
  let recolour: Matrix | null = null;
  if (options.prewhite === true) {
    const lagged = u0.subMatrix(0, nOriginal - 2, 0, k - 1);
    const current = u0.subMatrix(1, nOriginal - 1, 0, k - 1);
    // VAR(1) without intercept: u_t = A u_{t-1} + e_t, A' = (U_{-1}'U_{-1})⁻¹ U_{-1}'U.
    const aTransposed = inverse(lagged.transpose().mmul(lagged)).mmul(lagged.transpose().mmul(current));
    u = current.clone().sub(lagged.mmul(aTransposed));
    recolour = inverse(Matrix.eye(k).sub(aTransposed.transpose()));
  }
  let meat = laggedCrossProduct(u, 0).mul(0.5);
  for (let j = 1; j <= lag && j < u.rows; j++) {
    meat = meat.add(laggedCrossProduct(u, j).mul(1 - j / (lag + 1)));
  }
  meat = meat.add(meat.transpose());
  if (options.adjust === true) meat = meat.mul(nOriginal / (nOriginal - k));
  if (recolour !== null) meat = recolour.mmul(meat).mmul(recolour.transpose());
  const covariance = sandwich(ef.unscaledCovariance, meat);
  const method = `Newey-West, lag ${lag}, ${options.prewhite === true ? "VAR(1) prewhitening" : "no prewhitening"}, ${options.adjust === true ? "n/(n-k) adjustment" : "no small-sample adjustment"}`;
  return {
    covariance,
    coefficients: buildCoefficientTable(ef.names, ef.estimates, covariance, ef.dfResidual),
    method,
    reading:
      `Standard errors allow for heteroskedasticity and for autocorrelation up to lag ${lag} (${method}). ` +
      "They are consistent only for long series; with few observations they tend to be too small, and they do not repair a misspecified trend.",
  };
}

/**
 * Cluster-robust covariance for one clustering variable and its coefficient table: the scores are summed within
 * each cluster and multiplied by G / (G - 1) (cadjust) and, for HC1, by (n - 1) / (n - k). Matches R
 * sandwich::vcovCL(fit, cluster = ~ unit, type = "HC1", cadjust = TRUE) (the defaults for lm) and
 * lmtest::coeftest with it. Reference: Arellano (1987); Cameron, Gelbach and Miller (2011). Throws MigmonError
 * when the cluster labels are not one per observation or there are fewer than two clusters.
 */
export function clusterRobust(
  model: OlsFit | EstimatingFunctions,
  cluster: readonly (string | number)[],
  options: ClusterOptions = {},
): RobustCovariance {
  const ef = toEstimatingFunctions(model);
  const n = ef.scores[0]?.length ?? 0;
  const k = ef.scores.length;
  if (cluster.length !== n) {
    throw new MigmonError(`clusterRobust: ${cluster.length} cluster labels for ${n} observations`);
  }
  const sums = new Map<string | number, Float64Array>();
  cluster.forEach((label, i) => {
    let s = sums.get(label);
    if (s === undefined) {
      s = new Float64Array(k);
      sums.set(label, s);
    }
    for (let j = 0; j < k; j++) s[j] = (s[j] as number) + ((ef.scores[j] as Float64Array)[i] as number);
  });
  const g = sums.size;
  if (g < 2) throw new MigmonError(`clusterRobust: needs at least 2 clusters, got ${g}`);
  const meat = Matrix.zeros(k, k);
  for (const s of sums.values()) {
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) meat.set(a, b, meat.get(a, b) + (s[a] as number) * (s[b] as number));
    }
  }
  const type = options.type ?? "HC1";
  const cadjust = options.cadjust ?? true;
  let factor = cadjust ? g / (g - 1) : 1;
  if (type === "HC1") factor *= (n - 1) / (n - k);
  const covariance = sandwich(ef.unscaledCovariance, meat.mul(factor));
  const method = `cluster-robust (${type}${cadjust ? ", G/(G-1)" : ""}), ${g} clusters`;
  return {
    covariance,
    coefficients: buildCoefficientTable(ef.names, ef.estimates, covariance, ef.dfResidual),
    method,
    reading:
      `Standard errors allow for any correlation within each of the ${g} clusters (${method}). ` +
      "With few clusters (under about 40) they are too small and the p-values too optimistic.",
  };
}
