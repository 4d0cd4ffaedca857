import { ckmeans, quantileSorted } from "simple-statistics";
import { UsageError } from "../core/index.ts";

/** How a map's values are put in classes: equal counts (quantiles) or natural breaks (Jenks, by ckmeans). */
export type ClassMethod = "quantile" | "jenks";

export interface ClassBreaks {
  readonly method: ClassMethod;
  /** Upper bound of each class, increasing; a value goes in the first class whose upper bound it does not exceed. */
  readonly uppers: readonly number[];
  /** The smallest and largest value in each class, for the legend. */
  readonly bounds: readonly (readonly [number, number])[];
}

/**
 * Puts values in at most `count` classes (fewer when there are fewer distinct values). `quantile`: upper bounds
 * at the k/count quantiles (simple-statistics `quantileSorted`), so classes hold about as many areas each.
 * `jenks`: natural breaks by optimal one-dimensional k-means (simple-statistics `ckmeans`, Wang and Song 2011,
 * the R package Ckmeans.1d.dp), which minimises the spread within classes like Jenks' method. Bounds are the
 * actual smallest and largest values in each class. Throws UsageError for no values or a count below 1.
 */
export function classBreaks(values: readonly number[], method: ClassMethod, count: number): ClassBreaks {
  if (values.length === 0) throw new UsageError("cannot class a map with no values");
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`class count must be a whole number of at least 1, got ${count}`);
  const sorted = [...values].sort((a, b) => a - b);
  const distinct = new Set(sorted).size;
  const k = Math.min(count, distinct);
  let uppers: number[];
  if (method === "jenks") {
    uppers = ckmeans(sorted, k).map((cluster) => cluster[cluster.length - 1] as number);
  } else {
    const cuts = Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / k));
    uppers = [...new Set([...cuts, sorted[sorted.length - 1] as number])].sort((a, b) => a - b);
  }
  const members = uppers.map(() => [] as number[]);
  for (const v of sorted) members[classIndex(uppers, v)]?.push(v);
  const kept = uppers.filter((_, i) => (members[i] as number[]).length > 0);
  const bounds = members.filter((m) => m.length > 0).map((m) => [m[0] as number, m[m.length - 1] as number] as const);
  return { method, uppers: kept, bounds };
}

/** The class (0-based) of a value: the first class whose upper bound it does not exceed (the last one above all). */
export function classIndex(uppers: readonly number[], value: number): number {
  const i = uppers.findIndex((upper) => value <= upper);
  return i < 0 ? uppers.length - 1 : i;
}
