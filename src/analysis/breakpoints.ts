// Bai-Perron multiple structural breaks by dynamic programming, with the number of breaks chosen by BIC.
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { breakDateIntervals, type BreakInterval } from "./baiInterval.ts";
import { buildBreakDesign, type BreakModelOptions } from "./breakDesign.ts";
import { buildRssTriangle, type RssTriangle } from "./segmentRss.ts";

export interface BreakpointsOptions extends BreakModelOptions {
  /** Minimum segment size as a share of n, h = floor(trim n); default 0.15 (strucchange's h = 0.15). */
  readonly trim?: number;
  /** Minimum segment size as a count; overrides trim. */
  readonly minSegment?: number;
  /** Largest number of breaks considered; default and ceiling ceil(n / h) - 2. */
  readonly maxBreaks?: number;
  /** Confidence level of the break-date intervals; default 0.95. */
  readonly level?: number;
  /** Compute the break-date intervals (default true); a scan over many series may skip them. */
  readonly intervals?: boolean;
  readonly series?: string;
}

export interface BreakpointsResult {
  readonly n: number;
  /** Minimum segment size. */
  readonly h: number;
  /** Number of coefficients per segment (1 for y ~ 1, 2 for y ~ trend). */
  readonly k: number;
  readonly maxBreaks: number;
  /** The number of breaks with the lowest BIC. */
  readonly chosen: number;
  /** 0-based index of the last observation of each segment but the last (strucchange's breakpoints minus 1). */
  readonly breaks: readonly number[];
  /** Bai (1997) interval of each chosen break, in the same indexing; null where it cannot be computed; empty
   * when the intervals were not asked for. */
  readonly ci: readonly (BreakInterval | null)[];
  /** RSS of the optimal segmentation with m = 0..maxBreaks breaks (summary(breakpoints)$RSS["RSS", ]). */
  readonly rss: readonly number[];
  /** BIC for m = 0..maxBreaks breaks (summary(breakpoints)$RSS["BIC", ]). */
  readonly bic: readonly number[];
  /** The optimal breaks for each m = 0..maxBreaks (0-based, as `breaks`). */
  readonly breaksByCount: readonly (readonly number[])[];
  readonly reading: string;
}

/** First index of the smallest non-NaN value (R's which.min). */
function whichMin(values: readonly number[]): number {
  let best = -1;
  values.forEach((v, i) => {
    if (!Number.isNaN(v) && (best < 0 || v < (values[best] as number))) best = i;
  });
  return best;
}

/**
 * The dynamic programme of Bai and Perron (2003): for m breaks, RSS_m(i) = min_j RSS_{m-1}(j) + RSS(j+1, i) over
 * segment ends with every segment at least h long, then the break set minimising RSS_m(i) + RSS(i+1, n).
 * Indices are strucchange's (1-based ends of segments); ties go to the first candidate, as which.min.
 */
function optimalBreaks(triangle: RssTriangle, n: number, h: number, maxBreaks: number): number[][] {
  // rss(i, j) in strucchange's 1-based indices is values[(i - 1) n + j - 1].
  const table = triangle.values;
  const rss = (i: number, j: number): number => table[(i - 1) * n + j - 1] as number;
  // cost[m][i] and previous[m][i] for segment ends i = 1..n (1-based), NaN where undefined.
  const cost: Float64Array[] = [new Float64Array(0)];
  const previous: Int32Array[] = [new Int32Array(0)];
  const first = new Float64Array(n + 1).fill(NaN);
  for (let i = h; i <= n - h; i++) first[i] = table[i - 1] as number;
  cost.push(first);
  previous.push(new Int32Array(n + 1));
  for (let m = 2; m <= maxBreaks; m++) {
    const c = new Float64Array(n + 1).fill(NaN);
    const prev = new Int32Array(n + 1);
    const before = cost[m - 1] as Float64Array;
    for (let i = m * h; i <= n - h; i++) {
      let best = NaN;
      let bestJ = -1;
      for (let j = (m - 1) * h; j <= i - h; j++) {
        // RSS(j + 1, i) read directly from the table: row j (0-based start j + 1 - 1), column i - 1.
        const v = (before[j] as number) + (table[j * n + i - 1] as number);
        if (!Number.isNaN(v) && (bestJ < 0 || v < best)) {
          best = v;
          bestJ = j;
        }
      }
      c[i] = best;
      prev[i] = bestJ;
    }
    cost.push(c);
    previous.push(prev);
  }
  const result: number[][] = [[]];
  for (let m = 1; m <= maxBreaks; m++) {
    const c = cost[m] as Float64Array;
    let last = -1;
    let bestTotal = NaN;
    for (let i = h; i <= n - h; i++) {
      const total = (c[i] as number) + rss(i + 1, n);
      if (!Number.isNaN(total) && (last < 0 || total < bestTotal)) {
        bestTotal = total;
        last = i;
      }
    }
    const breaks = [last];
    for (let back = m; back >= 2; back--) breaks.unshift((previous[back] as Int32Array)[breaks[0] as number] as number);
    result.push(breaks);
  }
  return result;
}

