// `migmon assess <indicator> --geo CODE --event ID`: did the series change when a register event came into force?
// The artefact check first, then the numbers, then what they cannot say; JSON for programs.
import type { Command, CommanderError } from "commander";
import type { AssessOptions, PolicyEffectAssessment } from "../../assess/assessPolicyEffect.ts";
import type { AssessedSeries } from "../../assess/assessedSeries.ts";
import { formatFigure, formatP } from "../../assess/assessmentReading.ts";
import { UsageError, makeDatasetId } from "../../core/index.ts";
import type { CliContext, RegisterCommand } from "../context.ts";
import { withStore } from "../open-store.ts";
import { parseAsOf, parseLanguage, parsePeriodOption } from "../options.ts";
import { formatTable } from "../output.ts";

interface AssessCliOptions {
  readonly geo?: string;
  readonly event?: string;
  readonly lang: string;
  readonly json?: boolean;
  readonly window?: string;
  readonly lag?: string;
  readonly seasonal?: boolean;
  readonly mean?: boolean;
  readonly dataset?: string;
  readonly series?: string;
  readonly input?: string;
  readonly from?: string;
  readonly to?: string;
  readonly asOf?: string;
}

const jsonHelp = `
JSON (--json): one object with
  series, indicator, geo          what was assessed (indicator and geo null when not known)
  matchedOn                       what register events were matched on: indicator-and-area, indicator, area, nothing
  event {id, kind, title{nl,fr,en}, inForce, checked, concernsSeries}
  interventionPeriod              the first period under the event: the first in which it is in force for at
                                  least half of the period (for dated stocks: the first date on or after it)
  first, last, n, missing, window the span, the values used, the periods without a value, the search window
  artefact {possible, signs[]}    read first: signs are {kind: statistical-event, id, title, inForce, distance} |
                                  {kind: break-flag, period, distance} | {kind: definition-break, source, date,
                                  explanation, distance}; distance in periods from interventionPeriod
  its {levelChange, slopeChange, preSlope: {estimate, se, p}, lag, lagChoice (rule|given), seasonal, before,
       after}                     segmented regression, Newey-West errors, lag floor(4 (n/100)^(2/9)) unless --lag
  breakTest {trend, minSegment, supF {statistic, p, lastBefore}, chosen, breaks[], bestSingle, coversEvent} | null
                                  breaks are {lastBefore, lower, upper, coversEvent}: the last period before each
                                  break found by Bai-Perron (BIC) with Bai's 95% interval (strucchange's convention)
  breakTestNote                   null, "gaps" or "too-short" when the break tests could not run
  concurrent[]                    {id, kind, title, inForce, distance, checked}: policy and context events
  placebo {count, atLeastAsLarge, p, dates[{period, levelChange}]}
                                  p = share of placebo level changes at least as large in absolute value
  reading, lang                   the plain-language reading in --lang
Exit codes: 0 ok, 1 failure or bad input, 2 usage error.`;

