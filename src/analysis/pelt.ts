// PELT: exact penalised change-point search in (about) linear time.
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import { defaultMinSegment, prepareCost } from "./changeCost.ts";
import type { ChangeCost, ChangePenalty } from "./changeCost.ts";
import { buildChangePointResult } from "./changePointResult.ts";
import type { ChangePointResult } from "./changePointResult.ts";

/** Options of pelt. */
export interface PeltOptions {
  /** The segment model; default "normal-mean". */
  readonly cost?: ChangeCost;
  /** "bic" (default), "mbic" or a number per change point. */
  readonly penalty?: ChangePenalty;
  /** The shortest segment allowed; default 1, or 2 for normal-meanvar. */
  readonly minSegment?: number;
  /** A known noise variance for normal-mean; estimated robustly when absent (estimateNoiseVariance). */
  readonly variance?: number;
  /** The series name used in errors. */
  readonly series?: string;
  /** Period labels of the observations, used in the reading only. */
  readonly labels?: readonly string[];
}

/** Checks the minimum segment length and the series length shared by the change-point methods. */
export function checkChangePointInput(method: string, y: Float64Array, series: string, minSegment: number): void {
  if (!Number.isInteger(minSegment) || minSegment < 1) {
    throw new MigmonError(`${method}: the minimum segment length must be a positive integer, got ${minSegment}`);
  }
  if (y.length < 2 * minSegment) throw new InsufficientDataError(method, series, y.length, 2 * minSegment);
}

/**
 * Finds the segmentation of y that minimises the sum of segment costs plus a penalty per change point, exactly,
 * by PELT (Killick, Fearnhead & Eckley 2012, JASA 107: 1590-1598), the method of R's
 * changepoint::cpt.mean / cpt.meanvar (method = "PELT"). Costs and penalties are those of changeCost.ts: for
 * normal-mean the result equals changepoint::cpt.mean(y / sqrt(variance), test.stat = "Normal", method = "PELT")
 * with the variance given or estimated from the first differences. The result is the optimum of exact optimal
 * partitioning (Jackson et al. 2005) with every segment at least minSegment long: candidates are pruned only when
 * F(tau) + C(tau..t) + K exceeds F(t) by more than rounding, and a candidate pruned at t stays usable until
 * t + minSegment, since t itself cannot end the last segment before then.
 * Change points are the 0-based positions of the last observation of every segment but the last.
 * Throws InsufficientDataError when y has fewer than 2 * minSegment values, MigmonError for a bad option or value.
 */
export function pelt(y: Float64Array, options: PeltOptions = {}): ChangePointResult {
  const cost = options.cost ?? "normal-mean";
  const series = options.series ?? "the series";
  const minSegment = options.minSegment ?? defaultMinSegment(cost);
  checkChangePointInput("pelt", y, series, minSegment);
  const prepared = prepareCost(y, {
    cost,
    penalty: options.penalty ?? "bic",
    method: "pelt",
    series,
    ...(options.variance === undefined ? {} : { variance: options.variance }),
  });
  const n = y.length;
  const beta = prepared.beta;
  const k = prepared.pruningConstant;
  const best = new Float64Array(n + 1).fill(Infinity);
  const last = new Int32Array(n + 1).fill(-1);
  best[0] = -beta;
  // Candidates for the start of the last segment, ascending, with the time from which each is dropped
  // (Infinity until pruned); kept in preallocated buffers and compacted in place.
  const candidates = new Int32Array(n + 1);
  const expiry = new Float64Array(n + 1);
  const values = new Float64Array(n + 1);
  let count = 1;
  candidates[0] = 0;
  expiry[0] = Infinity;
  for (let t = minSegment; t <= n; t++) {
    const fresh = t - minSegment;
    if (fresh >= minSegment) {
      candidates[count] = fresh;
      expiry[count] = Infinity;
      count += 1;
    }
    let bestValue = Infinity;
    let bestTau = -1;
    for (let i = 0; i < count; i++) {
      const tau = candidates[i] as number;
      const value = (best[tau] as number) + prepared.segmentCost(tau, t) + beta;
      values[i] = value;
      if (value < bestValue) {
        bestValue = value;
        bestTau = tau;
      }
    }
    best[t] = bestValue;
    last[t] = bestTau;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      let until = expiry[i] as number;
      if (until <= t + 1) continue;
      const value = values[i] as number;
      const slack = value - beta + k - bestValue;
      const rounding = 1e-9 * (Math.abs(value) + Math.abs(bestValue) + 1);
      if (until === Infinity && slack > rounding) until = t + minSegment;
      if (until > t + 1) {
        candidates[kept] = candidates[i] as number;
        expiry[kept] = until;
        kept += 1;
      }
    }
    count = kept;
  }
  const changepoints: number[] = [];
  for (let t = n; (last[t] as number) > 0; t = last[t] as number) changepoints.unshift((last[t] as number) - 1);
  return buildChangePointResult("pelt", prepared, minSegment, changepoints, options.labels);
}
