import { iso2FromAlpha3, iso2FromEnglishName } from "../international/countryCodes.ts";

/**
 * UNHCR country codes that are not ISO 3166-1 countries, kept as named groups with our code:
 * - `-` (all origins, in the refugee-statistics downloads and API) -> `TOTAL`;
 * - `UKN` (various / unknown origin) and the empty code the R package writes for "Various / unknown" -> `UNK`;
 * - `STA` (stateless) -> `STLS`, as Eurostat's citizen code;
 * - `TIB` (Tibetans, counted apart from China by UNHCR) -> `TIBETAN`;
 * - `XKX` (Kosovo, user-assigned code as Eurostat) -> `XK`.
 */
export const unhcrGroups: ReadonlyMap<string, string> = new Map([
  ["-", "TOTAL"],
  ["UKN", "UNK"],
  ["", "UNK"],
  ["STA", "STLS"],
  ["TIB", "TIBETAN"],
  ["XKX", "XK"],
]);

/** Our code for a UNHCR country code (ISO alpha-3 or a group above), or undefined. */
export function mapUnhcrCountry(code: string): string | undefined {
  return unhcrGroups.get(code.trim()) ?? iso2FromAlpha3(code.trim());
}

/**
 * The country names of the old UNHCR PopStats export that i18n-iso-countries does not know, with our code.
 * "Serbia and Kosovo: S/RES/1244 (1999)" is Serbia and Kosovo together -> group `RS_XK`; the two US agencies
 * that receive asylum claims (INS/DHS affirmative, EOIR defensive) are both the United States, so their rows
 * add up in one cell.
 */
export const popStatsNames: ReadonlyMap<string, string> = new Map([
  ["Central African Rep.", "CF"],
  ["Dem. Rep. of the Congo", "CD"],
  ["Palestinian", "PS"],
  ["Iran (Islamic Rep. of)", "IR"],
  ["The former Yugoslav Rep. of Macedonia", "MK"],
  ["Syrian Arab Rep.", "SY"],
  ["United Kingdom of Great Britain and Northern Ireland", "GB"],
  ["Czech Rep.", "CZ"],
  ["China, Hong Kong SAR", "HK"],
  ["Rep. of Korea", "KR"],
  ["Dem. People's Rep. of Korea", "KP"],
  ["Lao People's Dem. Rep.", "LA"],
  ["China, Macao SAR", "MO"],
  ["Rep. of Moldova", "MD"],
  ["Viet Nam", "VN"],
  ["Stateless", "STLS"],
  ["United Rep. of Tanzania", "TZ"],
  ["Tibetan", "TIBETAN"],
  ["Venezuela (Bolivarian Republic of)", "VE"],
  ["Bolivia (Plurinational State of)", "BO"],
  ["Dominican Rep.", "DO"],
  ["Cabo Verde", "CV"],
  ["Swaziland", "SZ"],
  ["USA (INS/DHS)", "US"],
  ["USA (EOIR)", "US"],
  ["Micronesia (Federated States of)", "FM"],
  ["Serbia and Kosovo: S/RES/1244 (1999)", "RS_XK"],
  ["Various/unknown", "UNK"],
]);

/** Our code for a country name of the PopStats export (the table above, else the English name), or undefined. */
export function mapPopStatsName(name: string): string | undefined {
  return popStatsNames.get(name.trim()) ?? iso2FromEnglishName(name.trim());
}

/**
 * The population types of UNHCR's statistics, one code each whatever the source calls them: REF refugees,
 * ASY asylum-seekers, RET returned refugees, IDP internally displaced, RDP returned IDPs, STA stateless, OOC
 * others of concern, OIP other people in need of international protection, HST host community (the R package
 * writes HCO).
 */
export const populationTypes = ["REF", "ASY", "RET", "IDP", "RDP", "STA", "OOC", "OIP", "HST"] as const;

/** The months of the PopStats export by English name. */
export const monthNumbers: ReadonlyMap<string, number> = new Map(
  ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"].map((m, i) => [m, i + 1]),
);
