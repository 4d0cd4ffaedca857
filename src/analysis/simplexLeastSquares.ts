import { Matrix, solve } from "ml-matrix";
import { MigmonError } from "../core/index.ts";

/** Options of {@link solveSimplexLeastSquares}. */
export interface SimplexLeastSquaresOptions {
  /** Maximum projected-gradient iterations (default 5000). */
  readonly maxIterations?: number;
  /** Stop when the objective improves by less than this relative amount over an iteration (default 1e-15). */
  readonly tolerance?: number;
}

/** The simplex-constrained least squares solution and how it was reached. */
export interface SimplexLeastSquaresResult {
  /** Non-negative weights summing to one, one per column. */
  readonly weights: Float64Array;
  /** Sum of squared residuals ||target - columns w||². */
  readonly sse: number;
  readonly iterations: number;
  /** True when the KKT conditions hold to rounding (the weights are then a global minimum). */
  readonly optimal: boolean;
}

/**
 * Minimises ||target - sum_j w_j columns_j||² over the probability simplex (w >= 0, sum w = 1), the quadratic
 * programme of synthetic control (Abadie, Diamond and Hainmueller 2010). Accelerated projected gradient (Beck and
 * Teboulle 2009, FISTA with restarts) onto the simplex by the sort-based projection (Duchi et al. 2008), then a
 * polish on the support found: the equality-constrained least squares on the positive weights, kept when it is
 * feasible and the KKT conditions hold. When the minimiser is unique this gives what quadprog::solve.QP gives.
 * @throws MigmonError when no column is given or the columns differ in length from the target.
 * Known limit: with columns of very different scale (e.g. 1e-8 beside 2) the projected gradient converges slowly
 * and can stop about 1e-8 (relative) short of the optimum at `maxIterations`; `optimal` is then still judged by the
 * KKT check at its tolerance.
 */
