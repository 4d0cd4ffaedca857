import { UsageError } from "../core/index.ts";
import type { Geography } from "../reference/geography.ts";

/**
 * The regions, Belgium, its neighbours and the EU side by side. Regions are given by their NUTS codes (BE2
 * Flemish Region, BE1 Brussels-Capital Region, BE3 Walloon Region), because Eurostat's datasets code them so; the
 * geography knows them by REFNIS (02000, 04000, 03000) and the engine maps one to the other (areas.ts), so Statbel
 * figures are found under the NUTS codes too.
 */
export const flandersBelgiumEurope: readonly string[] = ["BE2", "BE1", "BE3", "BE", "NL", "FR", "DE", "LU", "EU27_2020"];

/** The named comparison sets. */
export const comparisonSets: Readonly<Record<string, readonly string[]>> = { "flanders-belgium-europe": flandersBelgiumEurope };

/** Size and share of non-nationals of one municipality, the two features municipalities are compared on. */
export interface MunicipalityFeatures {
  readonly population: number;
  /** Non-nationals in percent of the population. */
  readonly shareNonNationals: number;
}

/**
 * The `k` municipalities most similar to `target` by size and share of non-nationals: the standardised Euclidean
 * distance on ln(population) and the share, each divided by its standard deviation over all municipalities given
 * (so one standard deviation of either counts the same); ties broken by code. Municipalities without features
 * are not candidates. Throws UsageError when the target has no features or k is not a positive whole number.
 */
export function similarMunicipalities(target: string, features: ReadonlyMap<string, MunicipalityFeatures>, k: number): string[] {
  if (!Number.isInteger(k) || k < 1) throw new UsageError(`the number of similar municipalities must be a whole number >= 1, not ${k}`);
  const own = features.get(target);
  if (!own) throw new UsageError(`municipality ${target} has no population and share of non-nationals to compare on`);
  const xs = [...features.values()].map((f) => Math.log(f.population));
  const ys = [...features.values()].map((f) => f.shareNonNationals);
  const sd = (v: number[]) => {
    const m = v.reduce((s, x) => s + x, 0) / v.length;
    return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
  };
  const sx = sd(xs) || 1;
  const sy = sd(ys) || 1;
  const distance = (f: MunicipalityFeatures) =>
    Math.hypot((Math.log(f.population) - Math.log(own.population)) / sx, (f.shareNonNationals - own.shareNonNationals) / sy);
  return [...features.entries()]
    .filter(([code]) => code !== target)
    .map(([code, f]) => ({ code, d: distance(f) }))
    .sort((a, b) => a.d - b.d || a.code.localeCompare(b.code))
    .slice(0, k)
    .map((x) => x.code);
}

/** A municipality with the units above it: its arrondissement, province (none in Brussels), region and Belgium. */
export function municipalityWithParents(geography: Geography, code: string): string[] {
  const unit = geography.versionsOf(code).at(-1)!;
  if (unit.level !== "municipality") throw new UsageError(`${code} is a ${unit.level}, not a municipality`);
  const chain = [code];
  for (const level of ["arrondissement", "province", "region", "country"] as const) {
    const up = geography.parentOf(code, level);
    if (up !== null) chain.push(up);
  }
  return chain;
}

/**
 * Reads a comparison set: a named set (`flanders-belgium-europe`), `municipality:<REFNIS or name>` (resolved by
 * the caller with municipalityComparisonSet) or a comma-separated list of codes. Throws
 * UsageError for an empty list.
 */
export function readComparisonSet(text: string): { readonly kind: "codes"; readonly codes: readonly string[] } | { readonly kind: "municipality"; readonly code: string; readonly k: number } {
  const named = comparisonSets[text];
  if (named) return { kind: "codes", codes: named };
  const m = /^municipality:([^:,]+)(?::(\d+))?$/.exec(text);
  if (m) return { kind: "municipality", code: m[1]!, k: m[2] === undefined ? 5 : Number(m[2]) };
  const codes = text.split(",").map((c) => c.trim()).filter(Boolean);
  if (codes.length === 0) throw new UsageError(`--set must be ${Object.keys(comparisonSets).join(", ")}, municipality:<REFNIS>[:k] or a list of codes, not ${JSON.stringify(text)}`);
  return { kind: "codes", codes };
}
