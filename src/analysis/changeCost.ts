// The segment costs and penalties shared by PELT and binary segmentation (pelt.ts, binarySegmentation.ts).
//
// Costs are twice the negative maximised log-likelihood of one segment, without the terms that add up to the
// same constant for every segmentation, as in R's changepoint package (Killick & Eckley 2014, cost functions
// mll_mean, mll_meanvar, mll_meanvar_poisson and their mbic_ variants):
//   normal-mean     sum (y - mean)^2 / variance, the variance known or estimated once for the whole series;
//   normal-meanvar  m (log 2 pi + log s2 + 1) with s2 the segment's ML variance;
//   poisson         2 x (log m - log x) with x the segment's sum and m its length (0 when x = 0).
// With the MBIC penalty every segment cost also carries + log m (Zhang & Siegmund 2007, as changepoint does).
//
// One deliberate difference from changepoint for normal-meanvar: changepoint clamps a zero variance to 1e-11 and
// keeps the formula, which is not a minimum over parameters, so C(a and b) >= C(a) + C(b) can fail and PELT's
// pruning is then no longer exact. Here the variance is constrained to at least a floor (1e-10 times the
// variance of the whole series) and the cost is the constrained minimum, m (log 2 pi + log floor) + S / floor,
// which keeps the cost a minimum over parameters and so keeps PELT exact. Above the floor both agree.
import { MigmonError } from "../core/index.ts";
import { segmentMoments, segmentSum, segmentSumOfSquares } from "./segmentMoments.ts";

/** The segment model: a change in the normal mean, in the normal mean and variance, or in a Poisson rate. */
export type ChangeCost = "normal-mean" | "normal-meanvar" | "poisson";

/** The penalty per change point: BIC ((p + 1) log n), MBIC ((p + 2) log n and + log m per segment), or a number. */
export type ChangePenalty = "bic" | "mbic" | number;

/** A cost prepared for one series: segment costs in O(1) from prefix sums. */
export interface PreparedCost {
  readonly cost: ChangeCost;
  readonly n: number;
  /** The penalty beta added per change point. */
  readonly beta: number;
  /** Whether + log(m) is added to every segment cost (MBIC). */
  readonly segmentLengthTerm: boolean;
  /** The pruning constant K of PELT: C(a..b) + C(b..c) + K <= C(a..c) for every split. */
  readonly pruningConstant: number;
  /** The variance the normal-mean cost divides by (null for the other costs). */
  readonly variance: number | null;
  /** The cost of the segment y[start], ..., y[end - 1] (0-based, end exclusive). */
  segmentCost(start: number, end: number): number;
  /** The mean of the segment y[start], ..., y[end - 1]. */
  segmentMean(start: number, end: number): number;
}

/** Options of prepareCost. */
export interface CostOptions {
  readonly cost: ChangeCost;
  readonly penalty: ChangePenalty;
  /** Known variance for normal-mean; when absent it is estimated by estimateNoiseVariance. */
  readonly variance?: number;
  /** The method name used in error messages. */
  readonly method: string;
  /** The series name used in error messages. */
  readonly series: string;
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const m = sorted.length;
  const half = Math.floor(m / 2);
  return m % 2 === 1 ? (sorted[half] as number) : ((sorted[half - 1] as number) + (sorted[half] as number)) / 2;
}

/**
 * The noise variance of a series with a piecewise constant mean, estimated robustly from its first differences:
 * (mad(diff(y)) / sqrt(2))^2 with R's mad (constant 1.4826), so mean shifts barely move it. Falls back to the
 * sample variance when the MAD is 0 (long runs of equal values), and to 1 for a constant series.
 */
export function estimateNoiseVariance(y: Float64Array): number {
  if (y.length >= 3) {
    const d = new Float64Array(y.length - 1);
    for (let i = 1; i < y.length; i++) d[i - 1] = (y[i] as number) - (y[i - 1] as number);
    const center = median(d);
    const deviations = d.map((v) => Math.abs(v - center));
    const mad = 1.4826 * median(deviations);
    if (mad > 0) return (mad * mad) / 2;
  }
  const variance = sampleVariance(y);
  return variance > 0 ? variance : 1;
}

function sampleVariance(y: Float64Array): number {
  const n = y.length;
  if (n < 2) return 0;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of y) ss += (v - mean) * (v - mean);
  return ss / (n - 1);
}

