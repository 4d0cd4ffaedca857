/**
 * One named step of the impact model with its unit, its source and how uncertain it is. Every figure the model
 * shows is one of these, so a reader can see what it counts, where it comes from and what it rests on.
 */
export interface Quantity {
  /** What is counted: `inflow`, `obliged`, `trajectories`, `okan-classes`, ... (see README, "Steps"). */
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  /** Bounds of the interval, null when the step has none (a count of classes from bounds is given as bounds too). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Where the figure comes from: datasets and releases, rule ids, parameter sources. */
  readonly source: string;
  /** How the bounds were made, in words. */
  readonly uncertainty: string;
  /** True when the figure rests on at least one assumption parameter (no public source gives its value). */
  readonly assumption: boolean;
}

/** A value with the bounds of its interval (lower <= value <= upper). */
export interface Bounded {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

/** Multiplies a bounded figure by a non-negative factor with its own range: bounds times bounds (monotone). */
export function scaleBounded(x: Bounded, factor: Bounded): Bounded {
  return { value: x.value * factor.value, lower: x.lower * factor.lower, upper: x.upper * factor.upper };
}

/** Adds bounded figures: values and bounds add (the bounds of a sum of perfectly correlated parts). */
export function addBounded(parts: readonly Bounded[]): Bounded {
  let value = 0;
  let lower = 0;
  let upper = 0;
  for (const p of parts) {
    value += p.value;
    lower += p.lower;
    upper += p.upper;
  }
  return { value, lower, upper };
}
