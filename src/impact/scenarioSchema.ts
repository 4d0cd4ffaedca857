import { z } from "zod";
import { ruleAgeBands } from "./ageBands.ts";
import { nationalityGroups, residenceStatuses, ruleSchema } from "./ruleSchema.ts";

/**
 * The schema of a scenario (data/impact/scenarios/*.yaml, or a file given to `migmon impact --scenario`): the
 * parameters of each step with their source, multipliers of the baseline inflow by group and period, shocks
 * (arrival waves), and rule changes from a date. Every parameter says whether a public source gives its value or
 * it is an assumption of the scenario; assumptions are flagged in every output that uses them.
 */

/** A parameter: its value, optionally a range, its unit, where it comes from, and whether it is an assumption. */
export const parameterSchema = z.strictObject({
  value: z.number().min(0),
  low: z.number().min(0).optional(),
  high: z.number().min(0).optional(),
  unit: z.string().min(1),
  source: z.string().min(1),
  assumption: z.boolean(),
  /**
   * Estimate the value from the store when it holds the data (see estimates.ts): `immigration-by-citizenship` for
   * thirdCountryShare. The value written here is used, as written, only when the data are not loaded.
   */
  estimate: z.enum(["immigration-by-citizenship"]).optional(),
}).refine((p) => (p.low ?? p.value) <= p.value && p.value <= (p.high ?? p.value), "low <= value <= high");
export type Parameter = z.infer<typeof parameterSchema>;

const share = parameterSchema.refine((p) => (p.high ?? p.value) <= 1, "a share is at most 1");

const year = z.number().int().min(1990).max(2100);
const ageBandIds = ruleAgeBands.map((b) => b.id) as [string, ...string[]];

/** Shares of a profile add up to 1 (within rounding of the typed figures). */
const profile = <K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), z.number().min(0))
  .refine((p) => Math.abs(Object.values(p).reduce<number>((s, v) => s + (v as number), 0) - 1) < 1e-6, "shares must add up to 1");

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: z.strictObject({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) }),
  description: z.string().min(1),
  /** First year projected. */
  startYear: year,
  /** Years projected (`--horizon` overrides). */
  horizon: z.number().int().min(1).max(10),
  /** Prediction interval level in percent. */
  level: z.number().gt(0).lt(100),
  /**
   * How a regional total is shared over municipalities: by the latest non-Belgian population (`non-belgian-stock`)
   * or by its growth over the last three years (`recent-growth`); an agency delivery of started trajectories, when
   * loaded, replaces either (see README).
   */
  allocation: z.enum(["non-belgian-stock", "recent-growth"]),
  parameters: z.strictObject({
    thirdCountryShare: share,
    permitStatusShares: z.strictObject({ "permit-family": share, "permit-work": share, "permit-study": share, "permit-other": share }),
    takeUpObliged: share,
    takeUpEntitled: share,
    languageCourseShare: share,
    languageCourseHours: parameterSchema,
    okanLanguageShare: share,
    okanBrusselsDutchSchoolShare: share,
    okanClassSize: parameterSchema.refine((p) => p.value >= 1 && (p.low ?? p.value) >= 1, "a class has at least 1 pupil"),
    receptionShare: share,
    receptionMonths: parameterSchema,
  }),
  multipliers: z.array(z.strictObject({
    group: z.enum([...nationalityGroups, "all"]),
    from: year,
    to: year,
    factor: z.number().min(0),
    note: z.string().min(1),
  })).default([]),
  /**
   * The arrivals of beneficiaries of temporary protection after the first wave (Eurostat migr_asytpsm: the growth of
   * Belgium's December stock in each year after 2022), projected and added to the baseline when `include` is true.
   */
  continuingTemporaryProtection: z.strictObject({
    include: z.boolean(),
    ageProfile: profile(ageBandIds),
    ageProfileSource: z.string().min(1),
    ageProfileAssumption: z.boolean(),
  }),
  shocks: z.array(z.strictObject({
    id: z.string().min(1),
    year,
    /** A number of persons, or the size of a past wave read from the store. */
    size: z.union([z.strictObject({ persons: z.number().positive() }), z.strictObject({ like: z.enum(["temporary-protection-2022"]) })]),
    group: z.enum(nationalityGroups),
    status: z.enum(residenceStatuses),
    ageProfile: profile(ageBandIds),
    ageProfileSource: z.string().min(1),
    ageProfileAssumption: z.boolean(),
  })).default([]),
  ruleChanges: z.array(ruleSchema).default([]),
});
export type Scenario = z.infer<typeof scenarioSchema>;
