// Confidence intervals for break dates (Bai 1997), as strucchange's confint.breakpointsfull computes them.
import { logNormalUpperTail } from "./distributions.ts";
import { findRootBrent } from "./brentRoot.ts";

/** log P(Z <= z) (R: pnorm(z, log.p = TRUE)). */
function logPnorm(z: number): number {
  return logNormalUpperTail(-z);
}

/**
 * P(argmax V <= x) for the two-sided Brownian motion with drift of Bai (1997, Econometrica 65(2)), allowing
 * different regressor moments (xi) and error variances (phi1, phi2) on the two sides of the break; strucchange's
 * pargmaxV, with log-space normal tails so that large |x| stays finite.
 */
export function pargmaxV(x: number, xi = 1, phi1 = 1, phi2 = 1): number {
  const phi = xi * (phi2 / phi1) ** 2;
  const ax = Math.abs(x);
  if (x < 0) {
    const frac = xi / phi;
    return (
      -Math.exp(Math.log(ax) / 2 - ax / 8 - Math.log(2 * Math.PI) / 2) -
      (((phi / xi) * (phi + 2 * xi)) / (phi + xi)) * Math.exp((frac * (1 + frac) * ax) / 2 + logPnorm(-(0.5 + frac) * Math.sqrt(ax))) +
      Math.exp(Math.log(ax / 2 - 2 + (phi + 2 * xi) ** 2 / ((phi + xi) * xi)) + logPnorm(-Math.sqrt(ax) / 2))
    );
  }
  const frac = xi ** 2 / phi;
  return (
    1 +
    Math.sqrt(frac) * Math.exp(Math.log(ax) / 2 - (frac * ax) / 8 - Math.log(2 * Math.PI) / 2) +
    (((xi / phi) * (2 * phi + xi)) / (phi + xi)) * Math.exp(((phi + xi) * ax) / 2 + logPnorm((-(phi + xi / 2) / Math.sqrt(phi)) * Math.sqrt(ax))) -
    Math.exp(Math.log((2 * phi + xi) ** 2 / ((phi + xi) * phi) - 2 + (frac * ax) / 2) + logPnorm((-Math.sqrt(frac) * Math.sqrt(ax)) / 2))
  );
}

/** A break date with its confidence bounds, all as 0-based indices of the last observation before the break. */
export interface BreakInterval {
  readonly lower: number;
  readonly estimate: number;
  readonly upper: number;
}

function quadraticForm(delta: Float64Array, m: Float64Array): number {
  const k = delta.length;
  let s = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) s += (delta[i] as number) * (m[i * k + j] as number) * (delta[j] as number);
  return s;
}

interface SegmentMoments {
  /** OLS coefficients on the segment. */
  beta: Float64Array;
  /** X'X / rows, row-major k x k. */
  q: Float64Array;
  /** RSS / rows. */
  sigma2: number;
}

/**
 * OLS on rows start..end-1 by modified Gram-Schmidt (as stable as a Householder QR for the one or two columns
 * used here, without building matrices), with the segment's moment matrix and ML error variance.
 */
