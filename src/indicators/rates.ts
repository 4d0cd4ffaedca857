import { mergeFlags } from "../core/index.ts";
import type { Cell, IntervalCell } from "./cell.ts";
import { deriveCell } from "./flags.ts";
import { poissonInterval } from "./poisson.ts";

/** How a crude rate is made: per how many persons, whether it gets a Poisson interval, and below which count it is `u`. */
export interface RateOptions {
  /** 1000 for a crude rate per 1,000 inhabitants. */
  readonly per: number;
  /** Attach the exact Poisson interval of the count (only for counts of events, never for a net balance). */
  readonly interval: boolean;
  /** Counts below this are flagged `u` (low reliability); ignored without an interval. */
  readonly lowCount: number;
  /** Confidence level of the interval, 0.95 by default. */
  readonly level?: number;
}

/**
 * The average population of a year (Eurostat's definition for crude rates): the mean of the population on
 * 1 January of the year and on 1 January of the next year. Flags of both stocks carry over; missing or
 * confidential stocks give a missing or withheld average (see flags.ts).
 */
export function averagePopulation(january1: Cell, nextJanuary1: Cell): Cell {
  return deriveCell([january1, nextJanuary1], ([a, b]) => ((a as number) + (b as number)) / 2);
}

/**
 * The crude rate of a count per `options.per` persons of the average population: count / population x per,
 * null (with a note) when the population is 0. With `options.interval` the result carries the exact Poisson
 * bounds of the count divided alike (null bounds when the rate is null), and a count below `options.lowCount` adds
 * the flag `u`; without it, no bounds. Flags follow combineInputs.
 */
export function crudeRate(count: Cell, population: Cell, options: RateOptions): Cell | IntervalCell {
  const rate = deriveCell([count, population], ([n, p]) => (p === 0 ? null : ((n as number) / (p as number)) * options.per),
    "undefined: the average population is 0");
  if (!options.interval) return rate;
  if (rate.value === null) return { ...rate, lower: null, upper: null };
  const n = count.value as number;
  const p = population.value as number;
  const bounds = poissonInterval(n, options.level ?? 0.95);
  const flags = n < options.lowCount ? mergeFlags(rate.flags, "u") : rate.flags;
  const notes = n < options.lowCount ? [...(rate.notes ?? []), `low reliability: built from a count of ${n}, below ${options.lowCount}`] : rate.notes;
  return {
    value: rate.value,
    flags,
    ...(notes && notes.length > 0 ? { notes } : {}),
    lower: (bounds.lower / p) * options.per,
    upper: (bounds.upper / p) * options.per,
  };
}
