import { z } from "zod";

/**
 * The schema of one event of the policy and context register (issue 6). The YAML files in data/events hold
 * lists of these objects with their keys in the order declared here; `describeEventSchema` prints the field
 * table from this same schema, so the documentation cannot drift from the validation.
 */

/** Levels: the EU, Belgian federal and sub-national governments, and the four neighbour countries (ISO2). */
export const eventLevels = ["EU", "federal", "flemish", "brussels", "walloon", "german-speaking", "NL", "FR", "DE", "LU"] as const;
export type EventLevel = (typeof eventLevels)[number];

export const eventKinds = ["policy", "context", "statistical"] as const;
export type EventKind = (typeof eventKinds)[number];

/** The policy areas of issue 6, as kebab-case codes. */
export const policyAreas = [
  "entry-residence",
  "family-reunification",
  "labour-migration",
  "study",
  "asylum-reception",
  "temporary-protection",
  "integration",
  "nationality",
  "irregular-stay-return",
  "free-movement",
  "economy",
  "geopolitics",
] as const;
export type PolicyArea = (typeof policyAreas)[number];

/** Who an event is aimed at; coarse on purpose, in the spirit of DEMIG POLICY's "migrant group". */
export const targetGroups = [
  "all-migrants",
  "eu-citizens",
  "third-country-nationals",
  "asylum-seekers",
  "beneficiaries-of-protection",
  "displaced-persons",
  "family-members",
  "workers",
  "high-skilled-workers",
  "students",
  "irregular-migrants",
  "newcomers",
  "nationality-applicants",
  "whole-population",
] as const;
export type TargetGroup = (typeof targetGroups)[number];

/**
 * Change in restrictiveness as coded in DEMIG POLICY: +1 more restrictive, -1 less restrictive, 0 neither
 * (a neutral or purely statistical change). Checked against the DEMIG POLICY page of the International
 * Migration Institute (https://www.migrationinstitute.org/data/demig-data/demig-policy-1): "a change towards
 * more restrictiveness (coded +1) or less restrictiveness (coded -1)".
 */
export const directions = [-1, 0, 1] as const;
export type Direction = (typeof directions)[number];

/** An indicator id: lowercase words joined by hyphens (`net-migration`), the form the catalogue will use. */
export const indicatorIdPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** An event id: `<level>-<year>-<words>` in lowercase, e.g. `federal-2011-family-reunification`. */
export const eventIdPattern = /^[a-z][a-z-]*-(?:19|20)\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * A date at the precision it is known: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only the month or year can be
 * stated from a source (never made more precise than the source).
 */
export const eventDatePattern = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const eventDate = z
  .string()
  .regex(eventDatePattern, "a date YYYY-MM-DD, YYYY-MM or YYYY")
  .refine(isRealDate, "not a calendar date");

/** True when a `YYYY-MM-DD` string names a real day (`YYYY-MM` and `YYYY` are always real). */
function isRealDate(text: string): boolean {
  if (text.length < 10) return true;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const oneLine = (what: string) => z.string().trim().min(1, `${what} is empty`).refine((s) => !/[\r\n]/.test(s), `${what} must be one line`);

const trilingual = (what: string) =>
  z.object({ nl: oneLine(`${what}.nl`), fr: oneLine(`${what}.fr`), en: oneLine(`${what}.en`) }).strict();

const trilingualText = (what: string) =>
  z.object({
    nl: z.string().trim().min(1, `${what}.nl is empty`),
    fr: z.string().trim().min(1, `${what}.fr is empty`),
    en: z.string().trim().min(1, `${what}.en is empty`),
  }).strict();

/** The fields of an event, in the order they are written to the YAML files. */
export const eventSchema = z
  .object({
    id: z.string().regex(eventIdPattern, "an id <level>-<year>-<words>, lowercase").describe("Unique id: <level>-<year>-<words>, lowercase, hyphenated."),
    kind: z.enum(eventKinds).describe("policy (a law or decision), context (economy, geopolitics) or statistical (a change in a source's definition or coverage)."),
    inForce: eventDate.describe("Date the act took effect, or the start of a context event or of a statistical break (YYYY-MM-DD, or YYYY-MM / YYYY when only that is known)."),
    announced: eventDate.optional().describe("Date announced or adopted (signature, vote, agreement), when known."),
    published: eventDate.optional().describe("Date of publication in the official journal (EU Official Journal, Belgian Official Journal, Staatsblad, Journal officiel, Bundesgesetzblatt, Mémorial), when known."),
    level: z.enum(eventLevels).describe("Government level: EU, federal, flemish, brussels, walloon, german-speaking, or a neighbour country as ISO2 (NL, FR, DE, LU)."),
    area: z.enum(policyAreas).nullable().describe("Policy area; null only for a statistical break that belongs to no single area (a geography change, or a change in how all migrations are counted)."),
    targetGroup: z.enum(targetGroups).describe("Group the event is aimed at."),
    direction: z.union([z.literal(-1), z.literal(0), z.literal(1)]).describe("DEMIG POLICY change in restrictiveness: +1 more restrictive, -1 less restrictive, 0 neither."),
    directionReason: oneLine("directionReason").describe("One line: why the direction was coded so."),
    title: trilingual("title").describe("Short title in nl, fr and en (one line each; used as chart label)."),
    summary: trilingualText("summary").describe("A few sentences in nl, fr and en."),
    legalReference: oneLine("legalReference").optional().describe("Act and official-journal reference (e.g. CELEX number, Belgian Official Journal date); left out when it cannot be stated from a source."),
    sources: z.array(z.url({ protocol: /^https?$/, hostname: z.regexes.domain })).min(1, "at least one source URL").describe("Public source URLs (http or https), at least one."),
    checked: z.boolean().describe("True when the dates and reference were checked against the sources listed; false entries are shown as unchecked."),
    checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isRealDate, "not a calendar date").optional().describe("Day the entry was checked (YYYY-MM-DD)."),
    checkedBy: oneLine("checkedBy").optional().describe("Who checked it."),
    indicators: z.array(z.string().regex(indicatorIdPattern, "an indicator id in lowercase-hyphenated form")).describe("Indicator ids the event is expected to touch (validated against the catalogue when one is given, else by form)."),
    geography: z.array(z.string().min(1)).min(1, "at least one geography code").describe("Where it applies: EU (the Union), ISO2 country codes, or Belgian NUTS codes BE, BE1 (Brussels), BE2 (Flanders), BE3 (Wallonia), BE336 (German-speaking Community)."),
  })
  .strict();

export type PolicyEvent = z.infer<typeof eventSchema>;

/** The order in which an event's keys are written (schema order). */
export const eventKeyOrder: readonly (keyof PolicyEvent)[] = Object.keys(eventSchema.shape) as (keyof PolicyEvent)[];
