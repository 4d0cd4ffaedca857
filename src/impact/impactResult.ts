import { UsageError } from "../core/index.ts";
import { belgianGeography } from "../reference/geography.ts";
import type { GeoLevel } from "../reference/geography.ts";
import type { ImpactRun, RegionYear } from "./model.ts";
import type { Bounded, Quantity } from "./quantity.ts";
import { addBounded, scaleBounded } from "./quantity.ts";
import { allocationHalfWidth, widen } from "./allocationError.ts";
import type { Scenario } from "./scenarioSchema.ts";
import { classesNeeded, parameterBounds } from "./serviceUnits.ts";

/** The steps of the model in the order they are shown (README, "Steps"). */
export const steps = ["inflow", "obliged", "entitled", "trajectories", "course-places", "course-hours", "okan-pupils", "okan-classes"] as const;
export type Step = (typeof steps)[number];

/** One area in one year: every step as a quantity. */
export interface AreaImpact {
  readonly code: string;
  readonly name: string;
  readonly level: GeoLevel;
  readonly year: number;
  readonly quantities: readonly Quantity[];
}

type StepValues = Record<Step, Bounded>;

/** The municipal step values of one year: region figures times the municipality's key share, classes rounded up per municipality. */
function municipalSteps(run: ImpactRun, scenario: Scenario): Map<string, Map<number, StepValues>> {
  const p = scenario.parameters;
  const out = new Map<string, Map<number, StepValues>>();
  for (const ry of run.regionYears) {
    const key = run.keys.find((k) => k.region === ry.region)!.key;
    for (const [code, share] of key) {
      const k = { value: share, lower: share, upper: share };
      const obliged = scaleBounded(ry.obliged, k);
      const entitled = scaleBounded(ry.entitled, k);
      const trajectories = addBounded([scaleBounded(obliged, parameterBounds(p.takeUpObliged)), scaleBounded(entitled, parameterBounds(p.takeUpEntitled))]);
      const places = scaleBounded(trajectories, parameterBounds(p.languageCourseShare));
      const pupils = scaleBounded(ry.okanEligible, k);
      const values: StepValues = {
        inflow: scaleBounded(ry.inflow, k), obliged, entitled, trajectories,
        "course-places": places, "course-hours": scaleBounded(places, ry.languageHours.hours),
        "okan-pupils": pupils, "okan-classes": classesNeeded(pupils, parameterBounds(p.okanClassSize)),
      };
      let byYear = out.get(code);
      if (byYear === undefined) out.set(code, (byYear = new Map()));
      byYear.set(ry.year, values);
    }
  }
  return out;
}

const sumSteps = (parts: readonly StepValues[]): StepValues =>
  Object.fromEntries(steps.map((s) => [s, addBounded(parts.map((p) => p[s]))])) as StepValues;

/** Words for each step: unit, source and how its bounds were made. */
function describeSteps(run: ImpactRun, scenario: Scenario, regionYears: readonly RegionYear[]): Record<Step, Omit<Quantity, "value" | "lower" | "upper">> {
  const p = scenario.parameters;
  const level = `${scenario.level} %`;
  const inflowSource = `non-Belgian net change by region, sex and age group, data up to 1 January ${run.dataEnd}, projected by ${run.projectionReadings.join("; ")}; shared over municipalities by ${[...new Set(run.keys.map((k) => k.description))].join("; ")}`;
  const rules = [...new Set(regionYears.flatMap((r) => r.rules.civic))].sort().join(", ");
  const okanRules = [...new Set(regionYears.flatMap((r) => r.rules.okan))].sort().join(", ") || "none in force";
  const uncertainRules = regionYears.some((r) => r.uncertainRules);
  const hoursAssumed = regionYears.some((r) => r.languageHours.assumption);
  const residualYears = [...new Set([...run.residuals.values()].flatMap((m) => [...m.keys()]))].sort((a, b) => a - b);
  const interval = `${level} prediction interval of the regional projection, shared by the key, widened below the region by the key's past sharing error (root mean square of the residuals of the changes of ${residualYears[0]}-${residualYears.at(-1)}, normal), cut at 0`;
  const withParameters = (names: string) => `${interval}, times the range of ${names} (bounds of bounds, not a probability)`;
  return {
    inflow: { name: "inflow", unit: "persons per year", source: `${inflowSource}${run.shockSources.length > 0 ? `; also from ${run.shockSources.join("; ")}` : ""}`, uncertainty: interval, assumption: false },
    obliged: { name: "obliged", unit: "persons per year", source: `rules ${rules}; split by thirdCountryShare and permitStatusShares (${p.thirdCountryShare.source})`, uncertainty: `${interval}; the group and status split at its point value${uncertainRules ? "; some rules are marked uncertain" : ""}`, assumption: p.thirdCountryShare.assumption },
    entitled: { name: "entitled", unit: "persons per year", source: `rules ${rules}`, uncertainty: `${interval}${uncertainRules ? "; some rules are marked uncertain" : ""}`, assumption: p.thirdCountryShare.assumption },
    trajectories: { name: "trajectories", unit: "trajectories started per year", source: `obliged x takeUpObliged (${p.takeUpObliged.source}) + entitled x takeUpEntitled (${p.takeUpEntitled.source})`, uncertainty: withParameters("takeUpObliged and takeUpEntitled"), assumption: p.takeUpObliged.assumption || p.takeUpEntitled.assumption },
    "course-places": { name: "course-places", unit: "language course places per year", source: `trajectories x languageCourseShare (${p.languageCourseShare.source})`, uncertainty: withParameters("the take-up and languageCourseShare"), assumption: p.takeUpObliged.assumption || p.languageCourseShare.assumption },
    "course-hours": { name: "course-hours", unit: "language course hours per year", source: `course places x hours: ${[...new Set(regionYears.map((r) => r.languageHours.source))].join("; ")}`, uncertainty: withParameters("the take-up, languageCourseShare and the hours"), assumption: p.takeUpObliged.assumption || p.languageCourseShare.assumption || hoursAssumed },
    "okan-pupils": { name: "okan-pupils", unit: "pupils entering OKAN per year", source: `arrivals aged 12-17 (age groups split evenly over single years) under the OKAN rules (${okanRules}), x okanLanguageShare (${p.okanLanguageShare.source}); in Brussels also x okanBrusselsDutchSchoolShare`, uncertainty: withParameters("okanLanguageShare"), assumption: p.okanLanguageShare.assumption },
    "okan-classes": { name: "okan-classes", unit: `classes of ${p.okanClassSize.value} pupils (rounded up for the area)`, source: `OKAN pupils / okanClassSize (${p.okanClassSize.source}), rounded up for the area shown`, uncertainty: "fewest pupils / largest class size to most pupils / smallest class size, each rounded up", assumption: p.okanLanguageShare.assumption || p.okanClassSize.assumption },
  };
}

