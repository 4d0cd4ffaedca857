import { normalQuantile } from "../analysis/distributions.ts";
import { mapToBoundaries } from "../reference/geography.ts";
import type { MunicipalStocks } from "./baseline.ts";
import type { Bounded } from "./quantity.ts";
import type { RegionalKey } from "./regionalInflow.ts";
import { regionOf } from "./regionalInflow.ts";

/**
 * How far each municipality's past net change strayed from its share of its region's: residual(m, y) = change(m, y)
 * - key(m) x change(region, y), for every change year up to `dataEnd`, on the boundaries of `targetYear` (merged
 * units summed, which is exact because the residual is linear). The key shares a projected regional total; these
 * residuals are the error that sharing makes, which the regional interval does not contain.
 */
export function allocationResiduals(stocks: MunicipalStocks, dataEnd: number, targetYear: number, keys: readonly RegionalKey[]): Map<string, Map<number, number>> {
  const years = stocks.years.filter((y) => y <= dataEnd);
  const changes = new Map<number, Map<string, number>>();
  for (const y of years.slice(0, -1)) changes.set(y, new Map());
  for (const [key, byYear] of stocks.cells) {
    const refnis = key.split("|")[0]!;
    for (const [y, m] of changes) m.set(refnis, (m.get(refnis) ?? 0) + (byYear.get(y + 1) ?? 0) - (byYear.get(y) ?? 0));
  }
  const out = new Map<string, Map<number, number>>();
  for (const [y, byMunicipality] of changes) {
    const mapped = targetYear > dataEnd ? mapToBoundaries(byMunicipality, dataEnd, targetYear).values : byMunicipality;
    const regional = new Map<string, number>();
    for (const [code, v] of mapped) regional.set(regionOf(code), (regional.get(regionOf(code)) ?? 0) + (v ?? 0));
    for (const k of keys) {
      const total = regional.get(k.region) ?? 0;
      for (const [code, share] of k.key) {
        let byYear = out.get(code);
        if (byYear === undefined) out.set(code, (byYear = new Map()));
        byYear.set(y, (mapped.get(code) ?? 0) - share * total);
      }
    }
  }
  return out;
}

/**
 * The half-width the sharing error adds at `level` percent for a set of municipalities: z x the root mean square of
 * their summed residuals over the years (0 for a whole region, whose residuals add up to 0).
 */
export function allocationHalfWidth(residuals: ReadonlyMap<string, ReadonlyMap<number, number>>, members: readonly string[], level: number): number {
  const sums = new Map<number, number>();
  for (const m of members) for (const [y, r] of residuals.get(m) ?? []) sums.set(y, (sums.get(y) ?? 0) + r);
  if (sums.size === 0) return 0;
  let ss = 0;
  for (const r of sums.values()) ss += r * r;
  return normalQuantile(0.5 + level / 200) * Math.sqrt(ss / sums.size);
}

/**
 * Widens a bounded figure by an independent error of the given half-width (half-widths add in quadrature), cut at 0
 * below. Returns the figure and the factors by which each side's half-width grew, so that figures derived from it
 * in proportion can be widened alike.
 */
export function widen(x: Bounded, halfWidth: number): { widened: Bounded; lowerFactor: number; upperFactor: number } {
  const below = x.value - x.lower;
  const above = x.upper - x.value;
  const newBelow = Math.hypot(below, halfWidth);
  const newAbove = Math.hypot(above, halfWidth);
  return {
    widened: { value: x.value, lower: Math.max(0, x.value - newBelow), upper: x.value + newAbove },
    lowerFactor: below > 0 ? newBelow / below : 1,
    upperFactor: above > 0 ? newAbove / above : 1,
  };
}
