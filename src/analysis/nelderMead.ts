/** Options of {@link minimizeNelderMead}; the defaults are those of R's optim(method = "Nelder-Mead"). */
export interface NelderMeadOptions {
  /** Stop when the best value falls to this (default -Infinity: never). */
  readonly abstol?: number;
  /** Relative convergence tolerance on the spread of values in the simplex (default sqrt(2.22e-16)). */
  readonly reltol?: number;
  /** Reflection, contraction and expansion factors (default 1, 0.5, 2). */
  readonly alpha?: number;
  readonly beta?: number;
  readonly gamma?: number;
  /** Maximum number of function evaluations (default 500). */
  readonly maxit?: number;
}

/** Where Nelder-Mead stopped. */
export interface NelderMeadResult {
  readonly par: Float64Array;
  readonly value: number;
  readonly evaluations: number;
  /** 0 converged, 1 maxit reached, 10 the simplex stopped shrinking (R's optim codes). */
  readonly fail: 0 | 1 | 10;
}

/** R's stand-in for a non-finite function value. */
const BIG = 1.0e35;

/**
 * Nelder and Mead (1965) simplex minimisation, a step-by-step port of nmmin in R's src/appl/optim.c (the code
 * behind optim(method = "Nelder-Mead") and forecast::ets's optimiser), so that from the same start it takes the
 * same steps: the same initial simplex (step 0.1 x the largest |start|), the same order of reflection, expansion,
 * contraction and shrink, and non-finite values replaced by 1e35.
 * @throws RangeError when the function is not finite at the start (R: "function cannot be evaluated at initial
 *   parameters").
 */
export function minimizeNelderMead(fn: (par: Float64Array) => number, start: Float64Array, options: NelderMeadOptions = {}): NelderMeadResult {
  const abstol = options.abstol ?? Number.NEGATIVE_INFINITY;
  const intol = options.reltol ?? Math.sqrt(2.220446049250313e-16);
  const alpha = options.alpha ?? 1;
  const bet = options.beta ?? 0.5;
  const gamm = options.gamma ?? 2;
  const maxit = options.maxit ?? 500;
  const n = start.length;
  const bvec = Float64Array.from(start);
  if (maxit <= 0) return { par: bvec, value: fn(bvec), evaluations: 0, fail: 0 };
  const n1 = n + 1;
  const c = n + 2;
  // p[i][j]: row i < n holds coordinate i of vertex j, row n1 - 1 its function value; column c - 1 the centroid.
  const p: Float64Array[] = Array.from({ length: n1 }, () => new Float64Array(n + 2));
  let f = fn(bvec);
  if (!Number.isFinite(f)) throw new RangeError("Nelder-Mead: function cannot be evaluated at initial parameters");
  let funcount = 1;
  const convtol = intol * (Math.abs(f) + intol);
  p[n1 - 1]![0] = f;
  for (let i = 0; i < n; i++) p[i]![0] = bvec[i]!;
  let L = 1;
  let size = 0;
  let step = 0;
  for (let i = 0; i < n; i++) if (0.1 * Math.abs(bvec[i]!) > step) step = 0.1 * Math.abs(bvec[i]!);
  if (step === 0) step = 0.1;
  for (let j = 2; j <= n1; j++) {
    for (let i = 0; i < n; i++) p[i]![j - 1] = bvec[i]!;
    let trystep = step;
    while (p[j - 2]![j - 1] === bvec[j - 2]) {
      p[j - 2]![j - 1] = bvec[j - 2]! + trystep;
      trystep *= 10;
    }
    size += trystep;
  }
  let oldsize = size;
  let calcvert = true;
  let fail: 0 | 1 | 10 = 0;
  const evaluate = (): number => {
    const v = fn(bvec);
    funcount++;
    return Number.isFinite(v) ? v : BIG;
  };
  do {
    if (calcvert) {
      for (let j = 0; j < n1; j++) {
        if (j + 1 !== L) {
          for (let i = 0; i < n; i++) bvec[i] = p[i]![j]!;
          p[n1 - 1]![j] = evaluate();
        }
      }
      calcvert = false;
    }
    let VL = p[n1 - 1]![L - 1]!;
    let VH = VL;
    let H = L;
    for (let j = 1; j <= n1; j++) {
      if (j !== L) {
        const v = p[n1 - 1]![j - 1]!;
        if (v < VL) {
          L = j;
          VL = v;
        }
        if (v > VH) {
          H = j;
          VH = v;
        }
      }
    }
    if (VH <= VL + convtol || VL <= abstol) break;
    for (let i = 0; i < n; i++) {
      let temp = -p[i]![H - 1]!;
      for (let j = 0; j < n1; j++) temp += p[i]![j]!;
      p[i]![c - 1] = temp / n;
    }
    for (let i = 0; i < n; i++) bvec[i] = (1 + alpha) * p[i]![c - 1]! - alpha * p[i]![H - 1]!;
    f = evaluate();
    const VR = f;
    if (VR < VL) {
      p[n1 - 1]![c - 1] = f;
      for (let i = 0; i < n; i++) {
        const g = gamm * bvec[i]! + (1 - gamm) * p[i]![c - 1]!;
        p[i]![c - 1] = bvec[i]!;
        bvec[i] = g;
      }
      f = evaluate();
      if (f < VR) {
        for (let i = 0; i < n; i++) p[i]![H - 1] = bvec[i]!;
        p[n1 - 1]![H - 1] = f;
      } else {
        for (let i = 0; i < n; i++) p[i]![H - 1] = p[i]![c - 1]!;
        p[n1 - 1]![H - 1] = VR;
      }
    } else {
      if (VR < VH) {
        for (let i = 0; i < n; i++) p[i]![H - 1] = bvec[i]!;
        p[n1 - 1]![H - 1] = VR;
      }
      for (let i = 0; i < n; i++) bvec[i] = (1 - bet) * p[i]![H - 1]! + bet * p[i]![c - 1]!;
      f = evaluate();
      if (f < p[n1 - 1]![H - 1]!) {
        for (let i = 0; i < n; i++) p[i]![H - 1] = bvec[i]!;
        p[n1 - 1]![H - 1] = f;
      } else if (VR >= VH) {
        calcvert = true;
        size = 0;
        for (let j = 0; j < n1; j++) {
          if (j + 1 !== L) {
            for (let i = 0; i < n; i++) {
              p[i]![j] = bet * (p[i]![j]! - p[i]![L - 1]!) + p[i]![L - 1]!;
              size += Math.abs(p[i]![j]! - p[i]![L - 1]!);
            }
          }
        }
        if (size < oldsize) {
          oldsize = size;
        } else {
          fail = 10;
          break;
        }
      }
    }
  } while (funcount <= maxit);
  const par = new Float64Array(n);
  for (let i = 0; i < n; i++) par[i] = p[i]![L - 1]!;
  if (funcount > maxit) fail = 1;
  return { par, value: p[n1 - 1]![L - 1]!, evaluations: funcount, fail };
}
