import { MigmonError } from "../core/index.ts";

/**
 * The age bands the rules need: every age limit of the rules (12 for OKAN, 18 for civic integration and the end
 * of OKAN, 65 for the end of the obligation) is a band edge, so a whole band is either in or out of a rule.
 */
export const ruleAgeBands = [
  { id: "0-11", from: 0, to: 11 },
  { id: "12-17", from: 12, to: 17 },
  { id: "18-64", from: 18, to: 64 },
  { id: "65+", from: 65, to: 200 },
] as const;
export type RuleAgeBand = (typeof ruleAgeBands)[number]["id"];

/** Statbel's age groups in the municipal file (pop_by_municipality_nationality_sex_agegroup), in whole years. */
export const statbelAgeGroups: Readonly<Record<string, { readonly from: number; readonly to: number }>> = {
  "Y0-14": { from: 0, to: 14 },
  "Y15-24": { from: 15, to: 24 },
  "Y25-44": { from: 25, to: 44 },
  "Y45-64": { from: 45, to: 64 },
  // Open-ended; only its overlap with 65+ matters, so its upper end is arbitrary.
  "Y_GE65": { from: 65, to: 200 },
};

/**
 * The share of an age group that falls in each rule band, assuming people are spread evenly over the single years
 * of the group (the files give no finer detail): Y0-14 is 12/15 in 0-11 and 3/15 in 12-17; Y15-24 is 3/10 in 12-17
 * and 7/10 in 18-64. The shares of a group add up to 1.
 * @throws MigmonError for an age group not in {@link statbelAgeGroups}.
 */
export function splitAgeGroup(group: string): Map<RuleAgeBand, number> {
  const g = statbelAgeGroups[group];
  if (g === undefined) throw new MigmonError(`unknown age group ${JSON.stringify(group)}; known: ${Object.keys(statbelAgeGroups).join(", ")}`);
  const years = g.to - g.from + 1;
  const out = new Map<RuleAgeBand, number>();
  for (const band of ruleAgeBands) {
    const overlap = Math.min(g.to, band.to) - Math.max(g.from, band.from) + 1;
    if (overlap > 0) out.set(band.id, overlap / years);
  }
  return out;
}

/** An age inside a band that stands for it when the rules are asked (the band's first year). */
export function representativeAge(band: RuleAgeBand): number {
  return ruleAgeBands.find((b) => b.id === band)!.from;
}
