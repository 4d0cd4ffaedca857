import type { Cell } from "./cell.ts";
import { combineInputs } from "./flags.ts";

/** The diversity measures of a population split into groups (e.g. nationalities). */
export const diversityMeasures = ["groups", "shannon", "simpson", "effective"] as const;
export type DiversityMeasure = (typeof diversityMeasures)[number];

/** The number of groups with at least one member. */
export function groupCount(counts: readonly number[]): number {
  return counts.filter((n) => n > 0).length;
}

/**
 * Shannon entropy H = -sum p_i ln p_i of the group shares p_i = n_i / N (natural logarithm, so in nats; 0 for a
 * single group). Null when the total is 0. Empty groups add nothing (0 ln 0 = 0).
 */
export function shannonEntropy(counts: readonly number[]): number | null {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  let h = 0;
  for (const n of counts) if (n > 0) h -= (n / total) * Math.log(n / total);
  return h;
}

/**
 * The Gini-Simpson index 1 - sum p_i^2: the probability that two residents drawn at random (with replacement)
 * belong to different groups; 0 for one group. Null when the total is 0.
 */
export function simpsonIndex(counts: readonly number[]): number | null {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  let sum = 0;
  for (const n of counts) sum += (n / total) ** 2;
  return 1 - sum;
}

/**
 * The effective number of groups exp(H) (Hill number of order 1, Jost 2006): the number of equally large groups
 * that would have the same Shannon entropy. Null when the total is 0.
 */
export function effectiveGroups(counts: readonly number[]): number | null {
  const h = shannonEntropy(counts);
  return h === null ? null : Math.exp(h);
}

/**
 * One diversity measure over the group counts of one area and period. The flag rule is that of every formula
 * (flags.ts): a confidential group withholds the result, a missing group makes it missing (the measures need
 * every group), and the flags of the groups carry over.
 */
export function diversity(groups: readonly Cell[], measure: DiversityMeasure): Cell {
  const { flags, blocked } = combineInputs(groups);
  if (blocked !== null) return blocked;
  const counts = groups.map((g) => g.value as number);
  const value = measure === "groups" ? groupCount(counts)
    : measure === "shannon" ? shannonEntropy(counts)
      : measure === "simpson" ? simpsonIndex(counts)
        : effectiveGroups(counts);
  if (value === null) return { value: null, flags, notes: ["undefined: the population is 0"] };
  return { value, flags };
}