export function solveSimplexLeastSquares(target: Float64Array, columns: readonly Float64Array[], options: SimplexLeastSquaresOptions = {}): SimplexLeastSquaresResult {
  const k = columns.length;
  const n = target.length;
  if (k === 0) throw new MigmonError("simplex least squares: no columns given");
  columns.forEach((c, j) => {
    if (c.length !== n) throw new MigmonError(`simplex least squares: column ${j} has ${c.length} values, the target has ${n}`);
  });
  // Scaling by the largest absolute value leaves the minimiser unchanged and keeps the step sizes finite.
  let scale = 0;
  for (const v of target) scale = Math.max(scale, Math.abs(v));
  for (const c of columns) for (const v of c) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) return { weights: new Float64Array(k).fill(1 / k), sse: 0, iterations: 0, optimal: true };
  const y = Float64Array.from(target, (v) => v / scale);
  const x = columns.map((c) => Float64Array.from(c, (v) => v / scale));
  const h = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const ci = x[i]!;
    let s = 0;
    for (let t = 0; t < n; t++) s += ci[t]! * y[t]!;
    b[i] = s;
    for (let j = 0; j <= i; j++) {
      const cj = x[j]!;
      let v = 0;
      for (let t = 0; t < n; t++) v += ci[t]! * cj[t]!;
      h[i * k + j] = v;
      h[j * k + i] = v;
    }
  }
  let yy = 0;
  for (let t = 0; t < n; t++) yy += y[t]! ** 2;
  // f(w) = w'Hw - 2 b'w + y'y, gradient 2(Hw - b).
  const objective = (w: Float64Array): number => {
    let s = yy;
    for (let i = 0; i < k; i++) {
      let hw = 0;
      for (let j = 0; j < k; j++) hw += h[i * k + j]! * w[j]!;
      s += w[i]! * hw - 2 * b[i]! * w[i]!;
    }
    return s;
  };
  const gradient = (w: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < k; i++) {
      let hw = 0;
      for (let j = 0; j < k; j++) hw += h[i * k + j]! * w[j]!;
      out[i] = 2 * (hw - b[i]!);
    }
  };
  // The floor keeps the step finite when H is (nearly) zero and the problem (nearly) linear.
  let lipschitz = Math.max(2 * largestEigenvalue(h, k), 1e-12);
  const maxIterations = options.maxIterations ?? 5000;
  const tolerance = options.tolerance ?? 1e-15;

  let w: Float64Array = new Float64Array(k).fill(1 / k);
  let z: Float64Array = Float64Array.from(w);
  let momentum = 1;
  let f = objective(w);
  const g = new Float64Array(k);
  const step = new Float64Array(k);
  let iterations = 0;
  let calm = 0;
  for (; iterations < maxIterations; iterations++) {
    gradient(z, g);
    for (let i = 0; i < k; i++) step[i] = z[i]! - g[i]! / lipschitz;
    const next = projectOntoSimplex(step);
    const fNext = objective(next);
    calm = Math.abs(f - fNext) <= tolerance * Math.max(1, Math.abs(f)) ? calm + 1 : 0;
    if (calm >= 50) break;
    if (fNext > f) {
      // Restart the momentum when it overshoots (O'Donoghue and Candes 2015); if a plain step from w overshoots,
      // the power-iteration estimate of the Lipschitz constant was too small.
      if (momentum === 1) lipschitz *= 2;
      momentum = 1;
      z = Float64Array.from(w);
      continue;
    }
    const momentumNext = (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
    for (let i = 0; i < k; i++) z[i] = next[i]! + ((momentum - 1) / momentumNext) * (next[i]! - w[i]!);
    momentum = momentumNext;
    w = next;
    f = fNext;
  }
  const polished = polishOnSupport(h, b, w);
  // On a nearly singular H the support system can land off the simplex (weights summing to 1 - 3e-8 were seen):
  // only a feasible polish replaces the projected-gradient answer.
  if (polished !== null && onSimplex(polished) && objective(polished) <= f + 1e-12 * Math.max(1, Math.abs(f))) {
    w = polished;
    f = objective(w);
  }
  return { weights: w, sse: Math.max(0, f) * scale * scale, iterations, optimal: satisfiesKkt(h, b, w) };
}

/** Whether weights are non-negative and sum to one within rounding. */
function onSimplex(w: Float64Array): boolean {
  let sum = 0;
  for (const v of w) {
    if (!(v >= 0)) return false;
    sum += v;
  }
  return Math.abs(sum - 1) <= 1e-12;
}

/** Largest eigenvalue of the symmetric positive semi-definite H by power iteration, with a 2 % margin. */
function largestEigenvalue(h: Float64Array, k: number): number {
  let v = new Float64Array(k).fill(1 / Math.sqrt(k));
  let lambda = 0;
  for (let iteration = 0; iteration < 200; iteration++) {
    const next = new Float64Array(k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) next[i] = next[i]! + h[i * k + j]! * v[j]!;
    const norm = Math.hypot(...next);
    if (norm === 0) return 0;
    const previous = lambda;
    lambda = norm;
    v = next.map((x) => x / norm);
    if (Math.abs(lambda - previous) <= 1e-12 * lambda) break;
  }
  return 1.02 * lambda;
}

/** Euclidean projection onto the probability simplex (Duchi, Shalev-Shwartz, Singer and Chandra 2008). */
export function projectOntoSimplex(v: Float64Array): Float64Array {
  const sorted = Float64Array.from(v).sort().reverse();
  let cumulative = 0;
  let theta = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i]!;
    const candidate = (cumulative - 1) / (i + 1);
    if (sorted[i]! - candidate > 0) theta = candidate;
  }
  return Float64Array.from(v, (x) => Math.max(0, x - theta));
}

/**
 * Refines w by an active-set loop on its support: solve the equality-constrained least squares on the support
 * (KKT system), drop the most negative weight if any, add the index that most violates the KKT conditions if
 * any, until neither happens. Returns null if the loop does not settle.
 */
