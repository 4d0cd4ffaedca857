// Brent's root finder with the exact steps of R's uniroot (R_zeroin2), so that results that are rounded
// afterwards (the integer bounds of break-date intervals) come out as R's do.

/** Tolerance R's uniroot uses by default: .Machine$double.eps^0.25. */
export const UNIROOT_TOLERANCE = Number.EPSILON ** 0.25;

/**
 * A root of f in [lower, upper], where f(lower) and f(upper) differ in sign, by Brent's (1973) method combining
 * bisection, secant and inverse quadratic interpolation, stopping when the bracket is within 2 eps |b| + tol / 2.
 * Follows R's uniroot(f, c(lower, upper), tol, maxiter) step for step (f is evaluated at both ends first).
 * Throws RangeError when f(lower) and f(upper) have the same sign.
 */
export function findRootBrent(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol: number = UNIROOT_TOLERANCE,
  maxIterations = 1000,
): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa * fb > 0) throw new RangeError(`findRootBrent: f(${lower}) and f(${upper}) have the same sign`);
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  for (let iteration = 0; iteration <= maxIterations; iteration++) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let step = (c - b) / 2;
    if (Math.abs(step) <= tolerance || fb === 0) return b;
    if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolerance * q) / 2 && p < Math.abs((previousStep * q) / 2)) step = p / q;
    }
    if (Math.abs(step) < tolerance) step = step > 0 ? tolerance : -tolerance;
    a = b;
    fa = fb;
    b += step;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return b;
}
