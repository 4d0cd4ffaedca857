import { Command, CommanderError } from "commander";
import { MigmonError } from "../core/index.ts";
import type { CliContext, RegisterCommand } from "./context.ts";
import { registerSourcesCommand } from "./commands/sources.ts";
import { registerIngestCommand } from "./commands/ingest.ts";
import { registerDatasetsCommand } from "./commands/datasets.ts";
import { registerReleasesCommand } from "./commands/releases.ts";
import { registerQueryCommand } from "./commands/query.ts";
import { registerDiffCommand } from "./commands/diff.ts";
import { registerUpdateCommand } from "./commands/update.ts";
import { registerIndicatorsCommand } from "./commands/indicators.ts";
import { registerIndicatorCommand } from "./commands/indicator.ts";
import { registerCompareCommand } from "./commands/compare.ts";
import { registerEventsCommand } from "./commands/events.ts";
import { registerAnalyseCommand } from "./commands/analyse.ts";
import { registerAssessCommand } from "./commands/assess.ts";
import { registerImpactCommand } from "./commands/impact.ts";
import { registerCheckCommand } from "./commands/check.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerReportCommand } from "./commands/report.ts";
import { registerDbCommand } from "./commands/db.ts";

/** Every command of `migmon`, in the order `--help` lists them. */
export const commands: readonly RegisterCommand[] = [
  registerSourcesCommand,
  registerUpdateCommand,
  registerIngestCommand,
  registerDatasetsCommand,
  registerReleasesCommand,
  registerQueryCommand,
  registerDiffCommand,
  registerCheckCommand,
  registerEventsCommand,
  registerAnalyseCommand,
  registerAssessCommand,
  registerImpactCommand,
  registerIndicatorsCommand,
  registerIndicatorCommand,
  registerCompareCommand,
  registerReportCommand,
  registerServeCommand,
  registerDbCommand,
];

/** Builds the program with all commands; commander's exits are turned into exceptions so tests can run it. */
export function buildProgram(context: CliContext): Command {
  const program = new Command("migmon")
    .description("Migration Monitor: migration to, from and within Flanders and Belgium, from the publishers' own data")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => context.stdout.write(s),
      writeErr: (s) => context.stderr.write(s),
    });
  for (const register of commands) register(program, context);
  for (const command of program.commands) command.exitOverride().configureOutput({
    writeOut: (s) => context.stdout.write(s),
    writeErr: (s) => context.stderr.write(s),
  });
  return program;
}

/**
 * Runs `migmon` with the given arguments and returns the exit code: 0 ok, 1 failure, 2 usage error. Errors are
 * printed to stderr as one line; the stack only with MIGMON_DEBUG=1.
 */
export async function main(argv: readonly string[], context: CliContext = processContext()): Promise<number> {
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0) return 0;
      return 2;
    }
    if (error instanceof MigmonError) {
      context.stderr.write(`migmon: ${error.message}\n`);
      if (context.env.MIGMON_DEBUG === "1" && error.stack) context.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`migmon: internal error: ${message}\n`);
    if (error instanceof Error && error.stack) context.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

function processContext(): CliContext {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
