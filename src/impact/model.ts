import { UsageError } from "../core/index.ts";
import { ruleAgeBands, representativeAge, splitAgeGroup } from "./ageBands.ts";
import { allocationResiduals } from "./allocationError.ts";
import type { RuleAgeBand } from "./ageBands.ts";
import type { MunicipalStocks, NationalSeries } from "./baseline.ts";
import { projectSeries } from "./projection.ts";
import type { Projection } from "./projection.ts";
import type { Bounded } from "./quantity.ts";
import { addBounded, scaleBounded } from "./quantity.ts";
import { makeRegionalKeys, projectRegionalChanges, regionOf, regionsByRefnis } from "./regionalInflow.ts";
import type { RegionalKey } from "./regionalInflow.ts";
import { findUnorderedOverlaps, ruleInForce } from "./rules.ts";
import type { EligibilityRule, NationalityGroup, ResidenceStatus, RuleRegion } from "./ruleSchema.ts";
import type { Scenario } from "./scenarioSchema.ts";
import { atLeastZero, parameterBounds } from "./serviceUnits.ts";
import { eligibilityInYear } from "./yearEligibility.ts";

/** What the model reads: the store's figures (see baseline.ts) and the rules. */
export interface ImpactInputs {
  readonly stocks: MunicipalStocks;
  readonly asylum: NationalSeries;
  readonly temporaryProtection2022: { readonly persons: number; readonly source: string } | null;
  /** Yearly net arrivals of temporary-protection beneficiaries after the 2022 wave (needed when the scenario includes them). */
  readonly temporaryProtectionAdditions: NationalSeries | null;
  readonly deliveredStarts: { readonly year: number; readonly byMunicipality: ReadonlyMap<string, number>; readonly source: string } | null;
  readonly rules: readonly EligibilityRule[];
}

/** The regional figures of one year, before they are shared over municipalities. */
export interface RegionYear {
  readonly region: string;
  readonly year: number;
  readonly inflow: Bounded;
  /** Inflow by `sex|band|group|status` (sex M, F, or T for shocks and streams without a sex split). */
  readonly inflowDetail: ReadonlyMap<string, Bounded>;
  readonly obliged: Bounded;
  readonly entitled: Bounded;
  readonly okanEligible: Bounded;
  /** The rules that decided, by service. */
  readonly rules: { readonly civic: readonly string[]; readonly okan: readonly string[] };
  readonly uncertainRules: boolean;
  readonly notes: readonly string[];
  readonly languageHours: { readonly hours: Bounded; readonly source: string; readonly assumption: boolean };
}

/** The whole run before it is laid out as quantities (see impactResult.ts). */
export interface ImpactRun {
  readonly dataEnd: number;
  readonly years: readonly number[];
  readonly regionYears: readonly RegionYear[];
  readonly keys: readonly RegionalKey[];
  /** The sharing error of each municipality by change year (allocationError.ts), on the keys' boundaries. */
  readonly residuals: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly projectionReadings: readonly string[];
  readonly asylum: { readonly byYear: ReadonlyMap<number, Bounded>; readonly reading: string };
  readonly shockSources: readonly string[];
}

const permitStatuses = ["permit-family", "permit-work", "permit-study", "permit-other"] as const;

/** The groups and statuses a baseline arrival is split into, with point shares (see README: their ranges are not in the bounds). */
function compositionOf(s: Scenario): { group: NationalityGroup; status: ResidenceStatus; share: number }[] {
  const tc = s.parameters.thirdCountryShare.value;
  const permits = s.parameters.permitStatusShares;
  const permitTotal = permitStatuses.reduce((sum, k) => sum + permits[k].value, 0);
  if (Math.abs(permitTotal - 1) > 1e-6) throw new UsageError(`scenario ${s.id}: permitStatusShares add up to ${permitTotal}, not 1`);
  return [
    { group: "eu-eea-ch", status: "eu-free-movement", share: 1 - tc },
    ...permitStatuses.map((status) => ({ group: "third-country" as const, status, share: tc * permits[status].value })),
  ];
}

function multiplierFor(s: Scenario, group: NationalityGroup, year: number): number {
  let f = 1;
  for (const m of s.multipliers) if ((m.group === "all" || m.group === group) && year >= m.from && year <= m.to) f *= m.factor;
  return f;
}

/**
 * Runs the model for every region and year of the scenario: baseline inflow (projected non-Belgian net change by
 * region, sex and age group) times multipliers, plus shocks, split into rule age bands, nationality groups and
 * statuses, then the share obliged, entitled and OKAN-eligible under the rules in force over the year.
 * @throws UsageError when a scenario's rule changes overlap a rule without a precedence that decides.
 */
