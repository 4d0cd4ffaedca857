import { fileURLToPath } from "node:url";
import { mapValuesToBoundaries } from "./boundary-mapping.ts";
import type { BoundaryMapping } from "./boundary-mapping.ts";
import { loadGeography } from "./geography-files.ts";
import { sumToLevel } from "./geography-aggregation.ts";
import type { Geography, GeoLevel, GeoUnit, NutsVersion } from "./geography-model.ts";

export { Geography, geoLevels } from "./geography-model.ts";
export type { CrosswalkLink, GeoLevel, GeoUnit, NutsAssignment, NutsVersion } from "./geography-model.ts";
export { loadGeography } from "./geography-files.ts";
export { BoundaryChangeError, mapValuesToBoundaries } from "./boundary-mapping.ts";
export type { BoundaryMapping } from "./boundary-mapping.ts";
export { sumToLevel } from "./geography-aggregation.ts";

/** The folder of the curated geography in this repository (data/reference/geography). */
export const curatedGeographyDir = fileURLToPath(new URL("../../data/reference/geography/", import.meta.url));

let curated: Geography | undefined;

/** The curated Belgian geography of data/reference/geography, read once on first use. */
export function belgianGeography(): Geography {
  curated ??= loadGeography(curatedGeographyDir);
  return curated;
}

/** The units of every level valid on an ISO date (`2019-01-01`): 589 municipalities before 2019, 581 from 2019, 565 from 2025. */
export function geographyOn(date: string): GeoUnit[] {
  return belgianGeography().on(date);
}

/**
 * Municipal figures of 1 January `fromYear` on the municipalities of 1 January `toYear`: merged units summed
 * into their successor, nulls propagated (and named in `missing`). Throws BoundaryChangeError naming the unit for
 * a split or partial transfer, UnknownCodeError for codes that are not municipalities of `fromYear`.
 */
export function mapToBoundaries(values: ReadonlyMap<string, number | null>, fromYear: number, toYear: number): BoundaryMapping {
  return mapValuesToBoundaries(belgianGeography(), values, fromYear, toYear);
}

/** The code of the unit at `level` containing `code`; null for the province of a Brussels unit. Throws for an unknown code. */
export function parentOf(code: string, level: GeoLevel): string | null {
  return belgianGeography().parentOf(code, level);
}

/** The codes directly below `code` (valid on `date` when given, else all there ever were). Throws for an unknown code. */
export function childrenOf(code: string, date?: string): string[] {
  return belgianGeography().childrenOf(code, date);
}

/** The NUTS code of a unit in a NUTS version (a municipality gets its NUTS 3 region), or null where none is stated. */
export function nutsCodeOf(code: string, version: NutsVersion): string | null {
  return belgianGeography().nutsCodeOf(code, version);
}

/**
 * Municipal figures of the municipalities valid on `date` summed into the arrondissements, provinces, regions or
 * Belgium of that date; nulls propagate and are named in `missing`. Throws UnknownCodeError for other codes.
 */
export function aggregateMunicipalities(values: ReadonlyMap<string, number | null>, date: string, level: Exclude<GeoLevel, "municipality">): BoundaryMapping {
  return sumToLevel(belgianGeography(), values, date, level);
}
