// `migmon impact --scenario FILE`: demand for civic integration, language courses, OKAN classes and reception
// places per area and year under a scenario, every step with its unit, source, interval and assumptions.
import type { Command, CommanderError } from "commander";
import { assessPolicyEffect } from "../../assess/assessPolicyEffect.ts";
import { readIndicatorSeries } from "../../assess/readSeries.ts";
import { MigmonError, UsageError } from "../../core/index.ts";
import { loadRegister, resolveEventsDir } from "../../events/register.ts";
import { t } from "../../i18n/index.ts";
import type { Lang, MessageKey } from "../../i18n/index.ts";
import { readImpactFigures } from "../../impact/baseline.ts";
import type { AreaImpact } from "../../impact/impactResult.ts";
import { layOutImpact, receptionPlaces } from "../../impact/impactResult.ts";
import { runImpactModel } from "../../impact/model.ts";
import { eligibilityChanges } from "../../impact/policyLinks.ts";
import { loadRules } from "../../impact/rules.ts";
import { readScenarioFile } from "../../impact/scenario.ts";
import type { Scenario } from "../../impact/scenarioSchema.ts";
import { geoLevels } from "../../reference/geography.ts";
import type { GeoLevel } from "../../reference/geography.ts";
import { commandSeriesMessages, commandSeriesSources } from "../assess/readSeries.ts";
import type { CliContext, RegisterCommand } from "../context.ts";
import { withStore } from "../open-store.ts";
import { parseLanguage } from "../options.ts";
import { chooseFormat, writeRows } from "../output.ts";
import type { Row } from "../output.ts";

interface ImpactCliOptions {
  readonly scenario?: string;
  readonly geo?: string;
  readonly level?: string;
  readonly horizon?: string;
  readonly lang: string;
  readonly format?: string;
  readonly policy?: boolean;
}

const helpText = `
The scenario is a YAML file (schema: src/impact/scenarioSchema.ts) or the name of a documented one in
data/impact/scenarios: baseline, tp-wave-2026. Steps per area and year: new arrivals -> obliged / entitled to
civic integration (rules in data/impact/rules) -> trajectories started (take-up) -> language course places and
hours -> OKAN pupils and classes (rounded up per municipality); reception places for Belgium. Every figure has
its interval (lower, upper); a * marks a figure resting on an assumption parameter. --format json prints the
whole result with the unit, source and uncertainty of every step. --policy adds, for each register event behind
a civic-integration rule, the existing assess reading of net migration in that region beside the rule the
scenario assumes. Needs statbel:pop_by_municipality_nationality_sex_agegroup, eurostat:migr_asyappctza and (for a
wave like 2022) eurostat:migr_asytpsm in the store: migmon update --offline.
Exit codes: 0 ok, 1 failure or bad scenario, 2 usage error.`;

function parseHorizon(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 10) throw new UsageError(`--horizon must be a whole number of years from 1 to 10, not ${JSON.stringify(text)}`);
  return Number(text);
}

function parseLevel(text: string | undefined): GeoLevel | undefined {
  if (text === undefined) return undefined;
  if (!(geoLevels as readonly string[]).includes(text)) throw new UsageError(`--level must be one of ${geoLevels.join(", ")}, not ${JSON.stringify(text)}`);
  return text as GeoLevel;
}

const stepLabel = (lang: Lang, name: string) => t(lang, `impact.step.${name}` as MessageKey);
const round = (x: number | null) => (x === null ? null : Math.round(x));

function rowsOf(areas: readonly AreaImpact[], reception: ReturnType<typeof receptionPlaces>, lang: Lang): Row[] {
  const rows: Row[] = [];
  for (const a of areas) for (const q of a.quantities) {
    rows.push({ area: a.code, name: a.name, year: a.year, step: `${stepLabel(lang, q.name)}${q.assumption ? " *" : ""}`, value: round(q.value), lower: round(q.lower), upper: round(q.upper), unit: q.unit });
  }
  for (const r of reception) rows.push({ area: "BE", name: "België / Belgique", year: r.year, step: `${stepLabel(lang, r.quantity.name)}${r.quantity.assumption ? " *" : ""}`, value: round(r.quantity.value), lower: round(r.quantity.lower), upper: round(r.quantity.upper), unit: r.quantity.unit });
  return rows;
}

function assumptionsOf(s: Scenario): { name: string; value: number; low: number | null; high: number | null; unit: string; source: string; assumption: boolean }[] {
  const p = s.parameters;
  const flat: [string, (typeof p)["takeUpObliged"]][] = [
    ...Object.entries(p).filter(([k]) => k !== "permitStatusShares") as [string, (typeof p)["takeUpObliged"]][],
    ...Object.entries(p.permitStatusShares).map(([k, v]) => [`permitStatusShares.${k}`, v] as [string, (typeof p)["takeUpObliged"]]),
  ];
  const out = flat.map(([name, v]) => ({ name, value: v.value, low: v.low ?? null, high: v.high ?? null, unit: v.unit, source: v.source, assumption: v.assumption }));
  for (const shock of s.shocks) out.push({ name: `shocks.${shock.id}.ageProfile`, value: NaN, low: null, high: null, unit: JSON.stringify(shock.ageProfile), source: shock.ageProfileSource, assumption: shock.ageProfileAssumption });
  return out;
}

/**
 * Registers `migmon impact`: reads the scenario (a file or a curated name), the baseline figures from the store
 * and the rules, runs the model (src/impact) and prints a table per area, year and step with intervals, or JSON.
 * Bad options are UsageErrors (exit 2); a bad scenario file an InputError naming the field (exit 1).
 */
