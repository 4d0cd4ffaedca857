// `migmon impact --scenario FILE`: demand for civic integration, language courses, OKAN classes and reception
// places per area and year under a scenario, every step with its unit, source, interval and assumptions.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command, CommanderError } from "commander";
import { MigmonError, UsageError } from "../../core/index.ts";
import type { loadRegister } from "../../events/register.ts";
import { t } from "../../i18n/index.ts";
import type { Lang, MessageKey } from "../../i18n/index.ts";
import type { ImpactAnswer } from "../../impact/impactAnswer.ts";
import type { loadRules } from "../../impact/rules.ts";
import { geoLevels } from "../../reference/geography.ts";
import type { GeoLevel } from "../../reference/geography.ts";
import type { commandSeriesSources } from "../assess/readSeries.ts";
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
  readonly rules?: boolean;
}

const helpText = `
The scenario is a YAML file (schema: src/impact/scenarioSchema.ts) or the name of a documented one in
data/impact/scenarios: baseline, tp-wave-2026, tp-wave-2026-obliged. Steps per area and year: new arrivals ->
obliged / entitled to civic integration (rules in data/impact/rules) -> trajectories started (take-up) -> language
course places and hours -> OKAN pupils and classes (rounded up for each area shown); reception places for Belgium.
Every figure has its interval (lower, upper); a * marks a figure resting on an assumption parameter. --format json
prints the whole result with the unit, source and uncertainty of every step and the arrivals by sex, age band,
nationality group and status. --policy adds, for each register event behind a civic-integration rule, the existing
assess reading of net migration in that region beside the rule the scenario assumes. Needs
statbel:pop_by_municipality_nationality_sex_agegroup, eurostat:migr_asyappctza and eurostat:migr_asytpsm in the
store: migmon update --offline. The back-test of bench/impact/result.json is printed under the table.
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

function rowsOf(areas: ImpactAnswer["areas"], reception: ImpactAnswer["reception"], lang: Lang): Row[] {
  const rows: Row[] = [];
  for (const a of areas) for (const q of a.quantities) {
    rows.push({ area: a.code, name: a.name, year: a.year, step: `${stepLabel(lang, q.name)}${q.assumption ? " *" : ""}`, value: round(q.value), lower: round(q.lower), upper: round(q.upper), unit: q.unit });
  }
  for (const r of reception) rows.push({ area: "BE", name: "België / Belgique", year: r.year, step: `${stepLabel(lang, r.quantity.name)}${r.quantity.assumption ? " *" : ""}`, value: round(r.quantity.value), lower: round(r.quantity.lower), upper: round(r.quantity.upper), unit: r.quantity.unit });
  return rows;
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
    .option("--scenario <file>", "scenario YAML file, or the name of a documented scenario (baseline, tp-wave-2026, tp-wave-2026-obliged)")
    .option("--geo <codes>", "areas, comma-separated REFNIS codes of any level (e.g. 02000,44021)")
    .option("--level <level>", `all areas of one level: ${geoLevels.join(", ")} (default region)`)
    .option("--horizon <years>", "years projected from the scenario's start year (default: the scenario's)")
    .option("--lang <lang>", "language of the labels: nl, fr or en", "en")
    .option("--format <format>", "table, csv or json (default: table on a terminal, csv when piped)")
    .option("--policy", "add the assess reading of each register event behind a civic-integration rule")
    .option("--rules", "list the eligibility rules (data/impact/rules) with their dates, register events and certainty, and stop")
    .addHelpText("after", helpText)
    .exitOverride((error: CommanderError) => {
      if (error.exitCode === 0 || error.code === "commander.helpDisplayed") throw error;
      throw new UsageError((error.message.split("\n")[0] ?? error.message).replace(/^error: /, ""));
    })
    .action(async (o: ImpactCliOptions) => {
      const lang = parseLanguage(o.lang);
      // The scenario engine, the rules and the register readers are loaded when the command runs (issue 16).
      const [{ loadRegister, resolveEventsDir }, { loadRules }, { readScenarioFile }, { computeImpact }] = await Promise.all([
        import("../../events/register.ts"), import("../../impact/rules.ts"), import("../../impact/scenario.ts"), import("../../impact/impactAnswer.ts")]);
      if (o.rules === true) {
        const register = loadRegister(resolveEventsDir(context.env, context.cwd));
        const rows = loadRules(undefined, new Set(register.map((e) => e.id))).map((r) => ({
          rule: r.id, service: r.service, region: r.region, from: r.validFrom, to: r.validTo, event: r.event,
          dates: r.datesCertainty, uncertainCases: r.cases.filter((c) => c.certainty === "uncertain").length, legalSource: r.legalSource,
        }));
        writeRows(context, ["rule", "service", "region", "from", "to", "event", "dates", "uncertainCases", "legalSource"], rows, chooseFormat(context, o.format));
        return;
      }
      if (o.scenario === undefined) throw new UsageError("impact needs --scenario FILE (or a documented scenario: baseline, tp-wave-2026)");
      if (o.geo !== undefined && o.level !== undefined) throw new UsageError("give --geo or --level, not both");
      const horizon = parseHorizon(o.horizon);
      const level = parseLevel(o.level);
      const format = chooseFormat(context, o.format);
      const scenario = readScenarioFile(o.scenario, context.cwd);
      const register = loadRegister(resolveEventsDir(context.env, context.cwd));
      const rules = loadRules(undefined, new Set(register.map((e) => e.id)));
      await withStore(context, async (store) => {
        const geos = o.geo?.split(",").map((g) => g.trim()).filter((g) => g !== "");
        const answer = await computeImpact(store, scenario, rules, { ...(geos === undefined ? {} : { geos }), ...(level === undefined ? {} : { level }), ...(horizon === undefined ? {} : { horizon }) });
        const policy = o.policy === true ? await policyReadings(store, rules, register, lang) : null;
        const backtest = readBacktestSummary();
        if (format === "json") {
          context.stdout.write(`${JSON.stringify({ ...answer, backtest, policy }, null, 2)}\n`);
          return;
        }
        if (format === "table") {
          context.stdout.write(`${t(lang, "impact.title", { scenario: scenario.id, title: scenario.title[lang] })}\n${t(lang, "impact.basis", { dataEnd: String(answer.dataEnd), years: `${answer.years[0]}-${answer.years.at(-1)}`, level: String(answer.level) })}\n\n`);
        }
        writeRows(context, ["area", "name", "year", "step", "value", "lower", "upper", "unit"], rowsOf(answer.areas, answer.reception, lang), format);
        if (format !== "table") return;
        // Each step's source and how its bounds were made, once (they are the same for every area and year).
        context.stdout.write(`\n${t(lang, "impact.steps")}:\n`);
        for (const q of [...(answer.areas[0]?.quantities ?? []), ...answer.reception.slice(0, 1).map((r) => r.quantity)]) {
          const sentence = (text: string) => text.replace(/\.*$/, ".");
          context.stdout.write(`  ${stepLabel(lang, q.name)} (${q.unit}): ${sentence(q.source)} ${sentence(q.uncertainty)}\n`);
        }
        context.stdout.write(`\n${t(lang, "impact.assumptions")}:\n`);
        for (const a of answer.parameters.filter((x) => x.assumption)) context.stdout.write(`  * ${a.name} = ${a.value === null ? a.unit : `${a.value}${a.low === null ? "" : ` (${a.low}-${a.high})`} ${a.unit}`}: ${a.source}\n`);
        if (answer.ruleNotes.length > 0) context.stdout.write(`\n${t(lang, "impact.rulesNotes")}:\n${answer.ruleNotes.map((n) => `  - ${n}\n`).join("")}`);
        context.stdout.write(`\n${backtest === null ? "No back-test result (run node --import tsx bench/impact/run.ts)." : `Back-test (${backtest.file}, ${backtest.measuredOn}), ${backtest.level} % intervals: ${backtest.levels.map((l) => `${l.level} ${l.series}: MAPE ${l.mape === null ? "-" : `${l.mape.toFixed(1)} %`}, coverage ${l.coverage === null ? "-" : `${Math.round(100 * l.coverage)} %`}`).join("; ")}`}\n`);
        if (policy !== null) {
          context.stdout.write(`\n${t(lang, "impact.policyReading")}:\n`);
          for (const p of policy) context.stdout.write(`  ${p.event} (${p.inForce}), ${p.region}: ${p.assumes}\n    ${p.reading}\n`);
        }
      });
    });
};

/** The summary of bench/impact/result.json, shown beside the figures so that no output claims better accuracy than the back-test. */
function readBacktestSummary(): { file: string; measuredOn: string; level: number; levels: { level: string; series: string; mape: number | null; coverage: number | null }[] } | null {
  const file = fileURLToPath(new URL("../../../bench/impact/result.json", import.meta.url));
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, "utf8")) as { measuredOn: string; intervalLevel: number; backtest: { level: string; series: string; mape: number | null; coverage: number | null }[] };
  return { file: "bench/impact/result.json", measuredOn: r.measuredOn.slice(0, 10), level: r.intervalLevel, levels: r.backtest.map((l) => ({ level: l.level, series: l.series.split(" (")[0]!, mape: l.mape, coverage: l.coverage })) };
}

/** The assess reading of net migration (net_migration_adjusted) in each rule's region at the rule's register event. */
async function policyReadings(store: Parameters<typeof commandSeriesSources>[0], rules: ReturnType<typeof loadRules>, register: ReturnType<typeof loadRegister>, lang: Lang): Promise<{ event: string; inForce: string; region: string; assumes: string; reading: string }[]> {
  const [{ assessPolicyEffect }, { readIndicatorSeries }, { eligibilityChanges }, { commandSeriesMessages, commandSeriesSources }] = await Promise.all([
    import("../../assess/assessPolicyEffect.ts"), import("../../assess/readSeries.ts"), import("../../impact/policyLinks.ts"), import("../assess/readSeries.ts")]);
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
