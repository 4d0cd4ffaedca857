// The unknown-date break tests of the assessment: where would the data alone put a break, and does the interval of
// that date cover the event?
import { breakDateIntervals } from "../analysis/baiInterval.ts";
import { buildBreakDesign } from "../analysis/breakDesign.ts";
import { findBreakpoints } from "../analysis/breakpoints.ts";
import { supFTest } from "../analysis/supF.ts";

/** A break date as 0-based indices of the last value before it, with Bai's 95% interval. */
export interface DatedBreak {
  readonly lastBefore: number;
  /** Bounds of the 95% interval (same indexing), null where Bai's interval cannot be computed. */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Whether the interval covers the event (the event's last value before it lies within the bounds). */
  readonly coversEvent: boolean | null;
}

/** What the break tests say about the complete values of the series. */
export interface UnknownDateBreak {
  /** The model tested: y ~ trend (level and slope may break) or y ~ 1 (the mean). */
  readonly trend: boolean;
  /** Minimum segment length used by Bai-Perron and the sup-F trimming floor. */
  readonly minSegment: number;
  readonly supF: { readonly statistic: number; readonly p: number; readonly lastBefore: number };
  /** Number of breaks chosen by BIC and the chosen breaks with their intervals. */
  readonly chosen: number;
  readonly breaks: readonly DatedBreak[];
  /** The best single break (Bai-Perron with one break), whatever BIC prefers. */
  readonly bestSingle: DatedBreak;
  /** Whether any break chosen by BIC has an interval covering the event (false when BIC chooses none). */
  readonly coversEvent: boolean;
}

function covers(lower: number | null, upper: number | null, eventLastBefore: number): boolean | null {
  return lower === null || upper === null ? null : lower <= eventLastBefore && eventLastBefore <= upper;
}

/**
 * Andrews' sup-F test (supFTest) and Bai-Perron's breaks with BIC and Bai's 95% intervals (findBreakpoints,
 * breakDateIntervals) on consecutive complete values, with segments at least max(floor(0.15 n), k + 1) long (k = 2
 * coefficients with a trend, 1 without), and whether the dates found agree with the event, whose last value before
 * it is `eventLastBefore` (0-based). Throws what those methods throw: InsufficientDataError for too short a series.
 */
export function testUnknownDateBreak(y: Float64Array, eventLastBefore: number, trend: boolean, series: string): UnknownDateBreak {
  const n = y.length;
  const k = trend ? 2 : 1;
  const minSegment = Math.max(Math.floor(0.15 * n), k + 1);
  const sup = supFTest(y, { trend, trim: 0.15, series });
  const bp = findBreakpoints(y, { trend, minSegment, series });
  const breaks = bp.breaks.map((b, i) => {
    const ci = bp.ci[i] ?? null;
    const lower = ci === null ? null : ci.lower;
    const upper = ci === null ? null : ci.upper;
    return { lastBefore: b, lower, upper, coversEvent: covers(lower, upper, eventLastBefore) };
  });
  const single = (bp.breaksByCount[1] as readonly number[])[0] as number;
  const singleCi = bp.chosen === 1 ? (bp.ci[0] ?? null) : (breakDateIntervals(buildBreakDesign(n, { trend }).columns, y, [single])[0] ?? null);
  const bestSingle = {
    lastBefore: single,
    lower: singleCi?.lower ?? null,
    upper: singleCi?.upper ?? null,
    coversEvent: covers(singleCi?.lower ?? null, singleCi?.upper ?? null, eventLastBefore),
  };
  return {
    trend,
    minSegment,
    supF: { statistic: sup.supF, p: sup.p, lastBefore: sup.lastBefore },
    chosen: bp.chosen,
    breaks,
    bestSingle,
    coversEvent: breaks.some((b) => b.coversEvent === true),
  };
}
