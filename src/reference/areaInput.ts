import { UsageError } from "../core/index.ts";
import { areasNamed, areasNamedLike, eurostatCountryCodes, areaGroups, unitOfNutsCode } from "./areaNames.ts";
import type { NamedArea } from "./areaNames.ts";
import { checkCountryDimensionCodes, listCountries } from "./countries.ts";
import type { Geography } from "./geography-model.ts";
import { sameTerritoryCodes } from "./recodes.ts";

/**
 * The one check of what a user gives as an area, shared by the CLI and the API: every code either names an area
 * we know or is refused with the same one-line message, never read as a country that no dataset has and answered
 * with an empty table.
 */

/** An area as the user gave it and the code it stands for, with a note when the two differ. */
export interface AreaResolution {
  readonly input: string;
  readonly code: string;
  /** Why the code differs from the input (a name, Eurostat's EL, REFNIS 01000), or null. */
  readonly note: string | null;
}

/** Refused areas: unknown codes or names, or a name that stands for several areas. Exit 2, HTTP 400. */
export class AreaInputError extends UsageError {}

/** What an area may be, said once for every message. */
export const areaForms = "a REFNIS code (11002), a Belgian NUTS code (BE2), a country code (NL), an EU aggregate (EU27_2020) or an area name in nl, fr or en (Gent)";

// The countries NUTS 2021 divides into regions (GISCO's level 0 ids: the EU, EFTA and candidate countries, EL and
// UK as Eurostat writes them). A code like GEN is not a NUTS region of Georgia: Georgia has none.
const nutsCountries: ReadonlySet<string> = new Set(("AL AT BE BG CH CY CZ DE DK EE EL ES FI FR HR HU IE IS IT LI LT LU LV ME MK MT NL NO " +
  "PL PT RO RS SE SI SK TR UK").split(" "));

// Statbel's REFNIS gives the Kingdom the code 01000; our geography calls Belgium BE.
const refnisBelgium = "01000";

function describe(a: NamedArea): string {
  return `${a.code} ${a.name} (${a.kind}${a.current ? "" : ", former"})`;
}

type Outcome = { readonly ok: AreaResolution } | { readonly unknown: string; readonly hint: string } | { readonly ambiguous: string; readonly candidates: readonly NamedArea[] };

function resolveOne(geography: Geography, text: string): Outcome {
  const input = text.trim();
  if (input === refnisBelgium) return { ok: { input, code: "BE", note: `${refnisBelgium} is Statbel's REFNIS code for Belgium, here BE` } };
  if (geography.has(input)) return { ok: { input, code: input, note: null } };
  if (/^BE[0-9A-Z]{1,3}$/.test(input)) {
    const known = geography.nuts.some((n) => n.nutsCode === input) || unitOfNutsCode(geography, input) !== null;
    return known ? { ok: { input, code: input, note: null } } : { unknown: input, hint: "" };
  }
  const iso = eurostatCountryCodes.get(input);
  if (iso !== undefined) return { ok: { input, code: iso, note: `${input} is Eurostat's code for ${iso} (ISO 3166)` } };
  if (listCountries().some((c) => c.code === input) || areaGroups().some((g) => g.code === input)) return { ok: { input, code: input, note: null } };
  // A NUTS region of another country (DE1, EL30, UKI3): its first two letters are one of the NUTS countries.
  if (/^[A-Z]{2}[0-9A-Z]{1,3}$/.test(input) && nutsCountries.has(input.slice(0, 2)) && checkCountryDimensionCodes("geo", [input]).length === 0) {
    return { ok: { input, code: input, note: null } };
  }
  const named = areasNamed(geography, input);
  // A name borne by a current unit and by units that no longer exist (Deinze before and after its 2019 merger)
  // stands for the current one; the note names the others.
  const current = named.filter((a) => a.current);
  const chosen = named.length === 1 ? named : current.length === 1 ? current : [];
  if (chosen.length === 1) {
    const hit = chosen[0]!;
    const same = new Set(sameTerritoryCodes(geography, geography.has(hit.code) ? hit.code : "BE"));
    const others = named.filter((a) => a.code !== hit.code);
    const formerly = others.filter((a) => same.has(a.code)).map((a) => `formerly ${a.code}, the same territory`);
    const other = others.filter((a) => !same.has(a.code)).map((a) => `${a.code} before ${hit.code} existed`);
    const also = [...formerly, ...other];
    return { ok: { input, code: hit.code, note: `${input} is ${describe(hit)}${also.length > 0 ? ` (${also.join("; ")})` : ""}` } };
  }
  if (named.length > 1) return { ambiguous: input, candidates: named };
  // A code typed in lower case (`nl`, `be2`, `eu27_2020`) is the code in upper case.
  const upper = input.toUpperCase();
  if (upper !== input) {
    const again = resolveOne(geography, upper);
    if ("ok" in again) return { ok: { input, code: again.ok.code, note: again.ok.note ?? `${input} is ${again.ok.code}` } };
  }
  const like = areasNamedLike(geography, input);
  return { unknown: input, hint: like.length > 0 ? `did you mean ${like.map(describe).join(", ")}?` : "" };
}

/**
 * Reads what a user gave as areas (codes or names, in order) into area codes: REFNIS codes the geography has had
 * at any date, Belgian NUTS codes of our NUTS table, ISO countries, EU and other area groups, NUTS regions of other
 * countries; Eurostat's EL/UK become GR/GB and REFNIS 01000 becomes BE; a name in nl, fr or en becomes the code of
 * the one area that bears it. Throws AreaInputError naming every unknown input (with close names where some start
 * alike) and every ambiguous name with its candidates, in one line.
 */
export function resolveAreas(geography: Geography, inputs: readonly string[]): AreaResolution[] {
  const out: AreaResolution[] = [];
  const unknown: { unknown: string; hint: string }[] = [];
  const ambiguous: string[] = [];
  for (const text of inputs) {
    if (text.trim() === "") continue;
    const outcome = resolveOne(geography, text);
    if ("ok" in outcome) out.push(outcome.ok);
    else if ("unknown" in outcome) unknown.push(outcome);
    else ambiguous.push(`${JSON.stringify(outcome.ambiguous)} names ${outcome.candidates.map(describe).join(", ")}: give the code`);
  }
  const problems: string[] = [];
  if (unknown.length > 0) {
    const listed = unknown.map((u) => JSON.stringify(u.unknown)).join(", ");
    const hints = unknown.filter((u) => u.hint !== "").map((u) => `${JSON.stringify(u.unknown)}: ${u.hint}`);
    problems.push(`unknown area${unknown.length > 1 ? "s" : ""} ${listed}: give ${areaForms}${hints.length > 0 ? ` (${hints.join("; ")})` : ""}`);
  }
  problems.push(...ambiguous);
  if (problems.length > 0) throw new AreaInputError(problems.join("; "));
  if (out.length === 0) throw new AreaInputError(`no area given: give ${areaForms}`);
  return out;
}
