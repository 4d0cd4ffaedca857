// Chow test for a structural break at a known date.
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { buildBreakDesign, type BreakModelOptions } from "./breakDesign.ts";
import { fUpperTail } from "./distributions.ts";
import { fitOls } from "./ols.ts";

export interface ChowOptions extends BreakModelOptions {
  /** 0-based index of the last observation before the break (strucchange's `point` minus 1). */
  readonly lastBefore: number;
  readonly series?: string;
}

export interface ChowResult {
  readonly F: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
  readonly lastBefore: number;
  /** RSS of the one-regime fit and of the two-regime fit. */
  readonly rssPooled: number;
  readonly rssSplit: number;
  readonly reading: string;
}

function segment(columns: readonly Float64Array[], from: number, to: number): Float64Array[] {
  return columns.map((c) => c.subarray(from, to));
}

/**
 * Chow (1960) F test that the coefficients of y ~ 1 (or y ~ trend) are the same before and after a known break:
 * F = ((RSS_pooled - RSS_split) / k) / (RSS_split / (n - 2k)) with p from F(k, n - 2k). Matches R
 * strucchange::sctest(y ~ 1, type = "Chow", point = lastBefore + 1) (or y ~ trend). Reference: Chow (1960),
 * Econometrica 28(3). Throws InsufficientDataError when n < 2k + 2, MigmonError when either side of the break has
 * k observations or fewer (strucchange's "inadmissable change point").
 */
export function chowTest(y: Float64Array, options: ChowOptions): ChowResult {
  const series = options.series ?? "y";
  const n = y.length;
  const { columns } = buildBreakDesign(n, options);
  const k = columns.length;
  if (n < 2 * k + 2) throw new InsufficientDataError("chow", series, n, 2 * k + 2);
  const point = options.lastBefore + 1;
  if (!Number.isInteger(point) || !(point > k && point < n - k)) {
    throw new MigmonError(
      `chow: the break after index ${options.lastBefore} leaves ${k} or fewer observations on one side of ${series} (n = ${n})`,
    );
  }
  const fitOptions = { intercept: false, series, method: "chow" } as const;
  const pooled = fitOls(y, columns, fitOptions).rss;
  const before = fitOls(y.subarray(0, point), segment(columns, 0, point), fitOptions).rss;
  const after = fitOls(y.subarray(point), segment(columns, point, n), fitOptions).rss;
  const split = before + after;
  const df2 = n - 2 * k;
  const F = ((pooled - split) / k) / (split / df2);
  const p = fUpperTail(F, k, df2);
  const what = k === 1 ? "mean" : "level and trend";
  const reading =
    (p < 0.05
      ? `The ${what} of ${series} differ before and after observation ${point} (F = ${F.toFixed(2)}, p = ${p < 0.001 ? "< 0.001" : p.toFixed(3)}).`
      : `The ${what} of ${series} are not clearly different before and after observation ${point} (F = ${F.toFixed(2)}, p = ${p.toFixed(3)}).`) +
    " The test assumes the break date was fixed before looking at the data and independent errors of constant variance; it says nothing about what caused a change.";
  return { F, df1: k, df2, p, lastBefore: options.lastBefore, rssPooled: pooled, rssSplit: split, reading };
}
