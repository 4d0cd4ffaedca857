import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import countryNames from "i18n-iso-countries";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { InputError } from "../core/index.ts";

/**
 * The country code list (DESIGN.md §4): ISO 3166-1 alpha-2 countries with their names in nl/fr/en (from
 * i18n-iso-countries, which also knows XK Kosovo), and Eurostat's aggregates and country-dimension categories as
 * named groups from data/reference/country-groups.yaml. Eurostat's own EL and UK are not country codes here:
 * the Eurostat connector maps them to GR and GB; only NUTS codes keep the EL and UK prefixes.
 */

export type Language = "nl" | "fr" | "en";
export type Names = Readonly<Record<Language, string>>;

export interface Country {
  readonly code: string;
  readonly names: Names;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Countries that belong to a nationality group from `from` to `until` (inclusive; open ends when absent). */
const membershipSchema = z.object({
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
  from: isoDate.optional(),
  until: isoDate.optional(),
}).strict();
const countryGroupSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  kind: z.enum(["member-states", "relative", "category", "nationality-group"]),
  names: z.object({ en: z.string().min(1), nl: z.string().min(1), fr: z.string().min(1) }).strict(),
  valid: z.object({ from: isoDate, until: isoDate.optional() }).strict().optional(),
  members: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  base: z.string().optional(),
  /** nationality-group: membership by date, the source that defines the group and what it says of exceptions. */
  membership: z.array(membershipSchema).optional(),
  source: z.url().optional(),
  note: z.string().min(1).optional(),
}).strict();
const countryGroupsSchema = z.object({ groups: z.array(countryGroupSchema) }).strict();

/** A named group of countries, or a category of a country dimension (see data/reference/country-groups.yaml). */
export type CountryGroup = z.infer<typeof countryGroupSchema>;

const require = createRequire(import.meta.url);
for (const language of ["en", "nl", "fr"] as const) {
  countryNames.registerLocale(require(`i18n-iso-countries/langs/${language}.json`) as countryNames.LocaleData);
}

let countryList: Country[] | undefined;

/** Every ISO 3166-1 alpha-2 country (and XK Kosovo) with its short name in nl, fr and en, sorted by code. */
export function listCountries(): Country[] {
  if (countryList) return countryList;
  const codes = new Set(Object.keys(countryNames.getAlpha2Codes()));
  codes.add("XK");
  countryList = [...codes].sort().map((code) => ({
    code,
    names: {
      nl: countryNames.getName(code, "nl", { select: "alias" }) ?? code,
      fr: countryNames.getName(code, "fr", { select: "alias" }) ?? code,
      en: countryNames.getName(code, "en", { select: "alias" }) ?? code,
    },
  }));
  return countryList;
}

/**
 * Reads and validates the country groups YAML: every member must be a country code of listCountries(), every
 * `base` a member-state group, codes unique. Throws InputError naming `source` and the problem.
 */
export function readCountryGroups(yamlText: string, source: string): CountryGroup[] {
  let document: unknown;
  try {
    document = parseYaml(yamlText);
  } catch (error) {
    throw new InputError(source, undefined, `not YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const parsed = countryGroupsSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(source, undefined, `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  const countries = new Set(listCountries().map((c) => c.code));
  const byCode = new Map<string, CountryGroup>();
  for (const group of parsed.data.groups) {
    if (byCode.has(group.code) || countries.has(group.code)) throw new InputError(source, undefined, `group ${group.code} is defined twice or is a country code`);
    byCode.set(group.code, group);
    const unknown = (group.members ?? []).filter((m) => !countries.has(m));
    if (unknown.length > 0) throw new InputError(source, undefined, `group ${group.code} has unknown members ${unknown.join(", ")}`);
    if (group.kind === "member-states" && (group.members ?? []).length === 0) throw new InputError(source, undefined, `group ${group.code} has no members`);
    if (group.kind === "nationality-group") {
      if (!group.membership || group.membership.length === 0 || group.source === undefined) throw new InputError(source, undefined, `nationality group ${group.code} needs a membership and a source`);
      const outside = group.membership.flatMap((m) => m.countries).filter((m) => !countries.has(m));
      if (outside.length > 0) throw new InputError(source, undefined, `nationality group ${group.code} has unknown members ${outside.join(", ")}`);
    }
  }
  for (const group of byCode.values()) {
    if (group.base !== undefined && byCode.get(group.base)?.kind !== "member-states") {
      throw new InputError(source, undefined, `group ${group.code} has base ${group.base}, which is not a member-state group`);
    }
  }
  return [...byCode.values()];
}

/** The curated groups file of this repository. */
export const countryGroupsFile = new URL("../../data/reference/country-groups.yaml", import.meta.url);

let curatedGroups: CountryGroup[] | undefined;

/** The curated country groups of data/reference/country-groups.yaml, read once on first use. */
export function listCountryGroups(): CountryGroup[] {
  curatedGroups ??= readCountryGroups(readFileSync(countryGroupsFile, "utf8"), "data/reference/country-groups.yaml");
  return curatedGroups;
}

/**
 * The members of a member-state group on an ISO date: its list when the date lies in its validity period,
 * else the empty list (the group was not the union then). Throws InputError for a code that is not a
 * member-state group.
 */
export function groupMembersOn(code: string, date: string): string[] {
  const group = listCountryGroups().find((g) => g.code === code);
  if (!group || group.kind !== "member-states") throw new InputError("country groups", undefined, `${code} is not a member-state group`);
  const from = group.valid?.from ?? "0000-01-01";
  const until = group.valid?.until ?? "9999-12-31";
  return date >= from && date <= until ? [...(group.members ?? [])] : [];
}

const nutsTail = /^[A-Z0-9]{1,3}$/;

/**
 * The codes of a country-like dimension (geo, citizen, c_birth, partner, ...) that none of our code lists knows,
 * in input order without repeats: ISO 3166-1 alpha-2 countries (and XK) and the named groups are known in
 * every such dimension; in `geo` also NUTS codes (`BE21`, `EL30`, `UKI3`, `BEZZZ`) whose first two letters are
 * a country code or Eurostat's EL/UK. A bare `EL` or `UK` is unknown: the connector must have mapped it.
 */
export function checkCountryDimensionCodes(dimension: string, codes: Iterable<string>): string[] {
  const countries = new Set(listCountries().map((c) => c.code));
  const groups = new Set(listCountryGroups().map((g) => g.code));
  const geo = dimension.toLowerCase() === "geo";
  const unknown = new Set<string>();
  for (const code of codes) {
    if (countries.has(code) || groups.has(code)) continue;
    if (geo && code.length >= 3 && code.length <= 5) {
      const prefix = code.slice(0, 2);
      if ((countries.has(prefix) || prefix === "EL" || prefix === "UK") && nutsTail.test(code.slice(2))) continue;
    }
    unknown.add(code);
  }
  return [...unknown];
}