export function runImpactModel(scenario: Scenario, inputs: ImpactInputs, options: { horizon?: number; dataEnd?: number } = {}): ImpactRun {
  const horizon = options.horizon ?? scenario.horizon;
  const dataEnd = options.dataEnd ?? inputs.stocks.years.at(-1)!;
  const years = Array.from({ length: horizon }, (_, i) => scenario.startYear + i);
  const lastYear = years.at(-1)!;
  const rules = [...inputs.rules, ...scenario.ruleChanges];
  const clash = findUnorderedOverlaps(rules)[0];
  if (clash !== undefined) throw new UsageError(`scenario ${scenario.id}: rules ${clash[0]} and ${clash[1]} overlap without a precedence; give the rule change a higher precedence`);
  const cells = projectRegionalChanges(inputs.stocks, dataEnd, lastYear, scenario.level);
  const keys = makeRegionalKeys(inputs.stocks, dataEnd, scenario.startYear, scenario.allocation, inputs.deliveredStarts);
  const composition = compositionOf(scenario);
  // The regions' shares of the national non-Belgian population on 1 January dataEnd spread a national shock.
  const stockByRegion = regionalStocks(inputs.stocks, dataEnd);
  const nationalStock = [...stockByRegion.values()].reduce((a, b) => a + b, 0);
  const shockSources: string[] = [];
  const continuing = projectContinuing(scenario, inputs, lastYear);
  const regionYears: RegionYear[] = [];
  for (const [refnis, region] of regionsByRefnis) {
    for (const year of years) {
      const arrivals: { sex: string; band: RuleAgeBand; group: NationalityGroup; status: ResidenceStatus; x: Bounded }[] = [];
      for (const c of cells) {
        if (c.region !== refnis) continue;
        const projected = atLeastZero(c.projection.values[year - c.lastChangeYear - 1]!);
        for (const [band, bandShare] of splitAgeGroup(c.ageGroup)) {
          for (const part of composition) {
            const f = bandShare * part.share * multiplierFor(scenario, part.group, year);
            arrivals.push({ sex: c.sex, band, group: part.group, status: part.status, x: scaleBounded(projected, { value: f, lower: f, upper: f }) });
          }
        }
      }
      if (continuing !== null) {
        const national = atLeastZero(continuing.projection.values[year - continuing.lastYear - 1]!);
        const f = ((stockByRegion.get(refnis) ?? 0) / nationalStock) * multiplierFor(scenario, "third-country", year);
        for (const band of ruleAgeBands) {
          const share = (scenario.continuingTemporaryProtection.ageProfile as Record<string, number | undefined>)[band.id] ?? 0;
          if (share > 0) arrivals.push({ sex: "T", band: band.id, group: "third-country", status: "temporary-protection", x: scaleBounded(national, { value: f * share, lower: f * share, upper: f * share }) });
        }
      }
      for (const shock of scenario.shocks) {
        if (shock.year !== year) continue;
        const persons = "persons" in shock.size ? shock.size.persons : requireTp(inputs).persons;
        if (!("persons" in shock.size)) shockSources.push(requireTp(inputs).source);
        const regional = persons * (stockByRegion.get(refnis) ?? 0) / nationalStock;
        for (const band of ruleAgeBands) {
          const share = (shock.ageProfile as Record<string, number | undefined>)[band.id] ?? 0;
          if (share > 0) arrivals.push({ sex: "T", band: band.id, group: shock.group, status: shock.status, x: { value: regional * share, lower: regional * share, upper: regional * share } });
        }
      }
      regionYears.push(decideRegionYear(rules, refnis, region, year, arrivals, scenario));
    }
  }
  const asylumProjection = projectSeries(inputs.asylum.values, lastYear - inputs.asylum.years.at(-1)!, scenario.level, "asylum applicants BE");
  const asylumByYear = new Map<number, Bounded>();
  for (const year of years) asylumByYear.set(year, atLeastZero(asylumProjection.values[year - inputs.asylum.years.at(-1)! - 1]!));
  const methods = new Set(cells.map((c) => c.projection.reading));
  if (continuing !== null) {
    methods.add(`continuing temporary protection: ${continuing.projection.reading}`);
    shockSources.push(continuing.source);
  }
  return {
    dataEnd, years, regionYears, keys,
    residuals: allocationResiduals(inputs.stocks, dataEnd, scenario.startYear, keys),
    projectionReadings: [...methods],
    asylum: { byYear: asylumByYear, reading: `${asylumProjection.reading}, ${inputs.asylum.years[0]}-${inputs.asylum.years.at(-1)}` },
    shockSources: [...new Set(shockSources)],
  };
}

