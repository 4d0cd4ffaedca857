import { InputError, InsufficientDataError, UsageError } from "../core/index.ts";
import { arrangePanel, type Panel } from "./panel.ts";
import { solveSimplexLeastSquares } from "./simplexLeastSquares.ts";

/** Options of {@link estimateSyntheticControl}. */
export interface SyntheticControlOptions {
  readonly treated: string;
  /** First period of the treatment: the pre-period is every period before it, the post-period it and after. */
  readonly event: string;
  /** The donor pool; default every other unit. */
  readonly donors?: readonly string[];
  /** Run the in-space placebos (each donor treated in turn, default true). */
  readonly placebo?: boolean;
  readonly series?: string;
}

/** The post/pre RMSPE ratio of one placebo unit. */
export interface PlaceboRun {
  readonly unit: string;
  readonly rmspePre: number;
  readonly rmspePost: number;
  readonly ratio: number;
}

/** The synthetic control of one treated unit. */
export interface SyntheticControlResult {
  /** Donor weights, non-negative and summing to one, in the order of the donor pool. */
  readonly weights: readonly { readonly unit: string; readonly weight: number }[];
  readonly periods: readonly string[];
  /** The synthetic unit's value in each period and the gap treated - synthetic. */
  readonly synthetic: Float64Array;
  readonly gap: Float64Array;
  /** Root mean squared prediction error before and from the event. */
  readonly rmspePre: number;
  readonly rmspePost: number;
  /** rmspePost / rmspePre. */
  readonly ratio: number;
  /** Rank of the treated unit's ratio among itself and the placebos, 1 = largest; null without placebos. */
  readonly placeboRank: number | null;
  /** placeboRank / (placebos + 1): the permutation p-value of Abadie et al. (2010); null without placebos. */
  readonly placeboP: number | null;
  readonly placebos: readonly PlaceboRun[];
  /** Donors left out because they miss a value in some period. */
  readonly droppedDonors: readonly string[];
  readonly reading: string;
}

/**
 * Synthetic control (Abadie and Gardeazabal 2003; Abadie, Diamond and Hainmueller 2010): the treated unit's
 * outcome before the event is approximated by a weighted mean of donor units, with non-negative weights summing
 * to one that minimise the pre-period mean squared prediction error of the outcome itself (every pre-period
 * value is a predictor, equally weighted; no covariates). Reports pre- and post-period RMSPE, and the in-space
 * placebo test: each donor is treated in turn with the other donors as its pool, and the treated unit's post/pre
 * RMSPE ratio is ranked among all. The weights match quadprog::solve.QP on the same quadratic programme.
 * @throws UsageError when the treated unit or a donor is not in the panel, or the pool is empty.
 * @throws InsufficientDataError when there are fewer than 2 pre-periods or no post-period.
 * @throws InputError when the treated unit misses a value, or for ragged or non-finite input.
 */
