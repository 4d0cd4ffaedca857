// `migmon analyse <method> --input FILE.csv`: runs one statistical method of src/analysis on a CSV and prints
// the numbers and a plain-language reading (a table, or JSON with --json for programs).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command, CommanderError } from "commander";
import { InputError, UsageError } from "../../core/index.ts";
import { readPanel, readRegularSeries, shapeColumns } from "../analyse/analysisInput.ts";
import type { AnalyseOptions, AnalysisMethod, MethodInput } from "../analyse/analysisRun.ts";
import { breakMethods } from "../analyse/breakMethods.ts";
import { monitoringMethods } from "../analyse/monitoringMethods.ts";
import { panelMethods } from "../analyse/panelMethods.ts";
import { pairMethods } from "../analyse/pairMethods.ts";
import { seriesMethods } from "../analyse/seriesMethods.ts";
import type { CliContext, RegisterCommand } from "../context.ts";
import { collect } from "../options.ts";
import { formatTable } from "../output.ts";

/** Every method the command runs, in the order `--help` lists them. */
export const analysisMethods: readonly AnalysisMethod[] = [...breakMethods, ...seriesMethods, ...monitoringMethods, ...pairMethods, ...panelMethods];

/** Options that every method accepts (the rest belong to one method or a few). */
const generalOptions: readonly (keyof AnalyseOptions)[] = ["input", "indicator", "geo", "json"];