/**
 * Multiple structural breaks in y ~ 1 (or y ~ trend) by Bai and Perron's dynamic programme over the triangle of
 * segment RSS, minimum segment size h = floor(trim n), for 0..maxBreaks breaks; the number is chosen by BIC
 * (n (log RSS + 1 - log n + log 2π) + log(n) (k + 1)(m + 1)), and the chosen breaks get Bai's (1997) confidence
 * intervals. Matches R strucchange::breakpoints(y ~ 1, h = trim) with summary(...)$RSS, breakpoints(bp)$breakpoints
 * and confint(bp, breaks = chosen); indices here are 0-based (R's minus 1). References: Bai and Perron (2003), J
 * Appl Econometrics 18(1); Bai (1997), Econometrica 65(2). Throws InsufficientDataError when the series is too
 * short for two segments of more than k observations, MigmonError for a minimum segment of k or fewer
 * observations or more than half the series.
 */
export function findBreakpoints(y: Float64Array, options: BreakpointsOptions = {}): BreakpointsResult {
  const series = options.series ?? "y";
  const n = y.length;
  const { columns } = buildBreakDesign(n, options);
  const k = columns.length;
  const trim = options.trim ?? 0.15;
  const h = options.minSegment ?? Math.floor(trim * n);
  if (2 * (k + 1) > n) throw new InsufficientDataError("breakpoints", series, n, 2 * (k + 1));
  if (h <= k) {
    throw new MigmonError(`breakpoints: minimum segment size ${h} for ${series} (n = ${n}) must exceed the ${k} coefficients per segment`);
  }
  if (h > Math.floor(n / 2)) {
    throw new MigmonError(`breakpoints: minimum segment size ${h} for ${series} must be at most half of n = ${n}`);
  }
  const ceiling = Math.ceil(n / h) - 2;
  if (ceiling < 1) throw new InsufficientDataError("breakpoints", series, n, 3 * h);
  const maxBreaks = Math.max(1, Math.min(options.maxBreaks ?? ceiling, ceiling));
  const triangle = buildRssTriangle(columns, y, h);
  const byCount = optimalBreaks(triangle, n, h, maxBreaks);
  const rss = byCount.map((breaks) => {
    const bounds = [0, ...breaks, n];
    let total = 0;
    for (let s = 0; s + 1 < bounds.length; s++) total += triangle.rss(bounds[s] as number, (bounds[s + 1] as number) - 1);
    return total;
  });
  const bic = rss.map((r, m) => n * (Math.log(r) + 1 - Math.log(n) + Math.log(2 * Math.PI)) + Math.log(n) * (k + 1) * (m + 1));
  const chosen = whichMin(bic);
  const breaks = (byCount[chosen] as number[]).map((b) => b - 1);
  const ci = chosen === 0 || options.intervals === false ? [] : breakDateIntervals(columns, y, breaks, options.level ?? 0.95);
  const what = k === 1 ? "mean" : "level and trend";
  const listed = breaks.map((b, i) => {
    const interval = ci[i];
    return interval ? `after observation ${b + 1} (95% interval ${interval.lower + 1} to ${interval.upper + 1})` : `after observation ${b + 1}`;
  });
  const reading =
    (chosen === 0
      ? `BIC prefers no break in the ${what} of ${series} among 0 to ${maxBreaks} breaks.`
      : `BIC prefers ${chosen} break${chosen > 1 ? "s" : ""} in the ${what} of ${series}: ${listed.join("; ")}.`) +
    ` Segments are at least ${h} observations long. Breaks are where the series changed, not why; compare them with known definition breaks and flags in the source before reading them as policy effects, and note that BIC and the intervals assume independent errors.`;
  return {
    n,
    h,
    k,
    maxBreaks,
    chosen,
    breaks,
    ci,
    rss,
    bic,
    breaksByCount: byCount.map((b) => b.map((x) => x - 1)),
    reading,
  };
}