export const registerImpactCommand: RegisterCommand = (program: Command, context: CliContext): void => {
  program
    .command("impact")
    .description("demand scenarios: new arrivals -> obliged or entitled to civic integration -> trajectories, language courses, OKAN classes, reception places, with intervals")
    .option("--scenario <file>", "scenario YAML file, or the name of a documented scenario (baseline, tp-wave-2026)")
    .option("--geo <codes>", "areas, comma-separated REFNIS codes of any level (e.g. 02000,44021)")
    .option("--level <level>", `all areas of one level: ${geoLevels.join(", ")} (default region)`)
    .option("--horizon <years>", "years projected from the scenario's start year (default: the scenario's)")
    .option("--lang <lang>", "language of the labels: nl, fr or en", "en")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv when piped)")
    .option("--policy", "add the assess reading of each register event behind a civic-integration rule")
    .addHelpText("after", helpText)
    .exitOverride((error: CommanderError) => {
      if (error.exitCode === 0 || error.code === "commander.helpDisplayed") throw error;
      throw new UsageError((error.message.split("\n")[0] ?? error.message).replace(/^error: /, ""));
    })
    .action(async (o: ImpactCliOptions) => {
      const lang = parseLanguage(o.lang);
      if (o.scenario === undefined) throw new UsageError("impact needs --scenario FILE (or a documented scenario: baseline, tp-wave-2026)");
      if (o.geo !== undefined && o.level !== undefined) throw new UsageError("give --geo or --level, not both");
      const horizon = parseHorizon(o.horizon);
      const level = parseLevel(o.level);
      const format = chooseFormat(context, o.format);
      const scenario = readScenarioFile(o.scenario, context.cwd);
      const register = loadRegister(resolveEventsDir(context.env, context.cwd));
      const rules = loadRules(undefined, new Set(register.map((e) => e.id)));
      await withStore(context, async (store) => {
        const figures = await readImpactFigures(store, scenario.shocks.some((s) => "like" in s.size));
        const run = runImpactModel(scenario, { ...figures, rules }, horizon === undefined ? {} : { horizon });
        const geos = o.geo?.split(",").map((g) => g.trim()).filter((g) => g !== "");
        const areas = layOutImpact(run, scenario, { ...(geos === undefined ? {} : { geos }), ...(level === undefined ? {} : { level }) });
        const reception = receptionPlaces(run, scenario);
        const notes = [...new Set(run.regionYears.flatMap((r) => r.notes))];
        const policy = o.policy === true ? await policyReadings(store, rules, register, lang) : null;
        if (format === "json") {
          context.stdout.write(`${JSON.stringify({ scenario: { id: scenario.id, title: scenario.title[lang], description: scenario.description }, dataEnd: run.dataEnd, years: run.years, level: scenario.level, areas, reception, assumptions: assumptionsOf(scenario), ruleNotes: notes, keys: run.keys.map((k) => ({ region: k.region, description: k.description })), policy }, null, 2)}\n`);
          return;
        }
        if (format === "table") {
          context.stdout.write(`${t(lang, "impact.title", { scenario: scenario.id, title: scenario.title[lang] })}\n${t(lang, "impact.basis", { dataEnd: String(run.dataEnd), years: `${run.years[0]}-${run.years.at(-1)}`, level: String(scenario.level) })}\n\n`);
        }
        writeRows(context, ["area", "name", "year", "step", "value", "lower", "upper", "unit"], rowsOf(areas, reception, lang), format);
        if (format !== "table") return;
        context.stdout.write(`\n${t(lang, "impact.assumptions")}:\n`);
        for (const a of assumptionsOf(scenario).filter((x) => x.assumption)) context.stdout.write(`  * ${a.name} = ${Number.isNaN(a.value) ? a.unit : `${a.value}${a.low === null ? "" : ` (${a.low}-${a.high})`} ${a.unit}`}: ${a.source}\n`);
        if (notes.length > 0) context.stdout.write(`\n${t(lang, "impact.rulesNotes")}:\n${notes.map((n) => `  - ${n}\n`).join("")}`);
        if (policy !== null) {
          context.stdout.write(`\n${t(lang, "impact.policyReading")}:\n`);
          for (const p of policy) context.stdout.write(`  ${p.event} (${p.inForce}), ${p.region}: ${p.assumes}\n    ${p.reading}\n`);
        }
      });
    });
};

/** The assess reading of net migration (net_migration_adjusted) in each rule's region at the rule's register event. */
async function policyReadings(store: Parameters<typeof commandSeriesSources>[0], rules: ReturnType<typeof loadRules>, register: ReturnType<typeof loadRegister>, lang: Lang): Promise<{ event: string; inForce: string; region: string; assumes: string; reading: string }[]> {
  const sources = await commandSeriesSources(store);
  const out: { event: string; inForce: string; region: string; assumes: string; reading: string }[] = [];
  for (const change of eligibilityChanges(rules, register, "civic-integration")) {
    let reading: string;
    try {
      const series = await readIndicatorSeries(sources, { indicator: "net_migration_adjusted", geo: change.regionRefnis }, commandSeriesMessages);
      reading = assessPolicyEffect(series, change.event, register).reading[lang];
    } catch (error) {
      if (!(error instanceof MigmonError)) throw error;
      reading = `no assess reading: ${error.message}`;
    }
    out.push({ event: change.event.id, inForce: change.event.inForce, region: change.regionRefnis, assumes: change.assumes, reading });
  }
  return out;
}