/** The command-line spelling of an option key, for messages. */
function flag(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function methodHelp(): string {
  const lines = analysisMethods.flatMap((m) => {
    const own = m.options.map(flag).join(" ");
    return [`  ${m.name} (${shapeColumns[m.shape].join(",")})${own ? `  ${own}` : ""}`, `      ${m.summary}`];
  });
  return [
    "",
    "Methods (input CSV header, options; then what the method does):",
    ...lines,
    "",
    "Periods are read as 2019, 2019-Q1, 2019-03 ...; an empty value is missing (never 0). Missing values at the",
    "start or end are dropped; only its accepts missing values inside the series. --indicator/--geo (a series of",
    "the store instead of --input) are not available yet. Exit codes: 0 ok, 1 failure or bad input, 2 usage error.",
  ].join("\n");
}

function readInput(method: AnalysisMethod, file: string, context: CliContext): MethodInput {
  const full = path.resolve(context.cwd, file);
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot read the file (${(error as Error).message})`;
    throw new InputError(file, undefined, reason);
  }
  if (method.shape === "panel") return { shape: "panel", panel: readPanel(text, file), source: file };
  return method.shape === "pair"
    ? { shape: "pair", series: readRegularSeries(text, file, "pair"), source: file }
    : { shape: "series", series: readRegularSeries(text, file, "series"), source: file };
}

function checkOptions(method: AnalysisMethod, options: AnalyseOptions): void {
  if (options.indicator !== undefined || options.geo !== undefined) {
    throw new UsageError("--indicator/--geo are not available yet: export the series and pass it with --input FILE.csv");
  }
  if (options.input === undefined) throw new UsageError(`analyse ${method.name} needs --input FILE.csv`);
  for (const [key, value] of Object.entries(options)) {
    const given = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false;
    if (!given || generalOptions.includes(key as keyof AnalyseOptions)) continue;
    if (!method.options.includes(key as keyof AnalyseOptions)) {
      const own = method.options.map(flag).join(", ") || "none";
      throw new UsageError(`${flag(key)} does not apply to ${method.name} (its options: ${own})`);
    }
  }
}

function print(context: CliContext, method: AnalysisMethod, file: string, options: AnalyseOptions, output: ReturnType<AnalysisMethod["run"]>): void {
  if (options.json === true) {
    context.stdout.write(`${JSON.stringify({ method: method.name, input: file, ...output.json, reading: output.reading }, null, 2)}\n`);
    return;
  }
  const parts: string[] = [];
  if (output.detail !== undefined) parts.push(formatTable(output.detail.columns, output.detail.rows));
  const columns = Object.keys(output.summary[0] ?? { quantity: "", value: "" });
  parts.push(formatTable(columns, output.summary));
  parts.push(`${output.reading}\n`);
  context.stdout.write(`${method.name}: ${file}\n\n${parts.join("\n")}`);
}

/**
 * Registers `migmon analyse <method>`: reads `--input FILE.csv` (period,value; period,y,x; or unit,period,value),
 * runs the method and prints a table and the reading, or with --json one JSON object with the contract's field
 * names (issue 7). A wrong option or method is a UsageError (exit 2); a bad CSV an InputError naming file and line.
 */
export const registerAnalyseCommand: RegisterCommand = (program: Command, context: CliContext): void => {
  const names = analysisMethods.map((m) => m.name);
  program
    .command("analyse")
    .description("run a statistical method on a series from a CSV: the numbers and a plain-language reading")
    .argument("<method>", `one of ${names.join(", ")}`)
    .option("--input <file>", "CSV with a header: period,value | period,y,x | unit,period,value")
    .option("--indicator <id>", "an indicator of the store instead of --input (not yet available)")
    .option("--geo <code>", "the area of --indicator (not yet available)")
    .option("--json", "print one JSON object (for programs) instead of a table")
    .option("--event <period>", "its: first period under the intervention; did, synth: first treated period")
    .option("--lag <L>", "its: Newey-West lag (default floor(4 (n/100)^(2/9)))")
    .option("--seasonal", "its: add seasonal dummies (monthly or quarterly data)")
    .option("--model <model>", "its: gaussian (default) or poisson; ets: simple (default), holt or damped")
    .option("--at <period>", "chow: the last period before the break")
    .option("--trim <share>", "supf: share trimmed at each end; breaks: minimum segment as a share (default 0.15)")
    .option("--max <M>", "breaks: largest number of breaks considered")
    .option("--trend", "chow, supf, cusum, breaks: a linear trend in the model (y ~ trend) instead of y ~ 1")
    .option("--cost <cost>", "pelt, binseg: normal-mean (default), normal-meanvar or poisson")
    .option("--penalty <penalty>", "pelt, binseg: bic (default), mbic or a number per change point")
    .option("--minseg <N>", "pelt, binseg: shortest segment (default 1; 2 for normal-meanvar)")
    .option("--max-lag <K>", "ccf: largest lag (default floor(10 log10(n/2)))")
    .option("--prewhiten", "ccf: filter both series with the AR model of x chosen by AIC first")
    .option("--order <P>", "granger: number of lags (default 1)")
    .option("--regression <terms>", "adf, kpss: c (constant, default) or ct (constant and trend)")
    .option("--lags <lags>", "adf: a number or aic (default); kpss: a number, auto (default) or legacy")
    .option("--treated <unit>", "did, synth: the treated unit (repeatable for did)", collect, [])
    .option("--window <window>", "stl: periodic (default) or the odd seasonal window")
    .option("--robust", "stl: robust fitting against outliers")
    .option("--horizon <H>", "ets: periods to forecast (default 10)")
    .option("--levels <list>", "ets: prediction interval levels in percent, e.g. 80,95 (the default)")
    .option("--lambda <weight>", "ewma: weight of the newest value, in (0, 1] (default 0.2)")
    .option("--limit <L>", "ewma: band width in standard deviations of the EWMA (default 3)")
    .option("--baseline <N>", "ewma: leading observations that define the expected level (default all)")
    .addHelpText("after", methodHelp())
    .exitOverride((error: CommanderError) => {
      if (error.exitCode === 0 || error.code === "commander.helpDisplayed") throw error;
      throw new UsageError((error.message.split("\n")[0] ?? error.message).replace(/^error: /, ""));
    })
    .action((name: string, options: AnalyseOptions) => {
      const method = analysisMethods.find((m) => m.name === name);
      if (method === undefined) throw new UsageError(`unknown method ${JSON.stringify(name)}: use one of ${names.join(", ")}`);
      checkOptions(method, options);
      const file = options.input as string;
      const output = method.run(readInput(method, file, context), options);
      print(context, method, file, options, output);
    });
};