/** The continuing temporary-protection arrivals projected to `lastYear`, or null when the scenario leaves them out. */
function projectContinuing(scenario: Scenario, inputs: ImpactInputs, lastYear: number): { projection: Projection; lastYear: number; source: string } | null {
  if (!scenario.continuingTemporaryProtection.include) return null;
  const series = inputs.temporaryProtectionAdditions;
  if (series === null || series.values.length < 2) throw new UsageError(`scenario ${scenario.id} includes continuing temporary protection, but eurostat:migr_asytpsm gives ${series?.values.length ?? 0} full years after 2022 (2 needed)`);
  const last = series.years.at(-1)!;
  return { projection: projectSeries(series.values, Math.max(1, lastYear - last), scenario.level, "temporary-protection arrivals BE"), lastYear: last, source: series.source };
}

function requireTp(inputs: ImpactInputs): { persons: number; source: string } {
  if (inputs.temporaryProtection2022 === null) throw new UsageError("the scenario's shock is sized like the 2022 temporary-protection wave, but eurostat:migr_asytpsm is not loaded");
  return inputs.temporaryProtection2022;
}

function regionalStocks(stocks: MunicipalStocks, year: number): Map<string, number> {
  const out = new Map<string, number>();
  const regionOfMunicipality = new Map<string, string>();
  for (const [key, byYear] of stocks.cells) {
    const refnis = key.split("|")[0]!;
    let region = regionOfMunicipality.get(refnis);
    if (region === undefined) {
      region = regionOf(refnis);
      regionOfMunicipality.set(refnis, region);
    }
    out.set(region, (out.get(region) ?? 0) + (byYear.get(year) ?? 0));
  }
  return out;
}

function decideRegionYear(
  rules: readonly EligibilityRule[], refnis: string, region: RuleRegion, year: number,
  arrivals: readonly { sex: string; band: RuleAgeBand; group: NationalityGroup; status: ResidenceStatus; x: Bounded }[], scenario: Scenario,
): RegionYear {
  const bySexBand = new Map<string, Bounded[]>();
  const obliged: Bounded[] = [];
  const entitled: Bounded[] = [];
  const okan: Bounded[] = [];
  const used = { civic: new Set<string>(), okan: new Set<string>() };
  const notes = new Set<string>();
  let uncertain = false;
  for (const a of arrivals) {
    const k = `${a.sex}|${a.band}|${a.group}|${a.status}`;
    bySexBand.set(k, [...(bySexBand.get(k) ?? []), a.x]);
    const person = { group: a.group, status: a.status, age: representativeAge(a.band), monthsSinceArrival: 6 };
    const civic = eligibilityInYear(rules, "civic-integration", region, year, person);
    obliged.push(scaleBounded(a.x, { value: civic.obliged, lower: civic.obliged, upper: civic.obliged }));
    entitled.push(scaleBounded(a.x, { value: civic.entitled, lower: civic.entitled, upper: civic.entitled }));
    const school = eligibilityInYear(rules, "okan", region, year, person);
    okan.push(scaleBounded(a.x, { value: school.entitled, lower: school.entitled, upper: school.entitled }));
    for (const r of civic.rules) used.civic.add(r);
    for (const r of school.rules) used.okan.add(r);
    for (const d of [civic, school]) {
      for (const n of d.notes) notes.add(n);
      if (d.uncertain) uncertain = true;
    }
  }
  const mid = `${year}-07-01`;
  const rule = ruleInForce(rules, "civic-integration", region, mid);
  const stated = rule?.courseHours?.language ?? null;
  const languageHours = stated !== null
    ? { hours: { value: stated, lower: stated, upper: stated }, source: `rule ${rule!.id}: ${rule!.courseHours!.note}`, assumption: false }
    : { hours: parameterBounds(scenario.parameters.languageCourseHours), source: scenario.parameters.languageCourseHours.source, assumption: scenario.parameters.languageCourseHours.assumption };
  const okanShare = region === "BE1"
    ? scaleBounded(parameterBounds(scenario.parameters.okanLanguageShare), parameterBounds(scenario.parameters.okanBrusselsDutchSchoolShare))
    : parameterBounds(scenario.parameters.okanLanguageShare);
  return {
    region: refnis, year,
    inflow: addBounded(arrivals.map((a) => a.x)),
    inflowDetail: new Map([...bySexBand].map(([k, v]) => [k, addBounded(v)])),
    obliged: addBounded(obliged), entitled: addBounded(entitled),
    okanEligible: scaleBounded(addBounded(okan), okanShare),
    rules: { civic: [...used.civic].sort(), okan: [...used.okan].sort() }, uncertainRules: uncertain, notes: [...notes], languageHours,
  };
}