function parseWhole(option: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${option} must be a whole number of at least ${min}, not ${JSON.stringify(text)}`);
  return Number(text);
}

async function readSeries(context: CliContext, indicator: string | undefined, o: AssessCliOptions): Promise<AssessedSeries> {
  const choice = {
    indicator,
    geo: o.geo,
    from: parsePeriodOption("--from", o.from),
    to: parsePeriodOption("--to", o.to),
    asOf: parseAsOf(o.asOf),
  };
  // The series readers (indicator engine, DuckDB) are loaded when the command runs, not when the CLI starts (issue 16).
  const [{ readIndicatorSeries, readStoredSeries }, { findEntry }, { commandSeriesMessages, commandSeriesSources, readCsvSeries }] = await Promise.all([
    import("../../assess/readSeries.ts"), import("../../ingest/catalogue.ts"), import("../assess/readSeries.ts")]);
  if (o.input !== undefined) {
    if (o.series !== undefined || o.dataset !== undefined) throw new UsageError("--input cannot be combined with --dataset/--series");
    return readCsvSeries(context, { ...choice, input: o.input });
  }
  if (o.series !== undefined) {
    if (o.dataset === undefined) throw new UsageError("--series needs --dataset ID");
    return withStore(context, async (store) => {
      const sources = await commandSeriesSources(store);
      const entry = findEntry(sources.datasets, o.dataset as string);
      return readStoredSeries(sources, { ...choice, dataset: makeDatasetId(entry.publisher, entry.code), series: o.series as string }, commandSeriesMessages);
    });
  }
  if (indicator === undefined) throw new UsageError("give an indicator (migmon assess <indicator> --geo CODE), --dataset ID --series KEY, or --input FILE.csv");
  if (o.geo === undefined) throw new UsageError("assess <indicator> needs --geo CODE");
  return withStore(context, async (store) => readIndicatorSeries(await commandSeriesSources(store), { ...choice, indicator, geo: o.geo as string, dataset: o.dataset }, commandSeriesMessages));
}

function printTable(context: CliContext, a: PolicyEffectAssessment, lang: "nl" | "fr" | "en"): void {
  const f = (x: number) => formatFigure(x, "en");
  const p = (x: number) => `p ${formatP(x, "en")}`;
  const bt = a.breakTest;
  const rows = [
    { quantity: "first period under the event", value: a.interventionPeriod },
    { quantity: "possible artefact", value: a.artefact.possible ? `yes (${a.artefact.signs.length} signs)` : "no" },
    { quantity: "level change (se, p)", value: `${f(a.its.levelChange.estimate)} (${f(a.its.levelChange.se)}, ${p(a.its.levelChange.p)})` },
    { quantity: "slope change (se, p)", value: `${f(a.its.slopeChange.estimate)} (${f(a.its.slopeChange.se)}, ${p(a.its.slopeChange.p)})` },
    { quantity: "Newey-West lag", value: a.its.lag },
    { quantity: "sup-F (p)", value: bt === null ? "not run" : `${f(bt.supF.statistic)} (${p(bt.supF.p)})` },
    { quantity: "breaks (BIC)", value: bt === null ? "not run" : bt.breaks.map((b) => `${b.lastBefore} [${b.lower ?? "?"}, ${b.upper ?? "?"}]`).join(" ") || "none" },
    { quantity: "a break interval covers the event", value: bt === null ? "not run" : bt.coversEvent ? "yes" : "no" },
    { quantity: "placebo p (dates)", value: a.placebo.p === null ? "none" : `${a.placebo.p.toFixed(3)} (${a.placebo.count})` },
    { quantity: "concurrent events", value: a.concurrent.map((c) => c.id).join(" ") || "none" },
  ];
  context.stdout.write(`assess: ${a.series} at ${a.event.id}\n\n${formatTable(["quantity", "value"], rows)}\n${a.reading[lang]}\n`);
}

/**
 * Registers `migmon assess [indicator]`: reads one series (an indicator for --geo through the indicator engine,
 * --dataset ID --series KEY straight from the store, or --input FILE.csv), finds --event in the register and
 * prints the policy-effect assessment (assessPolicyEffect) as a table and the reading in --lang, or as JSON.
 * Wrong or missing options are UsageErrors (exit 2); an unknown event a NotFoundError (exit 1).
 */
export const registerAssessCommand: RegisterCommand = (program: Command, context: CliContext): void => {
  program
    .command("assess")
    .description("did a series change when a policy came into force? artefact check, interrupted time series, break tests, concurrent events and placebo dates, with a plain-language reading")
    .argument("[indicator]", "indicator id (see `migmon indicators`); optional with --dataset/--series or --input, where it links the series to the register")
    .option("--geo <code>", "the area (REFNIS, Belgian NUTS, country code); with --input, also the rows of a geo column")
    .option("--event <id>", "the register event (see `migmon events`)")
    .option("--lang <lang>", "language of the reading: nl, fr or en", "en")
    .option("--json", "print one JSON object (fields below) instead of a table and the reading")
    .option("--window <N>", "periods either side searched for artefacts and concurrent events (default max(2, periods per year))")
    .option("--lag <L>", "Newey-West lag of the ITS (default floor(4 (n/100)^(2/9)))")
    .option("--seasonal", "seasonal terms in the ITS (quarterly or monthly series)")
    .option("--mean", "break tests on the mean (y ~ 1) instead of level and trend (y ~ trend)")
    .option("--dataset <id>", "with --series: a series straight from the store; with an indicator: use only this input dataset")
    .option("--series <key>", "the series key in the dataset's dimension order, e.g. CNMIGRAT.BE")
    .option("--input <file>", "a CSV with columns period,value (optionally flags, geo) instead of the store")
    .option("--from <period>", "first period")
    .option("--to <period>", "last period")
    .option("--as-of <date>", "as loaded into this store by this date: the newest release of each dataset retrieved by its end (latest when absent)")
    .addHelpText("after", jsonHelp)
    .exitOverride((error: CommanderError) => {
      if (error.exitCode === 0 || error.code === "commander.helpDisplayed") throw error;
      throw new UsageError((error.message.split("\n")[0] ?? error.message).replace(/^error: /, ""));
    })
    .action(async (indicator: string | undefined, o: AssessCliOptions) => {
      const lang = parseLanguage(o.lang);
      if (o.event === undefined) throw new UsageError("assess needs --event ID (see `migmon events`)");
      const window = parseWhole("--window", o.window, 0);
      const lag = parseWhole("--lag", o.lag, 0);
      const [{ assessPolicyEffect }, { findEvent }, { loadRegister, resolveEventsDir }] = await Promise.all([
        import("../../assess/assessPolicyEffect.ts"), import("../../events/query.ts"), import("../../events/register.ts")]);
      const register = loadRegister(resolveEventsDir(context.env, context.cwd));
      const event = findEvent(register, o.event);
      const series = await readSeries(context, indicator, o);
      const options: AssessOptions = {
        ...(window === undefined ? {} : { window }),
        ...(lag === undefined ? {} : { lag }),
        ...(o.seasonal === true ? { seasonal: true } : {}),
        ...(o.mean === true ? { trend: false } : {}),
      };
      const a = assessPolicyEffect(series, event, register, options);
      if (o.json === true) {
        context.stdout.write(`${JSON.stringify({ ...a, reading: a.reading[lang], lang }, null, 2)}\n`);
        return;
      }
      printTable(context, a, lang);
    });
};
