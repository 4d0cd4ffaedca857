import { InputError, InsufficientDataError, UsageError } from "../core/index.ts";

/** Options of {@link decomposeStl}; the defaults are those of R's stats::stl. */
export interface StlOptions {
  /** Number of observations per cycle (12 for monthly data). */
  readonly period: number;
  /** "periodic" (the same seasonal pattern every cycle) or the odd span, in cycles, of the seasonal smoother. */
  readonly seasonalWindow: "periodic" | number;
  /** Degree (0 or 1) of the seasonal loess; default 0 (forced to 0 when periodic). */
  readonly seasonalDegree?: 0 | 1;
  /** Span of the trend loess; default nextodd(ceiling(1.5 period / (1 - 1.5 / seasonalWindow))). */
  readonly trendWindow?: number;
  readonly trendDegree?: 0 | 1;
  /** Span of the low-pass filter's loess; default the smallest odd integer >= period. */
  readonly lowPassWindow?: number;
  readonly lowPassDegree?: 0 | 1;
  /** Robustness iterations against outliers (R's robust = TRUE: inner 1, outer 15). */
  readonly robust?: boolean;
  readonly inner?: number;
  readonly outer?: number;
  readonly seasonalJump?: number;
  readonly trendJump?: number;
  readonly lowPassJump?: number;
  /** Name of the series, used in error messages. */
  readonly series?: string;
}

/** The STL decomposition: data = seasonal + trend + remainder. */
export interface StlResult {
  readonly seasonal: Float64Array;
  readonly trend: Float64Array;
  readonly remainder: Float64Array;
  /** Final robustness weights (all 1 when not robust). */
  readonly weights: Float64Array;
  readonly reading: string;
}

const nextOdd = (x: number): number => {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
};

/**
 * Seasonal-trend decomposition by loess, Cleveland, Cleveland, McRae and Terpenning (1990), "STL: a seasonal-trend
 * decomposition procedure based on loess", J. Official Statistics 6(1). A line-by-line port of the Fortran behind
 * R's stats::stl (same defaults, the same window rounding, the periodic case averaged per cycle position), so
 * components agree with R to rounding.
 * @throws InsufficientDataError when the series has fewer than two full cycles plus one observation (R's rule).
 * @throws InputError when a value is not finite or the period is below 2.
 * @throws UsageError when a window is not a whole number of at least 1.
 */
export function decomposeStl(y: Float64Array, options: StlOptions): StlResult {
  const series = options.series ?? "series";
  const n = y.length;
  const period = options.period;
  if (!Number.isInteger(period) || period < 2) throw new InputError(series, undefined, `STL needs a period of at least 2, got ${period}`);
  if (n <= 2 * period) throw new InsufficientDataError("STL", series, n, 2 * period + 1);
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InputError(series, undefined, `value at position ${bad} is missing or not finite; STL needs a complete series`);
  const periodic = options.seasonalWindow === "periodic";
  const seasonalWindow = periodic ? 10 * n + 1 : (options.seasonalWindow as number);
  const seasonalDegree = periodic ? 0 : (options.seasonalDegree ?? 0);
  const trendDegree = options.trendDegree ?? 1;
  const lowPassDegree = options.lowPassDegree ?? trendDegree;
  const trendWindow = options.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / seasonalWindow)));
  const lowPassWindow = options.lowPassWindow ?? nextOdd(period);
  for (const [name, w] of [["seasonalWindow", seasonalWindow], ["trendWindow", trendWindow], ["lowPassWindow", lowPassWindow]] as const) {
    if (!Number.isInteger(w) || w < 1) throw new UsageError(`STL ${name} must be a whole number of at least 1, got ${w}`);
  }
  const robust = options.robust ?? false;
  const inner = options.inner ?? (robust ? 1 : 2);
  const outer = options.outer ?? (robust ? 15 : 0);
  const params: StlParams = {
    np: Math.max(2, period),
    ns: makeOdd(Math.max(3, seasonalWindow)),
    nt: makeOdd(Math.max(3, trendWindow)),
    nl: makeOdd(Math.max(3, lowPassWindow)),
    isdeg: seasonalDegree,
    itdeg: trendDegree,
    ildeg: lowPassDegree,
    nsjump: options.seasonalJump ?? Math.ceil(seasonalWindow / 10),
    ntjump: options.trendJump ?? Math.ceil(trendWindow / 10),
    nljump: options.lowPassJump ?? Math.ceil(lowPassWindow / 10),
    ni: inner,
  };
  const rw = new Float64Array(n);
  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  const fit = new Float64Array(n);
  let userw = false;
  for (let k = 0; ; k++) {
    stlStep(y, params, userw, rw, seasonal, trend);
    if (k + 1 > outer) break;
    for (let i = 0; i < n; i++) fit[i] = trend[i]! + seasonal[i]!;
    robustnessWeights(y, fit, rw);
    userw = true;
  }
  if (outer <= 0) rw.fill(1);
  if (periodic) {
    // R makes the periodic seasonal exactly periodic: the mean of each cycle position.
    for (let j = 0; j < period; j++) {
      let sum = 0;
      let count = 0;
      for (let i = j; i < n; i += period) {
        sum += seasonal[i]!;
        count++;
      }
      for (let i = j; i < n; i += period) seasonal[i] = sum / count;
    }
  }
  const remainder = new Float64Array(n);
  for (let i = 0; i < n; i++) remainder[i] = y[i]! - seasonal[i]! - trend[i]!;
  return { seasonal, trend, remainder, weights: rw, reading: readStl(y, seasonal, trend, remainder, period) };
}

