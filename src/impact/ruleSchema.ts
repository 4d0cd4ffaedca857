import { z } from "zod";

/**
 * The schema of the eligibility rules in data/impact/rules/*.yaml (one file per service and region). A rule is
 * the law in force from one date to the next: who is obliged to, entitled to or not covered by a service, by
 * nationality group, residence status, age and time since arrival. Each rule cites its legal source and the
 * register event (data/events) that introduced or changed it; what could not be stated from a source is marked
 * `certainty: uncertain` with a note, never silently assumed.
 */

/** The services the model knows: civic integration (inburgering, parcours d'accueil / d'intégration) and OKAN. */
export const services = ["civic-integration", "okan"] as const;
export type Service = (typeof services)[number];

/** Regions by NUTS 2016 code, as the register names them: Brussels BE1, Flanders BE2, Wallonia BE3. */
export const ruleRegions = ["BE1", "BE2", "BE3"] as const;
export type RuleRegion = (typeof ruleRegions)[number];

/** Nationality groups the rules distinguish: EU/EEA/Swiss citizens (free movement) and third-country nationals. */
export const nationalityGroups = ["eu-eea-ch", "third-country"] as const;
export type NationalityGroup = (typeof nationalityGroups)[number];

/** Residence statuses at first registration; `permit-*` is a first residence permit of more than three months. */
export const residenceStatuses = [
  "eu-free-movement",
  "permit-family",
  "permit-work",
  "permit-study",
  "permit-other",
  "international-protection",
  "temporary-protection",
  "applicant",
] as const;
export type ResidenceStatus = (typeof residenceStatuses)[number];

/** What a rule says about a person: the service is compulsory, open on request, or not for them. */
export const outcomes = ["obliged", "entitled", "not-covered"] as const;
export type Outcome = (typeof outcomes)[number];

export const certainties = ["stated", "uncertain"] as const;
export type Certainty = (typeof certainties)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD");

/** Who a case applies to; an absent field matches everyone. Ages are whole years, both bounds included. */
export const ruleConditionSchema = z.strictObject({
  groups: z.array(z.enum(nationalityGroups)).min(1).optional(),
  statuses: z.array(z.enum(residenceStatuses)).min(1).optional(),
  minAge: z.number().int().min(0).optional(),
  maxAge: z.number().int().min(0).optional(),
  /** Months since arrival in Belgium at most (OKAN: one year). */
  maxMonthsSinceArrival: z.number().int().min(0).optional(),
});

export const ruleCaseSchema = z.strictObject({
  when: ruleConditionSchema,
  outcome: z.enum(outcomes),
  certainty: z.enum(certainties),
  /** Why, or what could not be confirmed (required when uncertain). */
  note: z.string().min(1).optional(),
}).refine((c) => c.certainty === "stated" || c.note !== undefined, "an uncertain case needs a note saying what is not certain");

/** Hours of the compulsory or offered components, where a source states them. */
export const courseHoursSchema = z.strictObject({
  language: z.number().positive().nullable(),
  citizenship: z.number().positive().nullable(),
  certainty: z.enum(certainties),
  note: z.string().min(1),
});

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "lowercase words joined by hyphens"),
  service: z.enum(services),
  region: z.enum(ruleRegions),
  /** First day in force (inclusive). */
  validFrom: isoDate,
  /** First day no longer in force (exclusive); null while in force. */
  validTo: isoDate.nullable(),
  /** When two rules of one service and region overlap in time, the one with the higher precedence applies. */
  precedence: z.number().int().optional(),
  /** The register event (data/events) that introduced or changed this rule. */
  event: z.string().min(1),
  legalSource: z.string().min(1),
  sources: z.array(z.url()).min(1),
  /** Whether the dates of validity are stated by the sources, or only approximately known. */
  datesCertainty: z.enum(certainties),
  note: z.string().min(1).optional(),
  courseHours: courseHoursSchema.optional(),
  /** Matched in order; the first case that matches decides. A person no case matches is not covered. */
  cases: z.array(ruleCaseSchema).min(1),
}).refine((r) => r.validTo === null || r.validFrom < r.validTo, "validFrom must come before validTo")
  .refine((r) => r.datesCertainty === "stated" || r.note !== undefined, "a rule with uncertain dates needs a note");

export const ruleFileSchema = z.array(ruleSchema).min(1);

export type RuleCondition = z.infer<typeof ruleConditionSchema>;
export type RuleCase = z.infer<typeof ruleCaseSchema>;
export type EligibilityRule = z.infer<typeof ruleSchema>;
