import { MigmonError } from "../core/index.ts";
import { belgianGeography, mapToBoundaries } from "../reference/geography.ts";
import { makeAllocationKey } from "./allocation.ts";
import type { AllocationKey } from "./allocation.ts";
import type { MunicipalStocks } from "./baseline.ts";
import { projectSeries } from "./projection.ts";
import type { Projection } from "./projection.ts";
import type { RuleRegion } from "./ruleSchema.ts";

/** REFNIS region codes and the NUTS codes the rules use. */
export const regionsByRefnis: ReadonlyMap<string, RuleRegion> = new Map([["02000", "BE2"], ["03000", "BE3"], ["04000", "BE1"]]);

/** The projected net change of the non-Belgian population of one region, sex and age group. */
export interface RegionalCellProjection {
  readonly region: string;
  readonly sex: string;
  readonly ageGroup: string;
  /** Years of the changes projected: a change of year t runs from 1 January t to 1 January t + 1. */
  readonly firstChangeYear: number;
  readonly lastChangeYear: number;
  readonly projection: Projection;
}

/** The region (REFNIS) of a municipality code of any year. */
export function regionOf(code: string): string {
  const region = belgianGeography().parentOf(code, "region");
  if (region === null) throw new MigmonError(`municipality ${code} has no region`);
  return region;
}

/**
 * Sums the municipal non-Belgian stocks to regions and projects each region x sex x age group series of annual
 * net changes (stock on 1 January t + 1 minus stock on 1 January t; a missing cell counts as 0) up to `lastYear`,
 * using only stocks up to 1 January `dataEnd` (so a back-test can hold later years out).
 */
export function projectRegionalChanges(stocks: MunicipalStocks, dataEnd: number, lastYear: number, level: number): RegionalCellProjection[] {
  const years = stocks.years.filter((y) => y <= dataEnd);
  if (years.length < 3) throw new MigmonError(`the baseline needs at least 3 stock years up to ${dataEnd}, the store has ${years.length}`);
  const regional = new Map<string, Map<number, number>>();
  for (const [key, byYear] of stocks.cells) {
    const [refnis, sex, ageGroup] = key.split("|") as [string, string, string];
    const rkey = `${regionOf(refnis)}|${sex}|${ageGroup}`;
    let sums = regional.get(rkey);
    if (sums === undefined) regional.set(rkey, (sums = new Map()));
    for (const y of years) sums.set(y, (sums.get(y) ?? 0) + (byYear.get(y) ?? 0));
  }
  const firstChangeYear = years[0]!;
  const lastChangeYear = years.at(-1)! - 1;
  const out: RegionalCellProjection[] = [];
  for (const [rkey, sums] of [...regional].sort(([a], [b]) => a.localeCompare(b))) {
    const [region, sex, ageGroup] = rkey.split("|") as [string, string, string];
    const changes: number[] = [];
    for (let y = firstChangeYear; y <= lastChangeYear; y++) changes.push((sums.get(y + 1) ?? 0) - (sums.get(y) ?? 0));
    const projection = projectSeries(changes, lastYear - lastChangeYear, level, `non-Belgian net change ${region} ${sex} ${ageGroup}`);
    out.push({ region, sex, ageGroup, firstChangeYear, lastChangeYear, projection });
  }
  return out;
}

/** How municipalities share a region's total: the key, on the boundaries of the target year, and what it is. */
export interface RegionalKey {
  readonly region: string;
  readonly key: AllocationKey;
  readonly description: string;
}

/**
 * The allocation keys of every region on the boundaries of 1 January `targetYear`: the non-Belgian population on
 * 1 January `dataEnd` (`non-belgian-stock`) or its growth over the three years before (`recent-growth`, falls
 * counted as 0). Where an agency delivery of started trajectories covers municipalities, their combined share is
 * redistributed among them by the trajectories they started. Municipalities merged since are summed into their
 * successor (src/reference crosswalk).
 */
export function makeRegionalKeys(
  stocks: MunicipalStocks,
  dataEnd: number,
  targetYear: number,
  kind: "non-belgian-stock" | "recent-growth",
  delivered: { year: number; byMunicipality: ReadonlyMap<string, number>; source: string } | null,
): RegionalKey[] {
  const totals = new Map<string, number>();
  const earlier = new Map<string, number>();
  const from = Math.max(stocks.years[0]!, dataEnd - 3);
  for (const [key, byYear] of stocks.cells) {
    const refnis = key.split("|")[0]!;
    totals.set(refnis, (totals.get(refnis) ?? 0) + (byYear.get(dataEnd) ?? 0));
    earlier.set(refnis, (earlier.get(refnis) ?? 0) + (byYear.get(from) ?? 0));
  }
  const weights = new Map<string, number | null>();
  for (const [refnis, total] of totals) weights.set(refnis, kind === "non-belgian-stock" ? total : Math.max(0, total - (earlier.get(refnis) ?? 0)));
  const mapped = targetYear > dataEnd ? mapToBoundaries(weights, dataEnd, targetYear).values : weights;
  const deliveredMapped = delivered === null ? null
    : delivered.year < targetYear ? mapToBoundaries(new Map(delivered.byMunicipality), delivered.year, targetYear).values : new Map(delivered.byMunicipality);
  const out: RegionalKey[] = [];
  const what = kind === "non-belgian-stock" ? `non-Belgian population on 1 January ${dataEnd}` : `growth of the non-Belgian population from 1 January ${from} to ${dataEnd}`;
  for (const region of regionsByRefnis.keys()) {
    const inRegion = new Map<string, number>();
    for (const [code, v] of mapped) if (v !== null && regionOf(code) === region) inRegion.set(code, v);
    const key = makeAllocationKey(inRegion, `${what} ${region}`);
    const fromDelivery = new Map<string, number>();
    if (deliveredMapped !== null) for (const [code, v] of deliveredMapped) if (v !== null && key.has(code)) fromDelivery.set(code, v);
    const description = `${what}, on the municipalities of ${targetYear}`;
    if (fromDelivery.size === 0) {
      out.push({ region, key, description });
      continue;
    }
    // The delivery redistributes only the share of the municipalities it covers: a delivery for one
    // arrondissement moves arrivals within it, not from the rest of the region into it.
    let covered = 0;
    for (const code of fromDelivery.keys()) covered += key.get(code) ?? 0;
    const inside = makeAllocationKey(fromDelivery, `delivered starts ${region}`);
    const merged = new Map(key);
    for (const [code, share] of inside) merged.set(code, covered * share);
    out.push({ region, key: merged, description: `${description}; within the ${fromDelivery.size} municipalities of ${delivered!.source}, by their started trajectories` });
  }
  return out;
}