export function estimateSyntheticControl(panel: Panel, options: SyntheticControlOptions): SyntheticControlResult {
  const series = options.series ?? "panel";
  const grid = arrangePanel(panel, series);
  const unitIndex = new Map(grid.units.map((u, i) => [u, i]));
  const treatedIndex = unitIndex.get(options.treated);
  if (treatedIndex === undefined) throw new UsageError(`treated unit "${options.treated}" is not in ${series}`);
  const eventIndex = grid.periods.indexOf(options.event);
  if (eventIndex < 0) throw new InputError(series, undefined, `event period ${options.event} is not one of the panel's periods`);
  if (eventIndex < 2) throw new InsufficientDataError("synthetic control (pre-period)", series, eventIndex, 2);
  const treatedValues = grid.values[treatedIndex]!;
  const missing = treatedValues.findIndex((v) => v === null);
  if (missing >= 0) throw new InputError(series, undefined, `treated unit "${options.treated}" has no value for ${grid.periods[missing]}`);
  const pool = options.donors ?? grid.units.filter((u) => u !== options.treated);
  for (const donor of pool) if (!unitIndex.has(donor) || donor === options.treated) throw new UsageError(`donor "${donor}" is not a control unit of ${series}`);
  const complete = (u: string): boolean => grid.values[unitIndex.get(u)!]!.every((v) => v !== null);
  const donors = pool.filter(complete);
  const droppedDonors = pool.filter((u) => !complete(u));
  if (donors.length === 0) throw new UsageError(`synthetic control for "${options.treated}" has no complete donor in ${series}`);
  const seriesOf = (u: string): Float64Array => Float64Array.from(grid.values[unitIndex.get(u)!]! as number[]);

  const main = fitSynthetic(seriesOf(options.treated), donors.map(seriesOf), eventIndex);
  const placebos: PlaceboRun[] = [];
  if ((options.placebo ?? true) && donors.length >= 2) {
    for (const unit of donors) {
      const others = donors.filter((d) => d !== unit);
      const fit = fitSynthetic(seriesOf(unit), others.map(seriesOf), eventIndex);
      placebos.push({ unit, rmspePre: fit.rmspePre, rmspePost: fit.rmspePost, ratio: fit.rmspePost / fit.rmspePre });
    }
  }
  const ratio = main.rmspePost / main.rmspePre;
  const runPlacebo = placebos.length > 0;
  const placeboRank = runPlacebo ? 1 + placebos.filter((p) => p.ratio > ratio).length : null;
  const placeboP = placeboRank === null ? null : placeboRank / (placebos.length + 1);
  const weights = donors.map((unit, j) => ({ unit, weight: main.weights[j]! }));
  return {
    weights,
    periods: grid.periods,
    synthetic: main.synthetic,
    gap: main.gap,
    rmspePre: main.rmspePre,
    rmspePost: main.rmspePost,
    ratio,
    placeboRank,
    placeboP,
    placebos,
    droppedDonors,
    reading: readSynthetic(options.treated, weights, main.rmspePre, main.rmspePost, main.gap, eventIndex, placeboRank, placebos.length),
  };
}

interface SyntheticFit {
  weights: Float64Array;
  synthetic: Float64Array;
  gap: Float64Array;
  rmspePre: number;
  rmspePost: number;
}

function fitSynthetic(treated: Float64Array, donors: readonly Float64Array[], eventIndex: number): SyntheticFit {
  const solution = solveSimplexLeastSquares(treated.subarray(0, eventIndex), donors.map((d) => d.subarray(0, eventIndex)));
  const n = treated.length;
  const synthetic = new Float64Array(n);
  donors.forEach((d, j) => {
    const w = solution.weights[j]!;
    for (let t = 0; t < n; t++) synthetic[t] = synthetic[t]! + w * d[t]!;
  });
  const gap = Float64Array.from(treated, (v, t) => v - synthetic[t]!);
  const rmspe = (from: number, to: number): number => {
    let s = 0;
    for (let t = from; t < to; t++) s += gap[t]! ** 2;
    return Math.sqrt(s / (to - from));
  };
  return { weights: solution.weights, synthetic, gap, rmspePre: rmspe(0, eventIndex), rmspePost: rmspe(eventIndex, n) };
}

function readSynthetic(
  treated: string,
  weights: readonly { unit: string; weight: number }[],
  rmspePre: number,
  rmspePost: number,
  gap: Float64Array,
  eventIndex: number,
  placeboRank: number | null,
  placeboCount: number,
): string {
  const main = weights
    .filter((w) => w.weight >= 0.005)
    .sort((a, b) => b.weight - a.weight)
    .map((w) => `${w.unit} ${(w.weight * 100).toFixed(0)} %`)
    .join(", ");
  const post = gap.subarray(eventIndex);
  const meanGap = post.reduce((s, v) => s + v, 0) / post.length;
  const placebo =
    placeboRank === null
      ? "No placebo runs were made, so there is no benchmark for the size of the gap."
      : `Among the treated unit and ${placeboCount} placebo units, its post/pre RMSPE ratio ranks ${placeboRank} ` +
        `(p = ${(placeboRank / (placeboCount + 1)).toFixed(2)}); with ${placeboCount + 1} units the smallest possible p is ${(1 / (placeboCount + 1)).toFixed(2)}.`;
  return (
    `The synthetic ${treated} is made of ${main}. Before the event it follows ${treated} with an RMSPE of ${rmspePre.toPrecision(3)}; ` +
    `after it the RMSPE is ${rmspePost.toPrecision(3)} and the mean gap (actual - synthetic) ${meanGap.toPrecision(3)}. ${placebo} ` +
    "A poor pre-event fit makes the post-event gap meaningless, and the gap is an effect of the event only if nothing else " +
    "happened to the treated unit alone."
  );
}
