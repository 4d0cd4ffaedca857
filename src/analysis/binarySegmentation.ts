// Binary segmentation: a fast greedy change-point search with the costs and penalties of PELT.
import { MigmonError } from "../core/index.ts";
import { defaultMinSegment, prepareCost } from "./changeCost.ts";
import type { PreparedCost } from "./changeCost.ts";
import { buildChangePointResult } from "./changePointResult.ts";
import type { ChangePointResult } from "./changePointResult.ts";
import { checkChangePointInput } from "./pelt.ts";
import type { PeltOptions } from "./pelt.ts";

/** Options of binarySegmentation: those of pelt plus the largest number of change points. */
export interface BinarySegmentationOptions extends PeltOptions {
  /** Stop after this many change points (changepoint's Q); default: no limit but the penalty. */
  readonly maxChangepoints?: number;
}

interface Split {
  readonly start: number;
  readonly end: number;
  /** The position where the right part starts, or -1 when no split respects the minimum segment length. */
  readonly at: number;
  readonly gain: number;
}

function bestSplit(prepared: PreparedCost, start: number, end: number, minSegment: number): Split {
  const whole = prepared.segmentCost(start, end);
  let at = -1;
  let gain = -Infinity;
  for (let s = start + minSegment; s <= end - minSegment; s++) {
    const g = whole - prepared.segmentCost(start, s) - prepared.segmentCost(s, end);
    if (g > gain) {
      gain = g;
      at = s;
    }
  }
  return { start, end, at, gain };
}

/**
 * Finds change points by binary segmentation (Scott & Knott 1974; Killick & Eckley 2014, R's
 * changepoint::cpt.mean(method = "BinSeg")): repeatedly splits, among all current segments, the one whose best
 * split lowers the cost most, as long as that lowering exceeds the penalty per change point and at most
 * maxChangepoints were found. Greedy, so its penalised cost is never below PELT's optimum and may exceed it.
 * Costs, penalties, minimum segment length and the change-point convention (0-based position of the last
 * observation of every segment but the last) are those of pelt.
 * Throws InsufficientDataError when y has fewer than 2 * minSegment values, MigmonError for a bad option or value.
 */
export function binarySegmentation(y: Float64Array, options: BinarySegmentationOptions = {}): ChangePointResult {
  const cost = options.cost ?? "normal-mean";
  const series = options.series ?? "the series";
  const minSegment = options.minSegment ?? defaultMinSegment(cost);
  checkChangePointInput("binary segmentation", y, series, minSegment);
  const maxChangepoints = options.maxChangepoints ?? Infinity;
  if (!(maxChangepoints >= 0)) {
    throw new MigmonError(`binary segmentation: the largest number of change points must be >= 0, got ${maxChangepoints}`);
  }
  const prepared = prepareCost(y, {
    cost,
    penalty: options.penalty ?? "bic",
    method: "binary segmentation",
    series,
    ...(options.variance === undefined ? {} : { variance: options.variance }),
  });
  let open: Split[] = [bestSplit(prepared, 0, y.length, minSegment)];
  const changepoints: number[] = [];
  while (changepoints.length < maxChangepoints) {
    let pick = -1;
    for (let i = 0; i < open.length; i++) {
      const split = open[i] as Split;
      if (split.at >= 0 && (pick < 0 || split.gain > (open[pick] as Split).gain)) pick = i;
    }
    const chosen = open[pick];
    if (chosen === undefined || !(chosen.gain > prepared.beta)) break;
    changepoints.push(chosen.at - 1);
    open = open.filter((_, i) => i !== pick);
    open.push(bestSplit(prepared, chosen.start, chosen.at, minSegment), bestSplit(prepared, chosen.at, chosen.end, minSegment));
  }
  changepoints.sort((a, b) => a - b);
  return buildChangePointResult("binary-segmentation", prepared, minSegment, changepoints, options.labels);
}
