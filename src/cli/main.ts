import { Command, CommanderError } from "commander";
import { MigmonError } from "../core/index.ts";
import type { CliContext, RegisterCommand } from "./context.ts";
import { databasePath } from "./settings.ts";
/** A command of `migmon`: its name and how to load the module that declares it. */
interface CommandModule {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

/**
 * Every command of `migmon`, in the order `--help` lists them. A command's module is imported only when that command
 * runs (or when the whole list is shown), and each imports its heavy libraries (DuckDB, fastify, exceljs, the chart
 * and PDF stack) inside its action: `migmon --help` and `migmon <command> --help` start in a fraction of the time the
 * whole graph takes (issue 16, bench/cold-start).
 */
export const commandModules: readonly CommandModule[] = [
  { name: "sources", load: async () => (await import("./commands/sources.ts")).registerSourcesCommand },
  { name: "update", load: async () => (await import("./commands/update.ts")).registerUpdateCommand },
  { name: "ingest", load: async () => (await import("./commands/ingest.ts")).registerIngestCommand },
  { name: "datasets", load: async () => (await import("./commands/datasets.ts")).registerDatasetsCommand },
  { name: "releases", load: async () => (await import("./commands/releases.ts")).registerReleasesCommand },
  { name: "query", load: async () => (await import("./commands/query.ts")).registerQueryCommand },
  { name: "diff", load: async () => (await import("./commands/diff.ts")).registerDiffCommand },
  { name: "check", load: async () => (await import("./commands/check.ts")).registerCheckCommand },
  { name: "events", load: async () => (await import("./commands/events.ts")).registerEventsCommand },
  { name: "analyse", load: async () => (await import("./commands/analyse.ts")).registerAnalyseCommand },
  { name: "assess", load: async () => (await import("./commands/assess.ts")).registerAssessCommand },
  { name: "impact", load: async () => (await import("./commands/impact.ts")).registerImpactCommand },
  { name: "indicators", load: async () => (await import("./commands/indicators.ts")).registerIndicatorsCommand },
  { name: "indicator", load: async () => (await import("./commands/indicator.ts")).registerIndicatorCommand },
  { name: "compare", load: async () => (await import("./commands/compare.ts")).registerCompareCommand },
  { name: "report", load: async () => (await import("./commands/report.ts")).registerReportCommand },
  { name: "serve", load: async () => (await import("./commands/serve.ts")).registerServeCommand },
  { name: "db", load: async () => (await import("./commands/db.ts")).registerDbCommand },
  { name: "export", load: async () => (await import("./commands/export.ts")).registerExportCommand },
  { name: "import", load: async () => (await import("./commands/import.ts")).registerImportCommand },
];

/**
 * The commands `argv` needs: only the one it names (argv[2], since the program itself takes no option but --help and
 * --version), or all of them for the list in --help, `help <command>` and the "unknown command" message.
 */
export function commandsFor(argv: readonly string[]): readonly CommandModule[] {
  const named = commandModules.find((c) => c.name === argv[2]);
  return named ? [named] : commandModules;
}

/**
 * Builds the program with the commands `argv` needs (all when absent); commander's exits are turned into exceptions
 * so tests can run it.
 */
export async function buildProgram(context: CliContext, argv?: readonly string[]): Promise<Command> {
  const program = new Command("migmon")
    .description("Migration Monitor: migration to, from and within Flanders and Belgium, from the publishers' own data")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => context.stdout.write(s),
      writeErr: (s) => context.stderr.write(s),
    });
  // Which store the commands use, where a user looks first (the default does not depend on the working directory).
  program.addHelpText("after", () => `\nStore: ${context.env.MIGMON_DATABASE_URL ? "MIGMON_DATABASE_URL (PostgreSQL)" : databasePath(context)}` +
    `${context.env.MIGMON_DB || context.env.MIGMON_DATABASE_URL ? "" : " (set MIGMON_DB to use another file)"}; MIGMON_VERBOSE=1 names it on stderr for each command.\n`);
  const registers = await Promise.all((argv ? commandsFor(argv) : commandModules).map((c) => c.load()));
  for (const register of registers) register(program, context);
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
  try {
    const program = await buildProgram(context, argv);
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
