import type { Geography, NutsVersion } from "../reference/geography.ts";
import type { IndicatorInput, IndicatorLevel } from "./catalogue.ts";

/** What an area code names: a unit of the Belgian geography (by REFNIS or NUTS code), a country or an EU aggregate. */
export interface Area {
  /** The code as the user wrote it; results are reported under it. */
  readonly code: string;
  readonly level: IndicatorLevel;
  /** The REFNIS code of a Belgian unit (`BE` for Belgium), else null. */
  readonly refnis: string | null;
}

const nutsVersions: readonly NutsVersion[] = ["2024", "2021", "2016"];

/** The REFNIS code of a Belgian NUTS code in any NUTS version the geography knows, or null. */
function refnisOfNuts(geography: Geography, code: string): string | null {
  for (const version of nutsVersions) {
    const hit = geography.nuts.find((n) => n.nutsCode === code && n.version === version);
    if (hit) return hit.code;
  }
  return null;
}

/**
 * Reads an area code: a REFNIS code of the Belgian geography (`02000` Flemish Region, `11002` Antwerpen, `BE`),
 * a Belgian NUTS code (`BE2`, `BE10`, `BE211`: the region, province or arrondissement of the same territory), an
 * EU or euro-area aggregate (`EU27_2020`, `EA20`) or else a country code (`NL`).
 */
export function readArea(geography: Geography, code: string): Area {
  if (geography.has(code)) {
    const level = geography.versionsOf(code).at(-1)!.level;
    return { code, level, refnis: code };
  }
  const fromNuts = /^BE[0-9A-Z]{1,3}$/.test(code) ? refnisOfNuts(geography, code) : null;
  if (fromNuts !== null) return { code, level: geography.versionsOf(fromNuts).at(-1)!.level, refnis: fromNuts };
  if (/^(EU|EA|EFTA)/.test(code)) return { code, level: "eu", refnis: null };
  return { code, level: "country", refnis: null };
}

/** The code of an area in the coding of a dataset's geo dimension, or null when that coding cannot name it. */
export function codeInInput(geography: Geography, area: Area, input: IndicatorInput): string | null {
  switch (input.coding) {
    case "country":
      return area.refnis === null || area.refnis === "BE" ? area.code : null;
    case "refnis":
      return area.refnis;
    case "nuts2016": case "nuts2021": {
      if (area.refnis === null) return null;
      return geography.nutsCodeOf(area.refnis, input.coding === "nuts2016" ? "2016" : "2021");
    }
  }
}
