import { InputError } from "../core/index.ts";

/** One period's components of population change, in persons. */
export interface PopulationChangeComponents {
  /** Population at the end minus population at the start of the period. */
  readonly totalChange: number;
  /** Live births minus deaths. */
  readonly naturalChange: number;
  /** Recorded immigration minus recorded emigration. */
  readonly netMigration: number;
  /** The residual that makes the parts add up: totalChange - naturalChange - netMigration. */
  readonly adjustment: number;
}

/** The components of population change over a run of periods, with a reading. */
export interface PopulationChangeResult {
  readonly components: readonly PopulationChangeComponents[];
  readonly reading: string;
}

/** Inputs of {@link decomposePopulationChange}: one value per period in each array, all the same length. */
export interface PopulationChangeInput {
  /** Population on 1 January of each period. */
  readonly populationStart: Float64Array;
  /** Population on 1 January of the next period. */
  readonly populationEnd: Float64Array;
  readonly births: Float64Array;
  readonly deaths: Float64Array;
  readonly immigration: Float64Array;
  readonly emigration: Float64Array;
}

/**
 * Splits the change of a population into natural change, recorded net migration and the statistical adjustment,
 * as Eurostat defines them (demo_gind: "statistical adjustment" = total change - natural change - net migration,
 * where Eurostat's own "net migration plus statistical adjustment" is total change - natural change). The
 * adjustment is a residual: it holds registration corrections, census revisions and measurement error, and the
 * three parts add up to the total change by construction.
 * @throws InputError when the arrays differ in length or a value is not a finite number.
 */
export function decomposePopulationChange(input: PopulationChangeInput, series = "population"): PopulationChangeResult {
  const n = input.populationStart.length;
  const named: [string, Float64Array][] = [
    ["populationStart", input.populationStart],
    ["populationEnd", input.populationEnd],
    ["births", input.births],
    ["deaths", input.deaths],
    ["immigration", input.immigration],
    ["emigration", input.emigration],
  ];
  for (const [name, values] of named) {
    if (values.length !== n) throw new InputError(series, undefined, `${name} has ${values.length} values, populationStart has ${n}`);
    const bad = values.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new InputError(series, undefined, `${name} at position ${bad} is not a finite number`);
  }
  const components: PopulationChangeComponents[] = [];
  for (let t = 0; t < n; t++) {
    const totalChange = input.populationEnd[t]! - input.populationStart[t]!;
    const naturalChange = input.births[t]! - input.deaths[t]!;
    const netMigration = input.immigration[t]! - input.emigration[t]!;
    components.push({ totalChange, naturalChange, netMigration, adjustment: totalChange - naturalChange - netMigration });
  }
  return { components, reading: readPopulationChange(components) };
}

function readPopulationChange(components: readonly PopulationChangeComponents[]): string {
  if (components.length === 0) return "No periods were given, so there is nothing to decompose.";
  const sum = (pick: (c: PopulationChangeComponents) => number): number => components.reduce((s, c) => s + pick(c), 0);
  const total = sum((c) => c.totalChange);
  const natural = sum((c) => c.naturalChange);
  const migration = sum((c) => c.netMigration);
  const adjustment = sum((c) => c.adjustment);
  const fmt = (v: number): string => Math.round(v).toLocaleString("en-GB");
  return (
    `Over ${components.length} period(s) the population changed by ${fmt(total)}: natural change ${fmt(natural)}, ` +
    `recorded net migration ${fmt(migration)} and statistical adjustment ${fmt(adjustment)}. ` +
    "The adjustment is a residual (registration corrections, census revisions, errors) and is not migration; " +
    "a large adjustment means the recorded flows and the population counts do not agree."
  );
}
