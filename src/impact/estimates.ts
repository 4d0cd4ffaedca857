import type { NationalSeries } from "./baseline.ts";
import type { Parameter, Scenario } from "./scenarioSchema.ts";

/** How many of the latest years give the range of an estimated share. */
export const estimateRangeYears = 5;

/**
 * Replaces the parameters a scenario asks to estimate (`estimate:`) by their estimate from the store, when the data
 * are there: thirdCountryShare from immigration by citizenship takes the latest year's share as its value and the
 * lowest and highest of the last 5 years as its range, with the dataset as source and no assumption flag. Without
 * the data the scenario's own value stands, flagged as it is written.
 */
export function applyEstimates(scenario: Scenario, figures: { readonly thirdCountryShares: NationalSeries | null }): Scenario {
  const p = scenario.parameters.thirdCountryShare;
  const shares = figures.thirdCountryShares;
  if (p.estimate !== "immigration-by-citizenship" || shares === null || shares.values.length === 0) return scenario;
  const recent = shares.values.slice(-estimateRangeYears);
  const first = shares.years[Math.max(0, shares.years.length - estimateRangeYears)]!;
  const last = shares.years.at(-1)!;
  const estimated: Parameter = {
    value: shares.values.at(-1)!,
    low: Math.min(...recent),
    high: Math.max(...recent),
    unit: p.unit,
    source: `estimated: ${last} share, range ${first}-${last}, from ${shares.source}`,
    assumption: false,
    estimate: p.estimate,
  };
  return { ...scenario, parameters: { ...scenario.parameters, thirdCountryShare: estimated } };
}
