import countryNames from "i18n-iso-countries";
import { listCountries, listCountryGroups } from "./countries.ts";
import type { CountryGroup, Language } from "./countries.ts";
import type { GeoUnit, Geography } from "./geography-model.ts";

/**
 * Names of area codes in nl/fr/en and the way back from a name to its codes. One place for both, so the CLI's
 * tables, the API's area check and the explorer name an area alike.
 */

/** Eurostat's own country codes and the ISO 3166-1 code of the same country (DESIGN.md §4). */
export const eurostatCountryCodes: ReadonlyMap<string, string> = new Map([["EL", "GR"], ["UK", "GB"]]);

/** The ISO code of a NUTS level-0 id (`EL` -> `GR`, `UK` -> `GB`, `BE` -> `BE`): the code our figures use. */
export function isoCountryOfNuts(nutsId: string): string {
  return eurostatCountryCodes.get(nutsId) ?? nutsId;
}

// Groups that are places a figure can be about (a union, the world), not citizenship categories such as FOR
// (foreign country) or TOTAL, which share the code list but are no area.
const territoryCategories: ReadonlySet<string> = new Set(["WORLD", "OECD", "DE_TOT", "FX", "CHANNEL_ISLANDS", "AN"]);

/** The country groups that may be asked for as an area: every member-state group and the territories above. */
export function areaGroups(): CountryGroup[] {
  return listCountryGroups().filter((g) => g.kind === "member-states" || territoryCategories.has(g.code));
}

/** The REFNIS code of the one Belgian unit a Belgian NUTS code stands for (newest NUTS version first), or null. */
export function unitOfNutsCode(geography: Geography, nuts: string): string | null {
  for (const version of ["2024", "2021", "2016"]) {
    const units = new Set(geography.nuts.filter((n) => n.nutsCode === nuts && n.version === version).map((n) => n.code));
    if (units.size === 1) return [...units][0]!;
    if (units.size > 1) return null;
  }
  return null;
}

function isWalloon(geography: Geography, unit: GeoUnit): boolean {
  if (unit.level === "country") return false;
  return unit.code === "03000" || geography.parentOf(unit.code, "region") === "03000";
}

/**
 * A Belgian unit's name in a language: Dutch or French as Statbel writes it; in English the French name for
 * Walloon units and the Dutch one elsewhere (Statbel's own English pages do the same).
 */
export function unitName(geography: Geography, unit: GeoUnit, lang: Language): string {
  if (lang === "nl" || lang === "fr") return unit.name[lang];
  return isWalloon(geography, unit) ? unit.name.fr : unit.name.nl;
}

/**
 * The name of an area code in a language: a Belgian unit by REFNIS (its newest version) or by Belgian NUTS code,
 * a country (ISO, or Eurostat's EL/UK) or an area group. Null for a code no list knows.
 */
export function areaName(geography: Geography, code: string, lang: Language): string | null {
  const refnis = geography.has(code) ? code : /^BE[0-9A-Z]{1,3}$/.test(code) ? unitOfNutsCode(geography, code) : null;
  // Belgium itself is named as a country (Belgium, België, Belgique), not by the Dutch name in English.
  if (refnis !== null && refnis !== "BE") return unitName(geography, geography.versionsOf(refnis).at(-1)!, lang);
  const iso = refnis === "BE" ? "BE" : eurostatCountryCodes.get(code) ?? code;
  const country = listCountries().find((c) => c.code === iso);
  if (country !== undefined) return country.names[lang];
  return areaGroups().find((g) => g.code === code)?.names[lang] ?? null;
}

/** A name as compared: lower case, accents and punctuation dropped, spaces collapsed (`La Louvière` = `la-louviere`). */
export function normaliseName(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** One area a name may stand for. */
export interface NamedArea {
  readonly code: string;
  /** `municipality`, `province`, ... for Belgian units; `country` or `group` otherwise. */
  readonly kind: string;
  readonly name: string;
  /** Whether the unit exists today (false for a municipality that merged or was recoded). */
  readonly current: boolean;
}

const indexes = new WeakMap<Geography, Map<string, NamedArea[]>>();

/**
 * Every area whose name in nl, fr or en is `name` (compared as normaliseName does): Belgian units of any date,
 * countries and area groups. Empty when no name matches.
 */
export function areasNamed(geography: Geography, name: string): NamedArea[] {
  let index = indexes.get(geography);
  if (index === undefined) {
    index = new Map();
    const add = (text: string, area: NamedArea) => {
      const key = normaliseName(text);
      const list = index!.get(key) ?? [];
      if (!list.some((a) => a.code === area.code)) list.push(area);
      index!.set(key, list);
    };
    for (const u of geography.units) {
      const current = geography.versionsOf(u.code).at(-1)!.validTo === null;
      for (const text of [u.name.nl, u.name.fr]) add(text, { code: u.code, kind: u.level, name: text, current });
    }
    // Every name a country goes by (official and short: "Netherlands" and "The Netherlands"), not only the one shown.
    for (const c of listCountries()) {
      const all = (["nl", "fr", "en"] as const).flatMap((lang) => countryNames.getName(c.code, lang, { select: "all" }) ?? []);
      for (const text of [...Object.values(c.names), ...all]) add(text, { code: c.code, kind: "country", name: text, current: true });
    }
    for (const g of areaGroups()) for (const text of Object.values(g.names)) add(text, { code: g.code, kind: "group", name: text, current: true });
    indexes.set(geography, index);
  }
  return index.get(normaliseName(name)) ?? [];
}

/** Up to `limit` areas whose name starts with `text` (normalised), for a "did you mean" hint; current units first. */
export function areasNamedLike(geography: Geography, text: string, limit = 5): NamedArea[] {
  const wanted = normaliseName(text);
  if (wanted.length < 3) return [];
  areasNamed(geography, "");
  const index = indexes.get(geography)!;
  const out: NamedArea[] = [];
  for (const [key, areas] of index) {
    if (!key.startsWith(wanted)) continue;
    for (const a of areas) if (a.current && !out.some((o) => o.code === a.code)) out.push(a);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name)).slice(0, limit);
}
