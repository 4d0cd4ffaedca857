import type { Geography, NutsVersion } from "../reference/geography.ts";
import type { IndicatorInput, IndicatorLevel } from "./catalogue.ts";

/** What an area code names: a unit of the Belgian geography (by REFNIS or NUTS code), a country or an EU aggregate. */
export interface Area {
  /** The code as the user wrote it; results are reported under it. */
  readonly code: string;
  readonly level: IndicatorLevel;
  /** The REFNIS code of a Belgian unit (`BE` for Belgium), else null. */
  readonly refnis: string | null;
  /** The code itself when it is a Belgian NUTS code (`BE2`, `BE335`), else null. */
  readonly nuts: string | null;
}

const nutsVersions: readonly NutsVersion[] = ["2024", "2021", "2016"];

/**
 * The REFNIS code of the unit with the same territory as a Belgian NUTS code (in the newest NUTS version that
 * has the code), or null when no single unit has it: BE335 and BE336 split the arrondissement of Verviers by
 * language area, so they are NUTS regions without a REFNIS unit.
 */
function refnisOfNuts(geography: Geography, code: string): string | null {
  for (const version of nutsVersions) {
    const units = new Set(geography.nuts.filter((n) => n.nutsCode === code && n.version === version).map((n) => n.code));
    if (units.size === 1) return [...units][0]!;
    if (units.size > 1) return null;
  }
  return null;
}

/** The NUTS level of a Belgian NUTS code by its length: BE country, BE2 region, BE21 province, BE211 arrondissement. */
const nutsLevels: readonly IndicatorLevel[] = ["country", "region", "province", "arrondissement"];

/**
 * Reads an area code: a REFNIS code of the Belgian geography (`02000` Flemish Region, `11002` Antwerpen, `BE`),
 * a Belgian NUTS code (`BE2`, `BE10`, `BE211`: the region, province or arrondissement of the same territory), an
 * EU or euro-area aggregate (`EU27_2020`, `EA20`) or else a country code (`NL`).
 */
export function readArea(geography: Geography, code: string): Area {
  if (geography.has(code)) {
    const level = geography.versionsOf(code).at(-1)!.level;
    return { code, level, refnis: code, nuts: code === "BE" ? "BE" : null };
  }
  if (/^BE[0-9A-Z]{1,3}$/.test(code)) {
    const refnis = refnisOfNuts(geography, code);
    return { code, level: nutsLevels[code.length - 2]!, refnis, nuts: code };
  }
  if (/^(EU|EA|EFTA)/.test(code)) return { code, level: "eu", refnis: null, nuts: null };
  return { code, level: "country", refnis: null, nuts: null };
}

/** The code of an area in the coding of a dataset's geo dimension, or null when that coding cannot name it. */
export function codeInInput(geography: Geography, area: Area, input: IndicatorInput): string | null {
  switch (input.coding) {
    case "country":
      return area.refnis === "BE" ? "BE" : area.refnis === null && area.nuts === null ? area.code : null;
    case "refnis":
      return area.refnis;
    case "nuts2016": case "nuts2021": {
      if (area.nuts !== null) return area.nuts;
      if (area.refnis === null) return null;
      return geography.nutsCodeOf(area.refnis, input.coding === "nuts2016" ? "2016" : "2021");
    }
  }
}