function segmentMoments(design: readonly Float64Array[], y: Float64Array, start: number, end: number): SegmentMoments {
  const k = design.length;
  const rows = end - start;
  const q = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      const ca = design[a] as Float64Array;
      const cb = design[b] as Float64Array;
      for (let i = start; i < end; i++) s += (ca[i] as number) * (cb[i] as number);
      q[a * k + b] = s / rows;
      q[b * k + a] = s / rows;
    }
  }
  const basis: Float64Array[] = [];
  const r = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    const v = (design[j] as Float64Array).slice(start, end);
    for (let i = 0; i < j; i++) {
      const u = basis[i] as Float64Array;
      let dot = 0;
      for (let t = 0; t < rows; t++) dot += (u[t] as number) * (v[t] as number);
      r[i * k + j] = dot;
      for (let t = 0; t < rows; t++) v[t] = (v[t] as number) - dot * (u[t] as number);
    }
    let norm = 0;
    for (let t = 0; t < rows; t++) norm += (v[t] as number) ** 2;
    norm = Math.sqrt(norm);
    r[j * k + j] = norm;
    for (let t = 0; t < rows; t++) v[t] = (v[t] as number) / norm;
    basis.push(v);
  }
  const residual = y.slice(start, end);
  const qty = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const u = basis[j] as Float64Array;
    let dot = 0;
    for (let t = 0; t < rows; t++) dot += (u[t] as number) * (residual[t] as number);
    qty[j] = dot;
    for (let t = 0; t < rows; t++) residual[t] = (residual[t] as number) - dot * (u[t] as number);
  }
  const beta = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    let s = qty[j] as number;
    for (let c = j + 1; c < k; c++) s -= (r[j * k + c] as number) * (beta[c] as number);
    beta[j] = s / (r[j * k + j] as number);
  }
  let rss = 0;
  for (let t = 0; t < rows; t++) rss += (residual[t] as number) ** 2;
  return { beta, q, sigma2: rss / rows };
}

/**
 * Bai's (1997) confidence intervals for the break dates of a segmented regression, with regressor moments and
 * error variances allowed to differ between segments (strucchange's defaults het.reg = TRUE, het.err = TRUE).
 * `breaks` are 0-based indices of the last observation of each segment but the last. Bounds are found with R's
 * uniroot and rounded outward as strucchange does (break - ceiling(upper), break - floor(lower)), so they equal
 * R confint(breakpoints(...), breaks = m, level) exactly. An interval that cannot be computed (P(argmax V <= 0)
 * outside the level's range) is null, where R warns and gives NA. Throws nothing else.
 */
export function breakDateIntervals(
  design: readonly Float64Array[],
  y: Float64Array,
  breaks: readonly number[],
  level = 0.95,
): (BreakInterval | null)[] {
  const n = y.length;
  const a2 = (1 - level) / 2;
  const bounds = [0, ...breaks.map((b) => b + 1), n];
  let right = segmentMoments(design, y, bounds[0] as number, bounds[1] as number);
  const out: (BreakInterval | null)[] = [];
  for (let i = 1; i < bounds.length - 1; i++) {
    const left = right;
    right = segmentMoments(design, y, bounds[i] as number, bounds[i + 1] as number);
    const delta = right.beta.map((b, j) => b - (left.beta[j] as number));
    const qprod1 = quadraticForm(delta, left.q);
    const qprod2 = quadraticForm(delta, right.q);
    const xi = qprod2 / qprod1;
    const phi1 = Math.sqrt(left.sigma2);
    const phi2 = Math.sqrt(right.sigma2);
    const p0 = pargmaxV(0, xi, phi1, phi2);
    const point = bounds[i] as number;
    if (Number.isNaN(p0) || p0 < a2 || p0 > 1 - a2) {
      out.push(null);
      continue;
    }
    let ub = 0;
    while (pargmaxV(ub, xi, phi1, phi2) < 1 - a2) ub += 1000;
    let lb = 0;
    while (pargmaxV(lb, xi, phi1, phi2) > a2) lb -= 1000;
    const upperRoot = findRootBrent((x) => pargmaxV(x, xi, phi1, phi2) - (1 - a2), 0, ub);
    const lowerRoot = findRootBrent((x) => pargmaxV(x, xi, phi1, phi2) - a2, lb, 0);
    const scale = phi1 ** 2 / qprod1;
    const upper = upperRoot * scale;
    const lower = lowerRoot * scale;
    // strucchange works with 1-based `point`; subtracting 1 from each bound gives 0-based indices.
    out.push({ lower: point - Math.ceil(upper) - 1, estimate: point - 1, upper: point - Math.floor(lower) - 1 });
  }
  return out;
}
