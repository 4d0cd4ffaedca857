// The coefficient table shared by OLS, Newey-West and cluster-robust fits: estimate, standard error, t and p.
import { normalTwoSidedP, tTwoSidedP } from "./distributions.ts";

/** One row of a coefficient table, as R prints it in summary(lm) or lmtest::coeftest. */
export interface CoefficientRow {
  readonly name: string;
  readonly estimate: number;
  readonly se: number;
  /** estimate / se; for a Poisson GLM this is the z statistic. */
  readonly t: number;
  /** Two-sided p-value: 2 P(T > |t|) with the residual degrees of freedom, or normal when df is null. */
  readonly p: number;
}

/**
 * Builds the coefficient table from estimates and their covariance matrix: se = sqrt(diagonal), t = estimate /
 * se, p two-sided from Student's t with `df` degrees of freedom, or from the normal when `df` is null (as
 * lmtest::coeftest does for lm fits and glm fits respectively). Throws nothing; a zero variance gives t = ±Inf.
 */
export function buildCoefficientTable(
  names: readonly string[],
  estimates: Float64Array,
  covariance: readonly (readonly number[])[],
  df: number | null,
): CoefficientRow[] {
  return names.map((name, j) => {
    const estimate = estimates[j] as number;
    const se = Math.sqrt((covariance[j] as readonly number[])[j] as number);
    const t = estimate / se;
    return { name, estimate, se, t, p: df === null ? normalTwoSidedP(t) : tTwoSidedP(t, df) };
  });
}
