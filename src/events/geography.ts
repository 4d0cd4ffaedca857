import type { EventLevel } from "./schema.ts";

/**
 * The geography an event applies to and the geography of a series, and the one rule that links them.
 *
 * Codes: `EU` for the Union as a whole (a series on `EU27_2020`, `EU28` or `EU` is a Union series); ISO 3166-1
 * alpha-2 for countries (Eurostat's `EL` and `UK` are read as GR and GB); Belgian NUTS codes (BE, BE1
 * Brussels-Capital, BE2 Flanders, BE3 Wallonia, BE336 the German-speaking Community's district); and Belgian
 * municipalities by their five-digit REFNIS code, placed in their region by the province digits of the code.
 * The geography tree of src/reference will replace the region rules here when it exists.
 */

/** The EU member states today (ISO2). Membership by date is the reference area's job; not needed for the rule. */
export const euMemberStates: ReadonlySet<string> = new Set([
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
  "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]);

const euAggregates: ReadonlySet<string> = new Set(["EU", "EU27_2020", "EU28", "EU27_2007", "EU25", "EU15"]);
const eurostatCountry: Readonly<Record<string, string>> = { EL: "GR", UK: "GB" };

/** The German-speaking Community's nine municipalities (REFNIS, district of Verviers; NUTS BE336). */
export const germanSpeakingMunicipalities: ReadonlySet<string> = new Set([
  "63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067", "63087",
]);

/** The codes an event's `geography` may use. */
export const eventGeographies: ReadonlySet<string> = new Set(["EU", ...euMemberStates, "BE1", "BE2", "BE3", "BE336"]);

/** Which event geographies each level may name (validated: a Flemish event is about Flanders). */
export const geographiesOfLevel: Readonly<Record<EventLevel, readonly string[]>> = {
  EU: ["EU", ...euMemberStates],
  federal: ["BE"],
  flemish: ["BE2"],
  brussels: ["BE1"],
  walloon: ["BE3"],
  "german-speaking": ["BE336"],
  NL: ["NL"],
  FR: ["FR"],
  DE: ["DE"],
  LU: ["LU"],
};

/** The Belgian region (NUTS 1) of a REFNIS municipality code, from its province digits; null if not one. */
export function regionOfMunicipality(refnis: string): "BE1" | "BE2" | "BE3" | null {
  if (!/^\d{5}$/.test(refnis)) return null;
  const two = refnis.slice(0, 2);
  if (two === "21") return "BE1";
  if (two === "23" || two === "24") return "BE2";
  if (two === "25") return "BE3";
  const one = refnis[0];
  if (one === "1" || one === "3" || one === "4" || one === "7") return "BE2";
  if (one === "5" || one === "6" || one === "8" || one === "9") return "BE3";
  return null;
}

/**
 * The chain of areas a series geography lies in, itself first: `BE211` -> BE211, BE21, BE2, BE, EU;
 * `11002` (Antwerpen) -> 11002, BE2, BE, EU; `63023` (Eupen) -> 63023, BE336, BE3, BE, EU; `EU27_2020` -> EU.
 * Unknown forms give just the code itself, so they match nothing but themselves.
 */
export function enclosingGeographies(code: string): string[] {
  const upper = code.toUpperCase();
  if (euAggregates.has(upper)) return ["EU"];
  const region = regionOfMunicipality(upper);
  if (region !== null) {
    const chain = [upper];
    if (germanSpeakingMunicipalities.has(upper)) chain.push("BE336");
    return [...chain, region, "BE", "EU"];
  }
  const nuts = /^([A-Z]{2})([0-9A-Z]{0,3})$/.exec(upper);
  if (nuts) {
    const country = eurostatCountry[nuts[1]!] ?? nuts[1]!;
    const sub = nuts[2]!;
    const chain: string[] = [];
    for (let n = sub.length; n >= 1; n--) chain.push(nuts[1]! + sub.slice(0, n));
    chain.push(country);
    if (euMemberStates.has(country)) chain.push("EU");
    return chain;
  }
  return [upper];
}

/**
 * Whether an event with this geography applies to a series on `seriesGeo`: true when one of the event's codes
 * is the series' area or encloses it. So an EU event applies to every EU geography, a federal (BE) event to
 * Belgium, its regions and municipalities, a regional event only to its region and its municipalities, and a
 * neighbour's event only to that country.
 */
export function appliesToGeography(eventGeography: readonly string[], seriesGeo: string): boolean {
  const chain = enclosingGeographies(seriesGeo);
  return eventGeography.some((g) => chain.includes(g));
}