function polishOnSupport(h: Float64Array, b: Float64Array, w: Float64Array): Float64Array | null {
  const k = b.length;
  const inSupport = Array.from(w, (v) => v > 1e-10);
  for (let round = 0; round < 4 * k + 4; round++) {
    const support: number[] = [];
    inSupport.forEach((on, i) => (on ? support.push(i) : undefined));
    const s = support.length;
    if (s === 0) return null;
    const kkt = new Matrix(s + 1, s + 1);
    const rhs = new Matrix(s + 1, 1);
    support.forEach((i, a) => {
      support.forEach((j, c) => kkt.set(a, c, h[i * k + j]!));
      kkt.set(a, s, 1);
      kkt.set(s, a, 1);
      rhs.set(a, 0, b[i]!);
    });
    rhs.set(s, 0, 1);
    const x = solveKkt(kkt, rhs);
    const out = new Float64Array(k);
    let worst = -1;
    let worstValue = 0;
    for (let a = 0; a < s; a++) {
      const v = x.get(a, 0);
      if (!Number.isFinite(v)) return null;
      out[support[a]!] = v;
      if (v < worstValue) {
        worstValue = v;
        worst = support[a]!;
      }
    }
    if (worst >= 0) {
      inSupport[worst] = false;
      continue;
    }
    const violator = mostViolatingIndex(h, b, out);
    if (violator < 0) return out;
    inSupport[violator] = true;
  }
  return null;
}

/**
 * Solves the KKT system by LU (exact when it is regular, even badly conditioned: a tiny pivot then shows up as a
 * large negative weight that the active-set loop drops) and by SVD when LU finds it singular (the minimiser is
 * then not unique and the pseudo-inverse gives the solution of least norm).
 */
function solveKkt(kkt: Matrix, rhs: Matrix): Matrix {
  try {
    const x = solve(kkt, rhs);
    if (x.to1DArray().every(Number.isFinite)) return x;
  } catch {
    // singular: fall through to the pseudo-inverse
  }
  return solve(kkt, rhs, true);
}

/** Gradient (Hw - b) of the half objective. */
function halfGradient(h: Float64Array, b: Float64Array, w: Float64Array): { g: Float64Array; scale: number } {
  const k = b.length;
  const g = new Float64Array(k);
  let scale = 0;
  for (let i = 0; i < k; i++) {
    let hw = 0;
    for (let j = 0; j < k; j++) hw += h[i * k + j]! * w[j]!;
    g[i] = hw - b[i]!;
    scale = Math.max(scale, Math.abs(hw), Math.abs(b[i]!));
  }
  return { g, scale };
}

/** The off-support index whose gradient is most below the support's (-1 if none, to a relative 1e-13). */
function mostViolatingIndex(h: Float64Array, b: Float64Array, w: Float64Array): number {
  const { g, scale } = halfGradient(h, b, w);
  let lambda = Number.POSITIVE_INFINITY;
  w.forEach((v, i) => (v > 0 ? (lambda = Math.min(lambda, g[i]!)) : undefined));
  let best = -1;
  let bestGap = 1e-13 * Math.max(1, scale);
  w.forEach((v, i) => {
    if (v === 0 && lambda - g[i]! > bestGap) {
      bestGap = lambda - g[i]!;
      best = i;
    }
  });
  return best;
}

/** KKT check: the gradient is equal on the support and no smaller off it (to a relative 1e-8). */
function satisfiesKkt(h: Float64Array, b: Float64Array, w: Float64Array): boolean {
  const { g, scale } = halfGradient(h, b, w);
  let lambda = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  w.forEach((v, i) => {
    if (v > 0) {
      lambda = Math.min(lambda, g[i]!);
      highest = Math.max(highest, g[i]!);
    }
  });
  const slack = 1e-8 * Math.max(1, scale);
  if (highest - lambda > slack) return false;
  return w.every((v, i) => v > 0 || g[i]! >= lambda - slack);
}