interface StlParams {
  np: number;
  ns: number;
  nt: number;
  nl: number;
  isdeg: number;
  itdeg: number;
  ildeg: number;
  nsjump: number;
  ntjump: number;
  nljump: number;
  ni: number;
}

const makeOdd = (w: number): number => (w % 2 === 0 ? w + 1 : w);
// The Fortran writes .999 and .001 as single-precision constants; R's results depend on them at the margins.
const F999 = Math.fround(0.999);
const F001 = Math.fround(0.001);

function stlStep(y: Float64Array, p: StlParams, userw: boolean, rw: Float64Array, season: Float64Array, trend: Float64Array): void {
  const n = y.length;
  const len = n + 2 * p.np;
  const w1 = new Float64Array(len);
  const w2 = new Float64Array(len);
  const w3 = new Float64Array(len);
  const w4 = new Float64Array(len);
  const w5 = new Float64Array(len);
  for (let j = 0; j < p.ni; j++) {
    for (let i = 0; i < n; i++) w1[i] = y[i]! - trend[i]!;
    seasonalSmooth(w1, n, p.np, p.ns, p.isdeg, p.nsjump, userw, rw, w2, w3, w4, w5);
    lowPassFilter(w2, len, p.np, w3, w1);
    loess(w3, n, p.nl, p.ildeg, p.nljump, false, w4, w1, w5);
    for (let i = 0; i < n; i++) season[i] = w2[p.np + i]! - w1[i]!;
    for (let i = 0; i < n; i++) w1[i] = y[i]! - season[i]!;
    loess(w1, n, p.nt, p.itdeg, p.ntjump, userw, rw, trend, w3);
  }
}

function robustnessWeights(y: Float64Array, fit: Float64Array, rw: Float64Array): void {
  const n = y.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = Math.abs(y[i]! - fit[i]!);
  const partial = Float64Array.from(r);
  const mid1 = Math.floor(n / 2) + 1;
  const mid2 = n - mid1 + 1;
  // R passes the two middle ranks in descending order to a partial sort written for ascending ranks, so the
  // "median" it uses is not always the median; the literal port below reproduces R's weights.
  partialSort(partial, [mid1, mid2]);
  const cmad = 3.0 * (partial[mid1 - 1]! + partial[mid2 - 1]!);
  const c9 = F999 * cmad;
  const c1 = F001 * cmad;
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    if (ri <= c1) rw[i] = 1;
    else if (ri <= c9) rw[i] = (1 - (ri / cmad) ** 2) ** 2;
    else rw[i] = 0;
  }
}

/**
 * Port of psort from R's stl.f (Singleton's quicksort, partial): places the elements of ranks ind (1-based) of a
 * as a full sort would, provided ind is ascending. Goto structure kept as a state machine for fidelity.
 */
