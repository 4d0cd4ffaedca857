// Names of areas in the page's language: Belgian units from the geography tree (Dutch or French name; English
// readers get the Dutch name for Flemish and Brussels units and the French one for Walloon units, as Statbel
// does), the regions, Belgium, its neighbours and the EU from the catalogue (web.geo.*), other countries from the
// browser's own Intl.DisplayNames (no list to ship); else the code itself.
import { catalogues, localeOf } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { GeoUnit } from "./apiTypes.ts";
import { getJson } from "./apiClient.ts";

/** Looks up area names and the Belgian tree. */
export interface AreaDirectory {
  /** The name of a code (REFNIS, Belgian NUTS, country or EU aggregate) in the language. */
  name(code: string): string;
  /** The Belgian units, by REFNIS code. */
  readonly units: ReadonlyMap<string, GeoUnit>;
  /** The REFNIS code of a Belgian NUTS 2021 code, when one unit has it. */
  refnisOf(nuts: string): string | undefined;
  /** The indicator level of an area (municipality ... country, eu), undefined when the code is not known. */
  levelOf(code: string): string | undefined;
}

function isWalloon(unit: GeoUnit, byCode: ReadonlyMap<string, GeoUnit>): boolean {
  for (let u: GeoUnit | undefined = unit; u !== undefined; u = u.parent === null ? undefined : byCode.get(u.parent)) {
    if (u.code === "03000") return true;
  }
  return false;
}

function unitName(unit: GeoUnit, lang: Lang, byCode: ReadonlyMap<string, GeoUnit>): string {
  if (lang !== "en") return unit.name[lang];
  return isWalloon(unit, byCode) ? unit.name.fr : unit.name.nl;
}

/** Eurostat's own country codes where ISO 3166 has another (Greece, United Kingdom). */
const isoOf: Readonly<Record<string, string>> = { EL: "GR", UK: "GB" };

/** A country's name in the language from the browser's Intl data, or undefined when the code is not a country. */
function countryName(code: string, lang: Lang): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  try {
    const name = new Intl.DisplayNames([localeOf[lang]], { type: "region", fallback: "none" }).of(isoOf[code] ?? code);
    return name === undefined || name === "" ? undefined : name;
  } catch {
    return undefined;
  }
}

/** Loads the Belgian units valid on `date` (YYYY-MM-DD) and returns the directory in `lang`. */
export async function loadAreaDirectory(lang: Lang, date: string): Promise<AreaDirectory> {
  const { units } = await getJson<{ units: GeoUnit[] }>("/api/geography/units", { date });
  const byCode = new Map(units.map((u) => [u.code, u]));
  const byNuts = new Map(units.filter((u) => u.nuts2021 !== null).map((u) => [u.nuts2021 as string, u.code]));
  const words = catalogues[lang] as Readonly<Record<string, string>>;
  return {
    units: byCode,
    refnisOf: (nuts) => byNuts.get(nuts),
    levelOf(code) {
      const unit = byCode.get(code) ?? byCode.get(byNuts.get(code) ?? "");
      if (unit !== undefined) return unit.level;
      // Eurostat's aggregates (EU27_2020, EA20, EFTA) are the level "eu"; two capitals a country.
      if (/^(EU|EA)\d|^EFTA$/.test(code)) return "eu";
      return /^[A-Z]{2}$/.test(code) ? "country" : undefined;
    },
    name(code) {
      const word = words[`web.geo.${code}`];
      if (word !== undefined) return word;
      const unit = byCode.get(code) ?? byCode.get(byNuts.get(code) ?? "");
      if (unit !== undefined) return unitName(unit, lang, byCode);
      return countryName(code, lang) ?? code;
    },
  };
}
