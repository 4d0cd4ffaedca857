// Andrews' sup-F test for a structural break at an unknown date, with Hansen's (1997) approximate p-value.
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { buildBreakDesign, type BreakModelOptions } from "./breakDesign.ts";
import { chiSquareUpperTail, fUpperTail } from "./distributions.ts";
import { fitOls } from "./ols.ts";
import { recursiveResiduals } from "./segmentRss.ts";
import { SUP_F_RESPONSE_SURFACE } from "./supFResponseSurface.ts";

export interface SupFOptions extends BreakModelOptions {
  /** Share of the series trimmed at each end, in (0, 0.5); default 0.15 (strucchange's `from = 0.15`). */
  readonly trim?: number;
  readonly series?: string;
}

export interface SupFResult {
  readonly supF: number;
  readonly p: number;
  /** 0-based index of the last observation before the most likely break (strucchange's breakpoint minus 1). */
  readonly lastBefore: number;
  /** The F statistic for each candidate break; Fstats[i] is for lastBefore = firstCandidate + i. */
  readonly Fstats: Float64Array;
  readonly firstCandidate: number;
  /** Number of regressors k and strucchange's lambda = ((n - from) to) / (from (n - to)). */
  readonly k: number;
  readonly lambda: number;
  readonly reading: string;
}

/**
 * Hansen's (1997) approximate asymptotic p-value of the sup-F statistic, exactly as strucchange's pvalue.Fstats
 * (type "supF"): a chi-square response surface per number of regressors k (at most 40) and trimming tau,
 * interpolated linearly in tau; the chi-square tail is computed directly, where strucchange uses 1 - pchisq.
 */
export function supFPValue(statistic: number, k: number, lambda: number): number {
  const kk = Math.min(k, 40);
  const tau = lambda < 1 ? lambda : 1 / (1 + Math.sqrt(lambda));
  const pp = (i: number): number => {
    const [b0, b1, df] = SUP_F_RESPONSE_SURFACE[(kk - 1) * 25 + i - 1] as readonly [number, number, number];
    const argument = Math.max(b0 + b1 * statistic, 0);
    return chiSquareUpperTail(argument, df);
  };
  if (tau === 0.5) return chiSquareUpperTail(statistic, kk);
  if (tau <= 0.01) return pp(25);
  if (tau >= 0.49) return ((0.5 - tau) * pp(1) + (tau - 0.49) * chiSquareUpperTail(statistic, kk)) * 100;
  const taua = (0.51 - tau) * 50;
  const tau1 = Math.floor(taua);
  return (tau1 + 1 - taua) * pp(tau1) + (taua - tau1) * pp(tau1 + 1);
}

function reversed(a: Float64Array): Float64Array {
  return Float64Array.from(a).reverse();
}

/**
 * Andrews' (1993) sup-F test: the largest Chow F statistic over all break dates in the trimmed middle of the
 * series, F_i = (RSS_pooled - RSS_split(i)) / (RSS_split(i) / (n - 2k)), for y ~ 1 or y ~ trend, with the p-value
 * of Hansen (1997). Matches R strucchange::sctest(strucchange::Fstats(y ~ 1, from = trim), type = "supF") and the
 * Fstats object's breakpoint. References: Andrews (1993), Econometrica 61(4); Hansen (1997), JBES 15(1).
 * Throws InsufficientDataError when the trimmed range holds no admissible date, MigmonError for a trim outside
 * (0, 0.5).
 */
export function supFTest(y: Float64Array, options: SupFOptions = {}): SupFResult {
  const series = options.series ?? "y";
  const trim = options.trim ?? 0.15;
  if (!(trim > 0 && trim < 0.5)) throw new MigmonError(`supf: trim must be between 0 and 0.5, got ${trim}`);
  const n = y.length;
  const { columns } = buildBreakDesign(n, options);
  const k = columns.length;
  let from = Math.floor(trim * n);
  let to = n - from;
  if (from < k + 1) from = k + 1;
  if (to > n - k - 1) to = n - k - 1;
  if (from > to) throw new InsufficientDataError("supf", series, n, 2 * k + 2);

  const pooled = fitOls(y, columns, { intercept: false, series, method: "supf" }).rss;
  // Forward recursive residuals give RSS(1..i); those of the reversed series give RSS(i+1..n).
  const forward = recursiveResiduals(columns, y, 0, n - 1);
  const backward = recursiveResiduals(columns.map(reversed), reversed(y), 0, n - 1);
  const prefix = new Float64Array(n + 1).fill(NaN);
  const suffix = new Float64Array(n + 1).fill(NaN);
  let s = 0;
  forward.forEach((w, r) => {
    s += w * w;
    prefix[r + k + 1] = s;
  });
  s = 0;
  backward.forEach((w, r) => {
    s += w * w;
    suffix[n - (r + k + 1)] = s;
  });
  const Fstats = new Float64Array(to - from + 1);
  for (let point = from; point <= to; point++) {
    const split = (prefix[point] as number) + (suffix[point] as number);
    Fstats[point - from] = (pooled - split) / (split / (n - 2 * k));
  }
  let best = 0;
  for (let i = 1; i < Fstats.length; i++) if ((Fstats[i] as number) > (Fstats[best] as number)) best = i;
  const supF = Fstats[best] as number;
  const lambda = ((n - from) * to) / (from * (n - to));
  const p = lambda === 1 ? fUpperTail(supF, k, n - 2 * k) : supFPValue(supF, k, lambda);
  const lastBefore = from + best - 1;
  const reading =
    (p < 0.05
      ? `${series} has a structural break in its ${k === 1 ? "mean" : "level or trend"} (sup-F = ${supF.toFixed(2)}, p = ${p < 0.001 ? "< 0.001" : p.toFixed(3)}); the most likely date is after observation ${lastBefore + 1}.`
      : `There is no clear evidence of a single structural break in ${series} (sup-F = ${supF.toFixed(2)}, p = ${p.toFixed(3)}).`) +
    ` Only dates between observations ${from} and ${to} were examined; the p-value is asymptotic (Hansen 1997) and assumes independent errors of constant variance. A break found here is a statistical fact about the series, not evidence of what caused it.`;
  return { supF, p, lastBefore, Fstats, firstCandidate: from - 1, k, lambda, reading };
}
