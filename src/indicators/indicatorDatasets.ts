import { UsageError } from "../core/index.ts";
import { findIndicator, referencesOf } from "./catalogue.ts";
import type { Indicator, IndicatorInput } from "./catalogue.ts";

/** A dataset an indicator reads and whether the offline mirror holds it or only the publisher's endpoint does. */
export interface IndicatorDataset {
  readonly id: string;
  readonly availability: "offline" | "live" | "delivery";
}

/**
 * The store datasets an indicator reads, through the indicators its formula names, sorted by id. A dataset read
 * by several inputs is offline when any of them is (the offline copy is enough to compute something).
 */
export function datasetsOfIndicator(catalogue: readonly Indicator[], indicator: Indicator): IndicatorDataset[] {
  const found = new Map<string, IndicatorInput["availability"]>();
  const seen = new Set<string>();
  const visit = (current: Indicator): void => {
    if (seen.has(current.id)) return;
    seen.add(current.id);
    const compute = current.compute;
    if (compute.kind === "count" || compute.kind === "published") {
      for (const input of compute.inputs) {
        if (found.get(input.dataset) !== "offline") found.set(input.dataset, input.availability);
      }
    }
    for (const ref of referencesOf(compute)) visit(findIndicator(catalogue, ref));
  };
  visit(indicator);
  return [...found].map(([id, availability]) => ({ id, availability })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Refuses a `--dataset` (or `dataset=`) the indicator does not read: choosing an input the indicator has none of
 * would silently change nothing. Throws UsageError naming the datasets it does read.
 */
export function checkChosenDataset(catalogue: readonly Indicator[], indicator: Indicator, dataset: string): void {
  const read = datasetsOfIndicator(catalogue, indicator).map((d) => d.id);
  if (!read.includes(dataset)) {
    throw new UsageError(`indicator ${indicator.id} does not read dataset ${dataset}; it reads ${read.join(", ")}`);
  }
}

/**
 * Whether the store can give an indicator any figure: a count needs one of its input datasets loaded (each input
 * is an alternative source), a formula needs every indicator it names. `loaded` holds the store's dataset ids.
 */
export function indicatorHasData(catalogue: readonly Indicator[], indicator: Indicator, loaded: ReadonlySet<string>): boolean {
  const compute = indicator.compute;
  if (compute.kind === "count" || compute.kind === "published") return compute.inputs.some((i) => loaded.has(i.dataset));
  return referencesOf(compute).every((ref) => indicatorHasData(catalogue, findIndicator(catalogue, ref), loaded));
}
