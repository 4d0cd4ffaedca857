import type { Bounded } from "./quantity.ts";
import type { Parameter } from "./scenarioSchema.ts";

/** A parameter as a bounded factor: its value and range (the value itself where no range is given). */
export function parameterBounds(p: Parameter, scale = 1): Bounded {
  return { value: p.value * scale, lower: (p.low ?? p.value) * scale, upper: (p.high ?? p.value) * scale };
}

/**
 * Classes needed for a number of pupils at a stated class size, rounded up: a started class counts whole. The
 * lower bound divides the fewest pupils by the largest class size, the upper the most pupils by the smallest.
 * 0 pupils need 0 classes.
 */
export function classesNeeded(pupils: Bounded, classSize: Bounded): Bounded {
  const ceil = (n: number, size: number) => (n <= 0 ? 0 : Math.ceil(n / size - 1e-9));
  return { value: ceil(pupils.value, classSize.value), lower: ceil(pupils.lower, classSize.upper), upper: ceil(pupils.upper, classSize.lower) };
}

/** Cuts a bounded count at 0: a projected net change below 0 is no arrival. */
export function atLeastZero(x: Bounded): Bounded {
  return { value: Math.max(0, x.value), lower: Math.max(0, x.lower), upper: Math.max(0, x.upper) };
}
