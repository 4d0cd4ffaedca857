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
 * What `migmon --help` lists of each command: its arguments and a one-line summary (each command's own --help gives
 * its full description and options from its module). Listing from here lets `migmon --help` and `--version` load no
 * command module at all: loading them all costs half a second of CPU (the analysis registry, the register's schema).
 * A command missing here is listed from its module; test/cli/command-listing.test.ts checks that the arguments agree.
 */
export const commandListing: Readonly<Record<string, { readonly args: string; readonly summary: string }>> = {
  sources: { args: "", summary: "the statistical sources (datasets) the monitor follows, from data/sources.yaml" },
  update: { args: "", summary: "ingest every catalogue dataset, live or from the offline folder" },
  ingest: { args: "<dataset>", summary: "load a new release of one dataset, or an agency's delivery checked against its description" },
  datasets: { args: "", summary: "the datasets in the store with their latest release" },
  releases: { args: "<dataset>", summary: "the releases (vintages) of one dataset" },
  query: { args: "<dataset>", summary: "observations of a dataset, latest or as published on a date" },
  diff: { args: "<dataset> <releaseA> <releaseB>", summary: "what changed between two releases of a dataset" },
  check: { args: "<dataset>", summary: "the consistency checks data/sources.yaml declares for a dataset" },
  events: { args: "", summary: "the policy and context register: list, show, validate, for, add, schema" },
  analyse: { args: "<method>", summary: "run a statistical method on a series from a CSV or an indicator" },
  assess: { args: "[indicator]", summary: "did a series change when a policy came into force?" },
  impact: { args: "", summary: "demand for integration services and reception under a scenario" },
  indicators: { args: "", summary: "the indicator catalogue" },
  indicator: { args: "<id>", summary: "one indicator for areas or a whole level, with flags, intervals and notes" },
  compare: { args: "<id>", summary: "one indicator for a comparison set" },
  report: { args: "<kind> [editions...]", summary: "publications from the store as HTML or PDF; report diff A B" },
  serve: { args: "", summary: "the read API and the explorer on the store" },
  db: { args: "", summary: "the PostgreSQL store of a shared deployment (MIGMON_DATABASE_URL): db init" },
  export: { args: "", summary: "every release of every dataset as hive-partitioned Parquet (--parquet DIR)" },
  import: { args: "", summary: "load a folder written by export --parquet into an empty store" },
};

/** Whether `argv` only asks for the command list or the version, which need no command module. */
function asksForListOnly(argv: readonly string[]): boolean {
  return argv.length <= 2 || (argv.length === 3 && ["--help", "-h", "--version", "-V"].includes(argv[2] ?? ""));
}

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
  const listOnly = argv !== undefined && asksForListOnly(argv);
  const loaded = (argv ? commandsFor(argv) : commandModules).filter((c) => !listOnly || commandListing[c.name] === undefined);
  const registers = new Map(await Promise.all(loaded.map(async (c) => [c.name, await c.load()] as const)));
  for (const c of commandModules) {
    const register = registers.get(c.name);
    const listed = commandListing[c.name];
    if (register !== undefined) register(program, context);
    else if (listOnly && listed !== undefined) program.command(`${c.name}${listed.args ? ` ${listed.args}` : ""}`).summary(listed.summary);
  }
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