function partialSort(data: Float64Array, ind: readonly number[]): void {
  const n = data.length;
  const ni = ind.length;
  if (n < 2 || ni === 0) return;
  // 1-based views of the Fortran arrays.
  const a = (k: number): number => data[k - 1]!;
  const set = (k: number, v: number): void => {
    data[k - 1] = v;
  };
  const idx = (k: number): number => ind[k - 1]!;
  const indu = new Array<number>(17).fill(0);
  const indl = new Array<number>(17).fill(0);
  const iu = new Array<number>(17).fill(0);
  const il = new Array<number>(17).fill(0);
  let jl = 1;
  let ju = ni;
  indl[1] = 1;
  indu[1] = ni;
  let i = 1;
  let j = n;
  let m = 1;
  let k = 0;
  let l = 0;
  let t = 0;
  let tt = 0;
  let p = 0;
  let label = 161;
  for (;;) {
    switch (label) {
      case 161:
        label = i < j ? 10 : 166;
        break;
      case 166:
        m--;
        if (m === 0) return;
        i = il[m]!;
        j = iu[m]!;
        jl = indl[m]!;
        ju = indu[m]!;
        label = jl <= ju ? 173 : 166;
        break;
      case 173:
        label = j - i > 10 ? 10 : 174;
        break;
      case 10: {
        k = i;
        const ij = Math.trunc((i + j) / 2);
        t = a(ij);
        if (a(i) > t) {
          set(ij, a(i));
          set(i, t);
          t = a(ij);
        }
        l = j;
        if (a(j) < t) {
          set(ij, a(j));
          set(j, t);
          t = a(ij);
          if (a(i) > t) {
            set(ij, a(i));
            set(i, t);
            t = a(ij);
          }
        }
        label = 181;
        break;
      }
      case 181:
        l--;
        if (a(l) <= t) {
          tt = a(l);
          do k++;
          while (!(a(k) >= t));
          if (k > l) {
            label = 183;
            break;
          }
          set(l, a(k));
          set(k, tt);
        }
        break;
      case 183:
        indl[m] = jl;
        indu[m] = ju;
        p = m;
        m++;
        if (l - i <= j - k) {
          il[p] = k;
          iu[p] = j;
          j = l;
          for (;;) {
            if (jl > ju) {
              label = 166;
              break;
            }
            if (idx(ju) > j) {
              ju--;
              continue;
            }
            indl[p] = ju + 1;
            label = 173;
            break;
          }
        } else {
          il[p] = i;
          iu[p] = l;
          i = k;
          for (;;) {
            if (jl > ju) {
              label = 166;
              break;
            }
            if (idx(jl) < i) {
              jl++;
              continue;
            }
            indu[p] = jl - 1;
            label = 173;
            break;
          }
        }
        break;
      case 174:
        if (i !== 1) {
          i--;
          for (;;) {
            i++;
            if (i === j) break;
            t = a(i + 1);
            if (a(i) > t) {
              k = i;
              do {
                set(k + 1, a(k));
                k--;
              } while (!(t >= a(k)));
              set(k + 1, t);
            }
          }
          label = 166;
        } else {
          label = 161;
        }
        break;
      default:
        throw new Error(`partialSort reached unknown state ${label}`);
    }
  }
}

/** Moving average of length len over x[0..n): ave[0..n-len]. */
function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  const newn = n - len + 1;
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i]!;
  ave[0] = v / len;
  for (let j = 1, k = len, m = 0; j < newn; j++, k++, m++) {
    v = v - x[m]! + x[k]!;
    ave[j] = v / len;
  }
}

function lowPassFilter(x: Float64Array, n: number, np: number, trend: Float64Array, work: Float64Array): void {
  movingAverage(x, n, np, trend);
  movingAverage(trend, n - np + 1, np, work);
  movingAverage(work, n - 2 * np + 2, 3, trend);
}

/**
 * One local (degree 0 or 1) tricube-weighted fit at the 1-based abscissa xs from y[nleft..nright] (1-based).
 * Returns NaN when all weights are zero (the Fortran's ok = .false.).
 */
function loessAt(y: Float64Array, n: number, len: number, ideg: number, xs: number, nleft: number, nright: number, w: Float64Array, userw: boolean, rw: Float64Array): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = F999 * h;
  const h1 = F001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    w[j - 1] = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      w[j - 1] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      if (userw) w[j - 1] = rw[j - 1]! * w[j - 1]!;
      a += w[j - 1]!;
    }
  }
  if (a <= 0) return Number.NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] = w[j - 1]! / a;
  if (h > 0 && ideg > 0) {
    a = 0;
    for (let j = nleft; j <= nright; j++) a += w[j - 1]! * j;
    let b = xs - a;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1]! * (j - a) ** 2;
    if (Math.sqrt(c) > F001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] = w[j - 1]! * (b * (j - a) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1]! * y[j - 1]!;
  return ys;
}

