import { iso2FromAlpha3, iso2FromM49 } from "../international/countryCodes.ts";

/**
 * UN DESA area codes that are not ISO 3166-1 countries, kept as named groups with our code:
 * - `OOO` (M49 2003, "Other" / unknown origin in the International Migrant Stock) -> `UNK`, as Eurostat's unknown;
 * - `XCX` (M49 830, Channel Islands: Guernsey and Jersey together) -> `CHANNEL_ISLANDS`;
 * - `XKX` (Kosovo under UNSC resolution 1244, no ISO code; the user-assigned code Eurostat uses) -> `XK`;
 * - M49 `900` (World, the total of the UN's tables) -> `TOTAL`.
 */
export const undesaGroups: ReadonlyMap<string, string> = new Map([
  ["OOO", "UNK"],
  ["2003", "UNK"],
  ["XCX", "CHANNEL_ISLANDS"],
  ["830", "CHANNEL_ISLANDS"],
  ["XKX", "XK"],
  ["900", "TOTAL"],
]);

/**
 * Our code (ISO 3166-1 alpha-2 or a named group) for a UN DESA area code, written as ISO alpha-3 (`BEL`) or as
 * the UN M49 number of the UN's own tables (`56`, `056`); undefined when the code maps nowhere.
 */
export function mapUndesaArea(code: string): string | undefined {
  const trimmed = code.trim();
  const digits = /^\d+$/.test(trimmed) ? String(Number(trimmed)) : trimmed;
  return undesaGroups.get(digits) ?? iso2FromAlpha3(trimmed) ?? iso2FromM49(trimmed);
}

/** SDMX sex codes for the words of the UN DESA tables. */
export function mapUndesaSex(word: string): string | undefined {
  return ({ female: "F", male: "M", total: "T", both: "T" } as Record<string, string>)[word.trim().toLowerCase()];
}

/**
 * The basis of a migrant-stock estimate, from the UN's "type of data" notes: `POB` foreign-born (type B), `CIT`
 * foreign citizens (type C), `POB_CIT` both kinds of source combined (B and C), `UNK` no data, the estimate is
 * imputed (type I without B or C). It is a dimension, so that the definitions are never mixed in one series
 * (DESIGN.md §4).
 */
export function undesaBasis(birthplace: boolean, citizenship: boolean): string {
  if (birthplace && citizenship) return "POB_CIT";
  if (birthplace) return "POB";
  if (citizenship) return "CIT";
  return "UNK";
}

/**
 * The flags of a migrant-stock estimate, from the UN's notes: type I (imputed: no data for any reference date)
 * is `e` (estimated); type R (refugee numbers from UNHCR/UNRWA added to the census or register count) is `d`
 * (definition differs: the figure counts people the base source did not).
 */
export function undesaFlags(refugeesAdded: boolean, imputed: boolean): string {
  return `${refugeesAdded ? "d" : ""}${imputed ? "e" : ""}`;
}
