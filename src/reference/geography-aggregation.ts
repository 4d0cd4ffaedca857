import { UnknownCodeError } from "../core/index.ts";
import type { BoundaryMapping } from "./boundary-mapping.ts";
import type { GeoLevel, Geography } from "./geography-model.ts";

/**
 * Sums municipal figures of the municipalities valid on `date` into the units of `level` valid on that date
 * (arrondissements, provinces, regions or Belgium). A unit with a null or absent municipality is null and
 * `missing` names those municipalities; units with no municipality in the input are left out. Brussels has no
 * province, so its municipalities are in no province total. Throws UnknownCodeError listing input codes that are
 * not municipalities on `date`.
 */
export function sumToLevel(geo: Geography, values: ReadonlyMap<string, number | null>, date: string, level: Exclude<GeoLevel, "municipality">): BoundaryMapping {
  const municipalities = geo.on(date).filter((u) => u.level === "municipality").map((u) => u.code);
  const known = new Set(municipalities);
  const unknown = [...values.keys()].filter((c) => !known.has(c)).sort();
  if (unknown.length > 0) throw new UnknownCodeError(`municipal values on ${date}`, "municipality", unknown);
  const parts = new Map<string, string[]>();
  for (const code of municipalities) {
    const unit = geo.parentOf(code, level);
    if (unit === null) continue;
    const list = parts.get(unit) ?? [];
    list.push(code);
    parts.set(unit, list);
  }
  const out = new Map<string, number | null>();
  const missing = new Map<string, string[]>();
  for (const [unit, codes] of [...parts].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!codes.some((c) => values.has(c))) continue;
    let sum = 0;
    const gaps: string[] = [];
    for (const c of codes) {
      const v = values.get(c);
      if (v === undefined || v === null) gaps.push(c);
      else sum += v;
    }
    out.set(unit, gaps.length > 0 ? null : sum);
    if (gaps.length > 0) missing.set(unit, gaps);
  }
  return { values: out, missing };
}
