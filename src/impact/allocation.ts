import { MigmonError } from "../core/index.ts";
import type { Bounded } from "./quantity.ts";

/** Shares of a whole by area code; the shares add up to 1. */
export type AllocationKey = ReadonlyMap<string, number>;

/**
 * Turns non-negative weights by area (e.g. the non-Belgian population of each municipality) into shares that add
 * up to 1. Negative weights (a municipality whose non-Belgian population fell) count as 0: a fall is no arrival.
 * @throws MigmonError when no weight is positive: there is nothing to allocate by.
 */
export function makeAllocationKey(weights: ReadonlyMap<string, number>, what: string): AllocationKey {
  let total = 0;
  for (const w of weights.values()) if (w > 0) total += w;
  if (!(total > 0)) throw new MigmonError(`allocation key ${what} has no positive weight`);
  const key = new Map<string, number>();
  for (const [code, w] of weights) key.set(code, w > 0 ? w / total : 0);
  return key;
}

/**
 * Allocates a bounded total to areas by a key: each area gets its share of the value and of both bounds, so the
 * areas add up to the total exactly. The key is taken as exact (its own uncertainty is not in the bounds).
 */
export function allocate(total: Bounded, key: AllocationKey): Map<string, Bounded> {
  const out = new Map<string, Bounded>();
  for (const [code, share] of key) out.set(code, { value: total.value * share, lower: total.lower * share, upper: total.upper * share });
  return out;
}
