// `migmon analyse <method>`: runs one method of the analysis registry (src/analysis/methods/registry.ts) on a CSV
// or on an indicator of the store and prints the numbers and a plain-language reading (a table, or JSON with --json).
// The method argument, its options and the --help text are all derived from the registry.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Command, CommanderError } from "commander";
import { InputError, UsageError } from "../../core/index.ts";
import { analysisMethods } from "../../analysis/methods/registry.ts";
import { shapeColumns } from "../../analysis/methods/methodTypes.ts";
import type { AnalysisMethod, MethodInput, MethodOutput } from "../../analysis/methods/methodTypes.ts";
import { readPanel, readRegularSeries } from "../analyse/analysisInput.ts";
import { declareMethodFlags, flagOf, methodOptionValues } from "../analyse/methodFlags.ts";
import type { CliContext, RegisterCommand } from "../context.ts";
import { formatTable } from "../output.ts";

/** Options every method accepts: where the input comes from and how the answer is printed. */
interface GeneralOptions {
  readonly input?: string;
  readonly indicator?: string;
  readonly geo?: string;
  readonly json?: boolean;
}
const generalOptions = ["input", "indicator", "geo", "json"];

function methodHelp(): string {
  const lines = analysisMethods.flatMap((m) => {
    const own = Object.keys(m.options).map(flagOf).join(" ");
    return [`  ${m.name} (${shapeColumns[m.shape].join(",")})${own ? `  ${own}` : ""}`, `      ${m.summary}`];
  });
  return [
    "",
    "Methods (input CSV header, options; then what the method does):",
    ...lines,
    "",
    "Periods are read as 2019, 2019-Q1, 2019-03 ...; an empty value is missing (never 0). Missing values at the",
    "start or end are dropped; only its accepts missing values inside the series. Instead of --input, --indicator ID",
    "--geo CODE reads the series from the store through the indicator engine (ccf, granger: --indicator Y,X; did,",
    "synth: --geo A,B,C, each area a unit). Exit codes: 0 ok, 1 failure or bad input, 2 usage error.",
  ].join("\n");
}

function readFileInput(method: AnalysisMethod, file: string, context: CliContext): MethodInput {
  let text: string;
  try {
    text = readFileSync(path.resolve(context.cwd, file), "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : `cannot read the file (${(error as Error).message})`;
    throw new InputError(file, undefined, reason);
  }
  if (method.shape === "panel") return { shape: "panel", panel: readPanel(text, file) };
  return method.shape === "pair" ? { shape: "pair", series: readRegularSeries(text, file, "pair") } : { shape: "series", series: readRegularSeries(text, file, "series") };
}

async function readInput(method: AnalysisMethod, o: GeneralOptions, context: CliContext): Promise<{ input: MethodInput; source: string }> {
  if (o.input !== undefined && o.indicator !== undefined) throw new UsageError("give --input FILE.csv or --indicator ID --geo CODE, not both");
  // The indicator engine and the store are loaded only for --indicator, not when the CLI starts (issue 16).
  if (o.indicator !== undefined) return { input: await (await import("../analyse/indicatorInput.ts")).readIndicatorInput(context, method, o.indicator, o.geo), source: `${o.indicator} ${o.geo ?? ""}`.trim() };
  if (o.geo !== undefined) throw new UsageError("--geo goes with --indicator");
  if (o.input === undefined) throw new UsageError(`analyse ${method.name} needs --input FILE.csv or --indicator ID --geo CODE`);
  return { input: readFileInput(method, o.input, context), source: o.input };
}

function print(context: CliContext, method: AnalysisMethod, source: string, json: boolean, output: MethodOutput): void {
  if (json) {
    context.stdout.write(`${JSON.stringify({ method: method.name, input: source, ...output.json, reading: output.reading }, null, 2)}\n`);
    return;
  }
  const parts: string[] = [];
  if (output.detail !== undefined) parts.push(formatTable(output.detail.columns, output.detail.rows));
  const columns = Object.keys(output.summary[0] ?? { quantity: "", value: "" });
  parts.push(formatTable(columns, output.summary));
  parts.push(`${output.reading}\n`);
  context.stdout.write(`${method.name}: ${source}\n\n${parts.join("\n")}`);
}

/**
 * Registers `migmon analyse <method>`: reads `--input FILE.csv` (period,value; period,y,x; or unit,period,value) or
 * `--indicator ID --geo CODE`, runs the method and prints a table and the reading, or with --json one JSON object
 * with the contract's field names (issue 7). A wrong option or method is a UsageError (exit 2); a bad CSV an
 * InputError naming file and line.
 */
export const registerAnalyseCommand: RegisterCommand = (program: Command, context: CliContext): void => {
  const names = analysisMethods.map((m) => m.name);
  const command = program
    .command("analyse")
    .description("run a statistical method on a series from a CSV or an indicator: the numbers and a plain-language reading")
    .argument("<method>", `one of ${names.join(", ")}`)
    .option("--input <file>", "CSV with a header: period,value | period,y,x | unit,period,value")
    .option("--indicator <id>", "an indicator of the store instead of --input (ccf, granger: Y,X)")
    .option("--geo <code>", "the area of --indicator (did, synth: A,B,C, each area a unit)")
    .option("--json", "print one JSON object (for programs) instead of a table");
  declareMethodFlags(command, analysisMethods);
  command
    .addHelpText("after", methodHelp())
    .exitOverride((error: CommanderError) => {
      if (error.exitCode === 0 || error.code === "commander.helpDisplayed") throw error;
      throw new UsageError((error.message.split("\n")[0] ?? error.message).replace(/^error: /, ""));
    })
    .action(async (name: string, parsed: GeneralOptions & Record<string, unknown>) => {
      const method = analysisMethods.find((m) => m.name === name);
      if (method === undefined) throw new UsageError(`unknown method ${JSON.stringify(name)}: use one of ${names.join(", ")}`);
      const options = methodOptionValues(method, parsed, generalOptions);
      const { input, source } = await readInput(method, parsed, context);
      print(context, method, source, parsed.json === true, method.run(input, options, flagOf));
    });
};