/**
 * Lays a run out as quantities for the areas asked: municipalities (on the boundaries of the first projected
 * year), or units of a higher level as the sum of their municipalities (bounds summed: the parts are taken as
 * perfectly correlated, the conservative choice). Classes are rounded up once per area shown: an area is taken to
 * pool its pupils (a municipal row rounds its own pupils, a region row the region's).
 * `geos` names areas of any level; otherwise every unit of `level` is returned.
 * @throws UsageError for a code the geography does not know or that has no municipality in the run.
 */
export function layOutImpact(run: ImpactRun, scenario: Scenario, choice: { geos?: readonly string[]; level?: GeoLevel }): AreaImpact[] {
  const geo = belgianGeography();
  const municipal = municipalSteps(run, scenario);
  const date = `${scenario.startYear}-01-01`;
  const targets: { code: string; level: GeoLevel }[] = [];
  if (choice.geos !== undefined && choice.geos.length > 0) {
    for (const code of choice.geos) {
      if (!geo.has(code)) throw new UsageError(`unknown area code ${JSON.stringify(code)} in --geo; give REFNIS codes such as 02000 (Flemish Region) or 44021 (Ghent)`);
      targets.push({ code, level: geo.versionsOf(code).at(-1)!.level });
    }
  } else {
    const level = choice.level ?? "region";
    for (const u of geo.on(date)) if (u.level === level) targets.push({ code: u.code, level });
  }
  const membersOf = new Map(targets.map((t) => [t.code, [...municipal.keys()].filter((m) => (t.level === "municipality" ? m === t.code : geo.parentOf(m, t.level) === t.code))]));
  // The sources name the rules of the regions the areas lie in, not of all three.
  const regions = new Set([...membersOf.values()].flat().map((m) => geo.parentOf(m, "region")));
  const descriptions = describeSteps(run, scenario, run.regionYears.filter((r) => regions.has(r.region)));
  const out: AreaImpact[] = [];
  for (const t of targets) {
    const members = membersOf.get(t.code)!;
    if (members.length === 0) throw new UsageError(`area ${t.code} has no municipality on the boundaries of ${scenario.startYear}`);
    const unit = geo.unitOn(t.code, date) ?? geo.versionsOf(t.code).at(-1)!;
    const halfWidth = allocationHalfWidth(run.residuals, members, scenario.level);
    for (const year of run.years) {
      const summed = sumSteps(members.map((m) => municipal.get(m)!.get(year)!));
      // Below a region, sharing the regional total by the key errs as it did in the past: every step, being in
      // proportion to the arrivals, is widened by that error times its ratio to them.
      const values = Object.fromEntries(steps.map((s) => {
        const ratio = summed.inflow.value > 0 ? summed[s].value / summed.inflow.value : 0;
        return [s, widen(summed[s], halfWidth * ratio).widened];
      })) as StepValues;
      // An area pools its pupils: its classes are its own pupils over the class size, rounded up once.
      values["okan-classes"] = classesNeeded(values["okan-pupils"], parameterBounds(scenario.parameters.okanClassSize));
      const quantities = steps.map((s) => ({ ...descriptions[s], value: values[s].value, lower: values[s].lower, upper: values[s].upper }));
      out.push({ code: t.code, name: unit.name.nl === unit.name.fr ? unit.name.nl : `${unit.name.nl} / ${unit.name.fr}`, level: t.level, year, quantities });
    }
  }
  return out;
}

/** Reception places needed in Belgium per year: projected asylum applicants x receptionShare x receptionMonths / 12. */
export function receptionPlaces(run: ImpactRun, scenario: Scenario): { year: number; quantity: Quantity }[] {
  const p = scenario.parameters;
  return run.years.map((year) => {
    const x = scaleBounded(scaleBounded(run.asylum.byYear.get(year)!, parameterBounds(p.receptionShare)), parameterBounds(p.receptionMonths, 1 / 12));
    return {
      year,
      quantity: {
        name: "reception-places", unit: "places (average occupancy over the year), Belgium", value: x.value, lower: x.lower, upper: x.upper,
        source: `asylum applicants (eurostat:migr_asyappctza, ${run.asylum.reading}) x receptionShare (${p.receptionShare.source}) x receptionMonths / 12 (${p.receptionMonths.source})`,
        uncertainty: `${scenario.level} % prediction interval of the applicants times the parameter ranges (bounds of bounds)`,
        assumption: p.receptionShare.assumption || p.receptionMonths.assumption,
      },
    };
  });
}
