// Exact optimal partitioning (Jackson et al. 2005, IEEE Signal Processing Letters 12: 105-108) in O(n^2), kept
// in the tests as the reference PELT must equal. Written independently of src/analysis: segment costs are
// summed directly over the segment, not from prefix sums.

/** The segment cost of values[start..end-1] and the penalty per change point. */
export interface DirectCost {
  readonly segmentCost: (values: Float64Array, start: number, end: number) => number;
  readonly beta: number;
}

/** The optimal segmentation: 0-based last positions of every segment but the last, and the penalised cost. */
export interface Partition {
  readonly changepoints: number[];
  readonly penalisedCost: number;
}

/** Twice the negative log-likelihood of a normal segment with known variance: sum (y - mean)^2 / variance. */
export function normalMeanCost(variance: number, lengthTerm: boolean) {
  return (values: Float64Array, start: number, end: number): number => {
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i] as number;
    const mean = sum / (end - start);
    let ss = 0;
    for (let i = start; i < end; i++) ss += ((values[i] as number) - mean) ** 2;
    return ss / variance + (lengthTerm ? Math.log(end - start) : 0);
  };
}

/** Twice the negative log-likelihood of a normal segment at its ML mean and variance (variance >= floor). */
export function normalMeanVarCost(floor: number, lengthTerm: boolean) {
  return (values: Float64Array, start: number, end: number): number => {
    const m = end - start;
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i] as number;
    const mean = sum / m;
    let ss = 0;
    for (let i = start; i < end; i++) ss += ((values[i] as number) - mean) ** 2;
    const s2 = ss / m;
    const core = s2 > floor ? m * (Math.log(2 * Math.PI) + Math.log(s2) + 1) : m * (Math.log(2 * Math.PI) + Math.log(floor)) + ss / floor;
    return core + (lengthTerm ? Math.log(m) : 0);
  };
}

/** Twice the negative Poisson log-likelihood at the ML rate, less the terms common to every segmentation. */
export function poissonCost(lengthTerm: boolean) {
  return (values: Float64Array, start: number, end: number): number => {
    const m = end - start;
    let x = 0;
    for (let i = start; i < end; i++) x += values[i] as number;
    return (x === 0 ? 0 : 2 * x * (Math.log(m) - Math.log(x))) + (lengthTerm ? Math.log(m) : 0);
  };
}

/**
 * optimalPartitioning(values, cost, minSegment) minimises sum of segment costs + beta per change point over all
 * segmentations whose segments are at least minSegment long, trying every last change point at every t.
 * Ties go to the earliest last change point.
 */
export function optimalPartitioning(values: Float64Array, cost: DirectCost, minSegment: number): Partition {
  const n = values.length;
  const best = new Array<number>(n + 1).fill(Infinity);
  const last = new Array<number>(n + 1).fill(-1);
  best[0] = -cost.beta;
  for (let t = minSegment; t <= n; t++) {
    for (let tau = 0; tau <= t - minSegment; tau++) {
      if (tau > 0 && tau < minSegment) continue;
      const value = (best[tau] as number) + cost.segmentCost(values, tau, t) + cost.beta;
      if (value < (best[t] as number)) {
        best[t] = value;
        last[t] = tau;
      }
    }
  }
  const changepoints: number[] = [];
  for (let t = n; (last[t] as number) > 0; t = last[t] as number) changepoints.unshift((last[t] as number) - 1);
  return { changepoints, penalisedCost: best[n] as number };
}
