import { z } from "zod";

const codes = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const filter = z.record(z.string(), codes).describe("dimension -> code or codes, e.g. {indic_de: JAN, geo: BE}");

/** `0` (absolute, in the data's unit) or `0.5%` (relative to the parent or to the other dataset's value). */
export const toleranceSchema = z.union([
  z.number().min(0),
  z.string().regex(/^\d+(\.\d+)?%$/, "a relative tolerance is written like 0.5%"),
]).default(0);

const parentSum = z.strictObject({
  kind: z.literal("parent-sum"),
  dimension: z.string().min(1).describe("the geographic dimension, e.g. geo or refnis"),
  hierarchy: z.enum(["nuts", "refnis"]).describe(
    "nuts: NUTS 0 -> 1 -> 2 -> 3 by code prefix, with the Belgian codes of `nutsVersion` from the curated geography; " +
      "refnis: Belgium -> regions -> provinces -> arrondissements -> municipalities valid on the period's first day"),
  nutsVersion: z.enum(["2016", "2021", "2024"]).optional().describe("the NUTS version the data follow (nuts only)"),
  filter: filter.optional().describe("only the series with these codes"),
  tolerance: toleranceSchema,
  note: z.string().min(1).optional().describe("why the tolerance is what it is, or what a failure is known to mean"),
}).refine((c) => (c.hierarchy === "nuts") === (c.nutsVersion !== undefined), { message: "nutsVersion goes with hierarchy: nuts, and nuts needs it" });

const side = z.strictObject({
  filter: filter.optional(),
  sum: z.boolean().default(false).describe("add up every series the filter selects (e.g. all municipalities); otherwise it must select one per period"),
});

const crossSource = z.strictObject({
  kind: z.literal("cross-source"),
  filter: filter.optional().describe("this dataset's series"),
  sum: z.boolean().default(false).describe("add up every series of this dataset the filter selects"),
  other: side.extend({ dataset: z.string().regex(/^[a-z]+:[a-z0-9_]+$/, "a dataset id such as statbel:pop_by_municipality_nationality_sex") }),
  match: z.array(z.string().min(1)).default([]).describe("dimensions both datasets have, compared code by code (e.g. [geo]); none: one total each"),
  alignPeriods: z.enum(["as-published", "year"]).default("as-published").describe(
    "year: a stock on 1 January (2015-01-01) is compared with the year 2015; other periods must then be years"),
  tolerance: toleranceSchema,
  note: z.string().min(1).optional(),
});

/** A consistency check a catalogue entry declares (data/sources.yaml, `checks:`); the schema documents the fields. */
export const consistencyCheckSchema = z.union([parentSum, crossSource]);

export type ConsistencyCheck = z.infer<typeof consistencyCheckSchema>;
export type ParentSumCheck = Extract<ConsistencyCheck, { kind: "parent-sum" }>;
export type CrossSourceCheck = Extract<ConsistencyCheck, { kind: "cross-source" }>;
export type Tolerance = z.infer<typeof toleranceSchema>;

/** Whether `difference` is beyond the tolerance; a relative tolerance is taken of |reference|. */
export function exceedsTolerance(difference: number, reference: number, tolerance: Tolerance): boolean {
  const allowed = typeof tolerance === "number" ? tolerance : (Number(tolerance.slice(0, -1)) / 100) * Math.abs(reference);
  // Sums of decimal figures differ from an equal total in the last binary digits; that is not a difference.
  const rounding = 1e-9 * Math.max(1, Math.abs(reference));
  return Math.abs(difference) > allowed + rounding;
}

/** A check as a short label for output: `parent-sum geo nuts 2016`, `cross-source statbel:... tolerance 0.5%`. */
export function describeCheck(check: ConsistencyCheck): string {
  if (check.kind === "parent-sum") {
    return `parent-sum ${check.dimension} ${check.hierarchy}${check.nutsVersion ? ` ${check.nutsVersion}` : ""} tolerance ${check.tolerance}`;
  }
  return `cross-source ${check.other.dataset} tolerance ${check.tolerance}`;
}

/** A filter with each value as a list, as the store's query takes it. */
export function filterCodes(f: Readonly<Record<string, string | readonly string[]>> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [dimension, value] of Object.entries(f ?? {})) out[dimension] = typeof value === "string" ? [value] : [...value];
  return out;
}
