// MacKinnon's response-surface p-values and critical values of the Dickey-Fuller tau statistic, for one series
// (N = 1) with a constant ("c") or a constant and a linear trend ("ct"), as statsmodels' mackinnonp and
// mackinnoncrit compute them (statsmodels/tsa/adfvalues.py). The coefficients are MacKinnon's published tables.
import { normalCdf } from "./distributions.ts";

/** The deterministic terms of a Dickey-Fuller regression: a constant, or a constant and a linear trend. */
export type DickeyFullerRegression = "c" | "ct";

interface PValueSurface {
  /** Above this statistic the p-value is 1, below `min` it is 0. */
  readonly max: number;
  readonly min: number;
  /** The statistic below which the small-p polynomial is used. */
  readonly star: number;
  /** Polynomial coefficients in the statistic, constant first. */
  readonly small: readonly number[];
  readonly large: readonly number[];
}

// MacKinnon (1994), Table 3 (N = 1); the scalings are those statsmodels applies to the printed table
// (small: 1, 1, 1e-2; large: 1, 1e-1, 1e-1, 1e-2), written out so the products round exactly as there.
const surfaces: Record<DickeyFullerRegression, PValueSurface> = {
  c: {
    max: 2.74,
    min: -18.83,
    star: -1.61,
    small: [2.1659, 1.4412, 3.8269 * 1e-2],
    large: [1.7339, 9.3202 * 1e-1, -1.2745 * 1e-1, -1.0368 * 1e-2],
  },
  ct: {
    max: 0.7,
    min: -16.18,
    star: -2.89,
    small: [3.2512, 1.6047, 4.9588 * 1e-2],
    large: [2.5261, 6.1654 * 1e-1, -3.7956 * 1e-1, -6.0285 * 1e-2],
  },
};

// MacKinnon (2010), Table 2 (N = 1): critical values beta_inf + beta_1 / T + beta_2 / T^2 + beta_3 / T^3 at
// 1%, 5% and 10%.
const criticalSurfaces: Record<DickeyFullerRegression, readonly (readonly number[])[]> = {
  c: [
    [-3.43035, -6.5393, -16.786, -79.433],
    [-2.86154, -2.8903, -4.234, -40.04],
    [-2.56677, -1.5384, -2.809, 0],
  ],
  ct: [
    [-3.95877, -9.0531, -28.428, -134.155],
    [-3.41049, -4.3904, -9.036, -45.374],
    [-3.12705, -2.5856, -3.925, -22.38],
  ],
};

/** Evaluates c[0] + c[1] x + ... by Horner's rule from the highest power, as numpy's polyval. */
function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + (coefficients[i] as number);
  return value;
}

/**
 * MacKinnon's (1994) approximate p-value of a Dickey-Fuller tau statistic for one series: Phi of a polynomial
 * in the statistic (one for small p, one for large), 1 above the table's largest statistic and 0 below its
 * smallest. Matches statsmodels.tsa.adfvalues.mackinnonp(stat, regression, N = 1). Throws nothing.
 */
export function mackinnonPValue(statistic: number, regression: DickeyFullerRegression): number {
  const s = surfaces[regression];
  if (statistic > s.max) return 1;
  if (statistic < s.min) return 0;
  return normalCdf(polynomial(statistic <= s.star ? s.small : s.large, statistic));
}

/**
 * MacKinnon's (2010) finite-sample critical values of the Dickey-Fuller tau statistic at 1%, 5% and 10% for a
 * regression on `nobs` observations. Matches statsmodels.tsa.adfvalues.mackinnoncrit(N = 1, regression, nobs).
 */
export function mackinnonCriticalValues(regression: DickeyFullerRegression, nobs: number): { "1%": number; "5%": number; "10%": number } {
  const [one, five, ten] = criticalSurfaces[regression].map((c) => polynomial(c, 1 / nobs)) as [number, number, number];
  return { "1%": one, "5%": five, "10%": ten };
}
