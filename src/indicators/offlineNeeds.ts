import { findIndicator, referencesOf } from "./catalogue.ts";
import type { Indicator } from "./catalogue.ts";

/**
 * The datasets an indicator cannot do without that no offline copy in ../shared/data provides: a count whose
 * default inputs (alternatives aside) are all live-only tables or agencies' deliveries needs those; a formula needs
 * what any of its terms needs. Empty when the offline store (`migmon update --offline`) can give figures, sorted.
 */
export function datasetsBeyondOffline(catalogue: readonly Indicator[], indicator: Indicator): string[] {
  const c = indicator.compute;
  if (c.kind === "count" || c.kind === "published") {
    const own = c.inputs.filter((i) => !i.alternative);
    return own.some((i) => i.availability === "offline") ? [] : [...new Set(own.map((i) => i.dataset))].sort();
  }
  return [...new Set(referencesOf(c).flatMap((ref) => datasetsBeyondOffline(catalogue, findIndicator(catalogue, ref))))].sort();
}