/** Parameters per segment added by a change point (changepoint's diffparam). */
function parametersPerSegment(cost: ChangeCost): number {
  return cost === "normal-meanvar" ? 2 : 1;
}

/**
 * The penalty beta per change point for a series of length n: bic = (p + 1) log n, mbic = (p + 2) log n, with p
 * the parameters per segment (1 for normal-mean and poisson, 2 for normal-meanvar), as changepoint's
 * penalty_decision; a number is used as given. Throws MigmonError for a negative or non-finite number.
 */
export function penaltyValue(penalty: ChangePenalty, cost: ChangeCost, n: number): number {
  if (typeof penalty === "number") {
    if (!Number.isFinite(penalty) || penalty < 0) {
      throw new MigmonError(`change-point penalty must be a non-negative number, got ${penalty}`);
    }
    return penalty;
  }
  const p = parametersPerSegment(cost);
  return (penalty === "bic" ? p + 1 : p + 2) * Math.log(n);
}

/**
 * Prepares the segment cost of one series (prefix sums of y and y^2). Throws MigmonError when a value is not
 * finite, or for poisson when a value is not a non-negative integer.
 */
export function prepareCost(y: Float64Array, options: CostOptions): PreparedCost {
  const n = y.length;
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) {
      throw new MigmonError(`${options.method}: ${options.series} holds ${v} at position ${i}; missing values must be dropped first`);
    }
    if (options.cost === "poisson" && (v < 0 || !Number.isInteger(v))) {
      throw new MigmonError(`${options.method} with the poisson cost needs non-negative integer counts, ${options.series} has ${v} at position ${i}`);
    }
  }
  // The normal costs do not change when a constant is subtracted; centring keeps the prefix sums small. Counts
  // are summed as they are (exact in doubles).
  let shift = 0;
  if (options.cost !== "poisson" && n > 0) {
    for (const v of y) shift += v;
    shift /= n;
  }
  const moments = segmentMoments(y, shift);
  const beta = penaltyValue(options.penalty, options.cost, n);
  const segmentLengthTerm = options.penalty === "mbic";
  // With + log m per segment, log m1 + log m2 - log(m1 + m2) <= log(n / 4) for m1 + m2 <= n, so K = -log(n / 4).
  const pruningConstant = segmentLengthTerm ? -Math.log(Math.max(n, 4) / 4) : 0;
  const segmentMean = (start: number, end: number) => segmentSum(moments, start, end) / (end - start);
  const lengthTerm = (m: number) => (segmentLengthTerm ? Math.log(m) : 0);
  const log2pi = Math.log(2 * Math.PI);

  let variance: number | null = null;
  let segmentCost: (start: number, end: number) => number;
  if (options.cost === "normal-mean") {
    const v = options.variance ?? estimateNoiseVariance(y);
    if (!(v > 0) || !Number.isFinite(v)) throw new MigmonError(`${options.method}: the variance must be positive, got ${v}`);
    variance = v;
    segmentCost = (start, end) => segmentSumOfSquares(moments, start, end) / v + lengthTerm(end - start);
  } else if (options.cost === "normal-meanvar") {
    const whole = sampleVariance(y);
    const floor = 1e-10 * (whole > 0 ? whole : 1);
    const logFloor = Math.log(floor);
    segmentCost = (start, end) => {
      const m = end - start;
      const ss = segmentSumOfSquares(moments, start, end);
      const s2hat = ss / m;
      const core = s2hat > floor ? m * (log2pi + Math.log(s2hat) + 1) : m * (log2pi + logFloor) + ss / floor;
      return core + lengthTerm(m);
    };
  } else {
    segmentCost = (start, end) => {
      const m = end - start;
      const x = segmentSum(moments, start, end);
      return (x === 0 ? 0 : 2 * x * (Math.log(m) - Math.log(x))) + lengthTerm(m);
    };
  }
  return { cost: options.cost, n, beta, segmentLengthTerm, pruningConstant, variance, segmentCost, segmentMean };
}

/** The minimum segment length used when none is given: 2 for normal-meanvar (a variance needs two values), else 1. */
export function defaultMinSegment(cost: ChangeCost): number {
  return cost === "normal-meanvar" ? 2 : 1;
}
