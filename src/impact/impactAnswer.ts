import { belgianGeography } from "../reference/geography.ts";
import type { GeoLevel } from "../reference/geography.ts";
import type { FigureSource } from "./baseline.ts";
import { readImpactFigures } from "./baseline.ts";
import { applyEstimates } from "./estimates.ts";
import type { AreaImpact } from "./impactResult.ts";
import { layOutImpact, receptionPlaces } from "./impactResult.ts";
import { runImpactModel } from "./model.ts";
import type { Quantity } from "./quantity.ts";
import type { EligibilityRule } from "./ruleSchema.ts";
import type { Scenario } from "./scenarioSchema.ts";

/** A parameter of the scenario as shown beside the figures. */
export interface ShownParameter {
  readonly name: string;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly unit: string;
  readonly source: string;
  readonly assumption: boolean;
}

/** What `migmon impact --format json` prints and GET/POST /api/impact answer. */
export interface ImpactAnswer {
  readonly scenario: { readonly id: string; readonly title: Scenario["title"]; readonly description: string };
  readonly dataEnd: number;
  readonly years: readonly number[];
  /** Interval level in percent. */
  readonly level: number;
  readonly areas: readonly AreaImpact[];
  readonly reception: readonly { readonly year: number; readonly quantity: Quantity }[];
  readonly parameters: readonly ShownParameter[];
  /** What the rules in force could not state with certainty (or where no rule is in force). */
  readonly ruleNotes: readonly string[];
  readonly allocation: readonly { readonly region: string; readonly description: string }[];
  /** Step 1 in detail for the regions shown: arrivals by sex, rule age band, nationality group and residence status. */
  readonly inflowDetail: readonly { readonly region: string; readonly year: number; readonly sex: string; readonly ageBand: string; readonly group: string; readonly status: string; readonly value: number; readonly lower: number; readonly upper: number }[];
}

/** Every parameter of a scenario, the shocks' age profiles included, with its source and assumption flag. */
export function scenarioParameters(s: Scenario): ShownParameter[] {
  const p = s.parameters;
  const { permitStatusShares, ...plain } = p;
  const entries = [...Object.entries(plain), ...Object.entries(permitStatusShares).map(([k, v]) => [`permitStatusShares.${k}`, v] as const)];
  const out: ShownParameter[] = entries.map(([name, v]) => ({ name, value: v.value, low: v.low ?? null, high: v.high ?? null, unit: v.unit, source: v.source, assumption: v.assumption }));
  if (s.continuingTemporaryProtection.include) out.push({ name: "continuingTemporaryProtection.ageProfile", value: null, low: null, high: null, unit: JSON.stringify(s.continuingTemporaryProtection.ageProfile), source: s.continuingTemporaryProtection.ageProfileSource, assumption: s.continuingTemporaryProtection.ageProfileAssumption });
  for (const shock of s.shocks) out.push({ name: `shocks.${shock.id}.ageProfile`, value: null, low: null, high: null, unit: JSON.stringify(shock.ageProfile), source: shock.ageProfileSource, assumption: shock.ageProfileAssumption });
  return out;
}

/**
 * Reads the figures from the store, estimates the parameters the scenario asks to (estimates.ts), runs the model
 * and lays it out for the areas asked: the one computation behind the CLI and the API.
 */
export async function computeImpact(source: FigureSource, given: Scenario, rules: readonly EligibilityRule[], choice: { geos?: readonly string[]; level?: GeoLevel; horizon?: number }): Promise<ImpactAnswer> {
  const figures = await readImpactFigures(source, { wave2022: given.shocks.some((s) => "like" in s.size), continuing: given.continuingTemporaryProtection.include });
  const scenario = applyEstimates(given, figures);
  const run = runImpactModel(scenario, { ...figures, rules }, choice.horizon === undefined ? {} : { horizon: choice.horizon });
  const areas = layOutImpact(run, scenario, { ...(choice.geos === undefined ? {} : { geos: choice.geos }), ...(choice.level === undefined ? {} : { level: choice.level }) });
  // The notes of the regions the areas lie in (all three for Belgium).
  const geo = belgianGeography();
  const shown = new Set(areas.flatMap((a) => (a.level === "country" ? [...geo.childrenOf(a.code)] : [geo.parentOf(a.code, "region")!])));
  return {
    scenario: { id: scenario.id, title: scenario.title, description: scenario.description },
    dataEnd: run.dataEnd, years: run.years, level: scenario.level, areas,
    reception: receptionPlaces(run, scenario),
    parameters: scenarioParameters(scenario),
    ruleNotes: [...new Set(run.regionYears.filter((r) => shown.has(r.region)).flatMap((r) => r.notes))],
    allocation: run.keys.map((k) => ({ region: k.region, description: k.description })),
    inflowDetail: run.regionYears.filter((r) => shown.has(r.region)).flatMap((r) => [...r.inflowDetail].map(([key, b]) => {
      const [sex, ageBand, group, status] = key.split("|") as [string, string, string, string];
      return { region: r.region, year: r.year, sex, ageBand, group, status, ...b };
    })),
  };
}