/** Loess smoothing of y[0..n) into ys[0..n), evaluated every njump points and interpolated between them. */
function loess(y: Float64Array, n: number, len: number, ideg: number, njump: number, userw: boolean, rw: Float64Array, ys: Float64Array, res: Float64Array): void {
  if (n < 2) {
    ys[0] = y[0]!;
    return;
  }
  const fitAt = (i: number, nleft: number, nright: number): void => {
    const v = loessAt(y, n, len, ideg, i, nleft, nright, res, userw, rw);
    ys[i - 1] = Number.isNaN(v) ? y[i - 1]! : v;
  };
  const newnj = Math.min(njump, n - 1);
  let nleft = 1;
  let nright = n;
  if (len >= n) {
    for (let i = 1; i <= n; i += newnj) fitAt(i, 1, n);
  } else if (newnj === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      fitAt(i, nleft, nright);
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fitAt(i, nleft, nright);
    }
  }
  if (newnj !== 1) {
    for (let i = 1; i <= n - newnj; i += newnj) {
      const delta = (ys[i + newnj - 1]! - ys[i - 1]!) / newnj;
      for (let j = i + 1; j <= i + newnj - 1; j++) ys[j - 1] = ys[i - 1]! + delta * (j - i);
    }
    const k = Math.trunc((n - 1) / newnj) * newnj + 1;
    if (k !== n) {
      fitAt(n, nleft, nright);
      if (k !== n - 1) {
        const delta = (ys[n - 1]! - ys[k - 1]!) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = ys[k - 1]! + delta * (j - k);
      }
    }
  }
}

/** Smooths each cycle-subseries and extends it one cycle at both ends: season has n + 2 np values. */
function seasonalSmooth(y: Float64Array, n: number, np: number, ns: number, isdeg: number, nsjump: number, userw: boolean, rw: Float64Array, season: Float64Array, work1: Float64Array, work2: Float64Array, work3: Float64Array): void {
  const work4 = new Float64Array(work1.length);
  const smoothed = new Float64Array(work2.length);
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) work1[i - 1] = y[(i - 1) * np + j - 1]!;
    if (userw) for (let i = 1; i <= k; i++) work3[i - 1] = rw[(i - 1) * np + j - 1]!;
    loess(work1, k, ns, isdeg, nsjump, userw, work3, smoothed, work4);
    // smoothed holds positions 2..k+1 of work2 in the Fortran; position 1 and k+2 are the extensions.
    for (let i = 0; i < k; i++) work2[i + 1] = smoothed[i]!;
    const nright = Math.min(ns, k);
    const first = loessAt(work1, k, ns, isdeg, 0, 1, nright, work4, userw, work3);
    work2[0] = Number.isNaN(first) ? work2[1]! : first;
    const nleft = Math.max(1, k - ns + 1);
    const last = loessAt(work1, k, ns, isdeg, k + 1, nleft, k, work4, userw, work3);
    work2[k + 1] = Number.isNaN(last) ? work2[k]! : last;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j - 1] = work2[m - 1]!;
  }
}

function readStl(y: Float64Array, seasonal: Float64Array, trend: Float64Array, remainder: Float64Array, period: number): string {
  const variance = (v: Float64Array): number => {
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    return v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
  };
  const detrended = Float64Array.from(y, (v, i) => v - trend[i]!);
  const deseasoned = Float64Array.from(y, (v, i) => v - seasonal[i]!);
  const seasonalStrength = Math.max(0, 1 - variance(remainder) / variance(detrended));
  const trendStrength = Math.max(0, 1 - variance(remainder) / variance(deseasoned));
  const start = trend[0]!;
  const end = trend[trend.length - 1]!;
  return (
    `The trend moves from ${start.toPrecision(4)} to ${end.toPrecision(4)}; the seasonal pattern over ${period} ` +
    `periods has strength ${seasonalStrength.toFixed(2)} and the trend strength ${trendStrength.toFixed(2)} ` +
    "(0 = none, 1 = all of the variation, Wang, Smith and Hyndman 2006). STL describes the series; it does not " +
    "test whether the trend changed or why, and the ends of the trend are less certain than the middle."
  );
}
