// The reviewed data of data/publications as zod schemas: templates (chapters, sections, blocks), the phrase book
// of the data-to-text sentences, the forms of area names in running text and the country groups of group profiles.
// The schemas validate the YAML files and document them (STYLE.md rule 17).
import { z } from "zod";

const text = z.string().trim().min(1);
/** A text in the three languages of the monitor. */
export const trilingual = z.strictObject({ nl: text, fr: text, en: text });
export type Trilingual = z.infer<typeof trilingual>;

const indicatorId = z.string().regex(/^[a-z][a-z0-9_]*$/, "an indicator id of data/indicators (lower case, digits and _)");
const blockId = z.string().regex(/^[a-z][a-z0-9-]*$/, "an id of lower case words joined by hyphens");

/**
 * Area codes of a block: REFNIS, Belgian NUTS, country or EU codes, or a placeholder a profile fills in:
 * `$geo` (the profile's municipality), `$parents` (its arrondissement, province, region and Belgium), `$similar`
 * (its most similar municipalities), `$members` (the countries of a group profile).
 */
const geos = z.array(z.string().regex(/^(\$(geo|parents|similar|members)|[A-Z0-9_]+)$/, "an area code or $geo, $parents, $similar, $members")).min(1);

/** The grammatical subject a sentence talks about ("het aandeel niet-Belgen"); `gender` agrees French adjectives. */
const subject = z.strictObject({ nl: text, fr: text, en: text, frGender: z.enum(["m", "f"]) });
export type SentenceSubject = z.infer<typeof subject>;

/** A sentence pattern per language with the placeholders of a level sentence. */
const levelPattern = trilingual.describe("placeholders: {date} (the period), {value}, {share}, {total}, {ofArea}, {inArea}");

/** One block of a section: what it shows and from which indicator and areas. */
export const blockSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("level"), indicator: indicatorId, geos, share: indicatorId.optional(), total: indicatorId.optional(), pattern: levelPattern, at: z.string().optional().describe("the period; the latest with a figure when absent") })
    .describe("one sentence per area with its latest figure (and a share and total beside it)"),
  z.strictObject({ kind: z.literal("change"), indicator: indicatorId, geos, subject, years: z.number().int().min(1).max(50).default(5) })
    .describe("rises, falls or stays level between the period `years` before the latest and the latest, per area"),
  z.strictObject({ kind: z.literal("rank"), indicator: indicatorId, focus: geos, among: geos, subject })
    .describe("the rank of the focus areas among the areas compared, in the latest period they all have"),
  z.strictObject({ kind: z.literal("comparison"), indicator: indicatorId, focus: geos, others: geos, subject })
    .describe("higher than ... and lower than ..., for the focus area against the others"),
  z.strictObject({ kind: z.literal("chart"), indicator: indicatorId, geos, from: z.string().optional() })
    .describe("a line chart of the indicator for the areas, with the register's events"),
  z.strictObject({ kind: z.literal("map"), indicator: indicatorId, layer: z.enum(["municipalities", "nuts0"]) })
    .describe("a choropleth of the latest period: Belgian municipalities or European countries"),
  z.strictObject({ kind: z.literal("table"), indicator: indicatorId, geos, periods: z.number().int().min(1).max(12).default(4) })
    .describe("the last `periods` periods of the indicator for the areas"),
  z.strictObject({ kind: z.literal("register"), levels: z.array(z.string()).min(1), areas: z.array(z.string()).default([]) })
    .describe("the register's policy events of these levels (and policy areas, all when empty), with dates and sources"),
  z.strictObject({ kind: z.literal("assess"), indicator: indicatorId, geo: z.string(), event: z.string() })
    .describe("the assessment of src/assess: did the series change when the event came into force, with its limits"),
  z.strictObject({ kind: z.literal("situation") })
    .describe("a profile's place: its arrondissement, province and region, and its most similar municipalities"),
  z.strictObject({ kind: z.literal("breakdown"), indicator: indicatorId, geo: z.string(), codes: geos.describe("the breakdown's codes shown (e.g. $members)"), periods: z.number().int().min(1).max(12).default(4) })
    .describe("a group profile's table: the indicator's breakdown (citizenship, country of birth) for the group's countries in one area"),
  z.strictObject({ kind: z.literal("commentary"), id: blockId, indicator: indicatorId, geos })
    .describe("the authors' Markdown block data/publications/commentary/<template>/<id>.<lang>.md, written against the figures of the indicator for the areas (its fingerprint)"),
]);
export type TemplateBlock = z.infer<typeof blockSchema>;

export const sectionSchema = z.strictObject({ id: blockId, title: trilingual, blocks: z.array(blockSchema).min(1) });
export type TemplateSection = z.infer<typeof sectionSchema>;

export const chapterSchema = z.strictObject({ id: blockId, title: trilingual, sections: z.array(sectionSchema).min(1) });
export type TemplateChapter = z.infer<typeof chapterSchema>;

import { publicationKinds } from "./kinds.ts";
import type { PublicationKind } from "./kinds.ts";
export { publicationKinds };
export type { PublicationKind };

/** A publication template: data/publications/templates/<id>.yaml. */
export const templateSchema = z.strictObject({
  id: blockId,
  kind: z.enum(publicationKinds),
  title: trilingual,
  subtitle: trilingual.optional(),
  chapters: z.array(chapterSchema).min(1),
});
export type PublicationTemplate = z.infer<typeof templateSchema>;

/** A phrase: a string, or variants by plural category (`one`, `other`) or French gender (`m`, `f`). */
const phraseText = z.union([text, z.strictObject({ one: text, other: text }), z.strictObject({ m: text, f: text })]);
export const phraseBookSchema = z.record(z.string().regex(/^[a-z][a-zA-Z.]*$/), z.strictObject({ nl: phraseText, fr: phraseText, en: phraseText }));
export type PhraseBook = z.infer<typeof phraseBookSchema>;
export type PhraseText = z.infer<typeof phraseText>;

/** How an area is written in running text: its name, "of X" and "in X" in each language. */
const areaForms = z.strictObject({ name: text, of: text, in: text });
export const areaFormsSchema = z.array(z.strictObject({ codes: z.array(z.string()).min(1), nl: areaForms, fr: areaForms, en: areaForms }));
export type AreaFormsEntry = z.infer<typeof areaFormsSchema>[number];

/** A group of countries for a group profile (e.g. Southern Europe: ES, IT, PT, EL). */
export const countryGroupSchema = z.array(z.strictObject({ id: blockId, title: trilingual, members: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1) }));
export type PublicationGroup = z.infer<typeof countryGroupSchema>[number];
