// The result shared by the change-point methods (PELT and binary segmentation) and its plain-language reading.
import type { ChangeCost, PreparedCost } from "./changeCost.ts";

/** One segment between change points: positions are 0-based and inclusive. */
export interface ChangeSegment {
  readonly start: number;
  readonly end: number;
  readonly mean: number;
}

/** What a change-point method found. */
export interface ChangePointResult {
  readonly method: "pelt" | "binary-segmentation";
  readonly cost: ChangeCost;
  /** The penalty per change point actually used. */
  readonly penalty: number;
  readonly minSegment: number;
  readonly n: number;
  /**
   * The 0-based position of the last observation of every segment but the last (R's changepoint::cpts() and
   * strucchange's breakpoints give the same positions counted from 1, i.e. these plus 1).
   */
  readonly changepoints: readonly number[];
  readonly segments: readonly ChangeSegment[];
  /** The sum of the segment costs plus the penalty times the number of change points: what the method minimises. */
  readonly penalisedCost: number;
  /** The variance the normal-mean cost used (given or estimated), null for the other costs. */
  readonly variance: number | null;
  readonly reading: string;
}

const costLabel: Record<ChangeCost, string> = {
  "normal-mean": "a change in the mean (normal cost)",
  "normal-meanvar": "a change in the mean and variance (normal cost)",
  poisson: "a change in a Poisson rate",
};

function round(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
}

/** Builds the result from the 0-based change points, computing segment means and the penalised cost. */
export function buildChangePointResult(
  method: ChangePointResult["method"],
  prepared: PreparedCost,
  minSegment: number,
  changepoints: readonly number[],
  labels: readonly string[] | undefined,
): ChangePointResult {
  const bounds = [0, ...changepoints.map((c) => c + 1), prepared.n];
  const segments: ChangeSegment[] = [];
  let penalisedCost = prepared.beta * changepoints.length;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i] as number;
    const end = bounds[i + 1] as number;
    segments.push({ start, end: end - 1, mean: prepared.segmentMean(start, end) });
    penalisedCost += prepared.segmentCost(start, end);
  }
  const name = method === "pelt" ? "PELT" : "Binary segmentation";
  const at = (position: number) => (labels?.[position] !== undefined ? labels[position] : `position ${position + 1}`);
  const head = `${name}, looking for ${costLabel[prepared.cost]} with a penalty of ${round(prepared.beta)} per change`;
  let found: string;
  if (changepoints.length === 0) {
    found = `${head}, finds no change point in ${prepared.n} observations: one level (mean ${round(segments[0]?.mean ?? NaN)}) fits best.`;
  } else {
    const where = changepoints.map((c) => at(c)).join(", ");
    const means = segments.map((s) => round(s.mean)).join(" -> ");
    const plural = changepoints.length === 1 ? "change point" : "change points";
    found = `${head}, finds ${changepoints.length} ${plural} in ${prepared.n} observations, the last observation before each change being ${where}; segment means ${means}.`;
  }
  const caveat =
    " A change point says the level moved, not why: compare it with the definition breaks and flags of the" +
    " series and with known events before reading it as a policy effect; the penalty decides how many changes" +
    " are found, and autocorrelated data yield more of them than independent data would.";
  return {
    method,
    cost: prepared.cost,
    penalty: prepared.beta,
    minSegment,
    n: prepared.n,
    changepoints,
    segments,
    penalisedCost,
    variance: prepared.variance,
    reading: found + caveat,
  };
}
