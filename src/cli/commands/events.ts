import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { parse as parseYaml } from "yaml";
import { InputError, MigmonError, UsageError } from "../../core/index.ts";
import { eventDatePattern, eventKinds, eventLevels, eventKeyOrder, policyAreas } from "../../events/schema.ts";
import type { EventKind, EventLevel, PolicyArea, PolicyEvent } from "../../events/schema.ts";
import { loadRegister, readRegisterFiles, resolveEventsDir } from "../../events/register.ts";
import { eventsFor, filterEvents, findEvent, toMarks } from "../../events/query.ts";
import { loadIndicatorCatalogue, topicsOf } from "../../indicators/catalogue.ts";
import { formatProblem, validateRegister } from "../../events/validate.ts";
import { addEvent, formatEventsFile } from "../../events/write.ts";
import { describeEventSchema, formatSchemaTable } from "../../events/describe.ts";
import type { CliContext, RegisterCommand } from "../context.ts";
import { parseLanguage } from "../options.ts";
import { chooseFormat, writeRows } from "../output.ts";
import type { Row } from "../output.ts";

/** Effects the `events add` prompt needs beyond the CLI context: where answers come from. */
export interface EventsCommandEffects {
  readonly stdin?: NodeJS.ReadableStream;
}

function oneOf<T extends string>(option: string, allowed: readonly T[], text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`${option} must be one of ${allowed.join(", ")}, not ${JSON.stringify(text)}`);
  return text as T;
}

function dateOption(option: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!eventDatePattern.test(text)) throw new UsageError(`${option} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(text)}`);
  return text;
}

/**
 * An option's value for a subcommand. `events` and its subcommands both declare --lang and --format; unless
 * the program has positional options, commander gives a value typed after the subcommand to `events`, so the
 * value given on the command line wins wherever it landed, then the subcommand's default.
 */
function optionValue(command: Command, name: string): string | undefined {
  for (let c: Command | null = command; c !== null; c = c.parent) {
    if (c.getOptionValueSource(name) === "cli") return c.getOptionValue(name) as string;
  }
  return command.getOptionValue(name) as string | undefined;
}

/** The register's events, as every subcommand reads them (validated; a broken register is an error). */
function loadFor(context: CliContext): PolicyEvent[] {
  return loadRegister(resolveEventsDir(context.env, context.cwd));
}

const listColumns = ["id", "date", "level", "kind", "area", "direction", "checked", "title"] as const;

function listRow(e: PolicyEvent, lang: "nl" | "fr" | "en"): Row {
  return {
    id: e.id, date: e.inForce, level: e.level, kind: e.kind, area: e.area, direction: e.direction,
    checked: e.checked ? "checked" : "UNCHECKED", title: e.title[lang],
  };
}

/**
 * `migmon events` and its subcommands (list, show, validate, for, add, schema) over the register in
 * data/events (or MIGMON_EVENTS_DIR). `effects.stdin` feeds the interactive `events add`; it defaults to the
 * process's standard input.
 */
export function createEventsCommand(effects: EventsCommandEffects = {}): RegisterCommand {
  return (program: Command, context: CliContext) => {
    const events = program
      .command("events")
      .description("the policy and context register: dated, coded, sourced events (laws, economic context, statistical breaks)")
      .option("--level <level>", `one of ${eventLevels.join(", ")}`)
      .option("--area <area>", `one of ${policyAreas.join(", ")}`)
      .option("--kind <kind>", `one of ${eventKinds.join(", ")}`)
      .option("--from <date>", "in force on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
      .option("--to <date>", "in force on or before (YYYY, YYYY-MM or YYYY-MM-DD)")
      .option("--lang <lang>", "language of titles: nl, fr or en", "en")
      .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
      .action((options: { level?: string; area?: string; kind?: string; from?: string; to?: string; lang: string; format?: string }) => {
        const lang = parseLanguage(options.lang);
        const format = chooseFormat(context, options.format);
        const filter = {
          level: oneOf<EventLevel>("--level", eventLevels, options.level),
          area: oneOf<PolicyArea>("--area", policyAreas, options.area),
          kind: oneOf<EventKind>("--kind", eventKinds, options.kind),
          from: dateOption("--from", options.from),
          to: dateOption("--to", options.to),
        };
        const rows = filterEvents(loadFor(context), filter).map((e) => listRow(e, lang));
        writeRows(context, listColumns, rows, format);
      });

    events
      .command("show <id>")
      .description("one event in full (YAML, or JSON with --format json)")
      .option("--format <format>", "yaml or json", "yaml")
      .action((id: string, _options: unknown, command: Command) => {
        const format = oneOf("--format", ["yaml", "json"] as const, optionValue(command, "format"));
        const event = findEvent(loadFor(context), id);
        if (format === "json") {
          const ordered: Record<string, unknown> = {};
          for (const key of eventKeyOrder) if (event[key] !== undefined) ordered[key] = event[key];
          context.stdout.write(`${JSON.stringify(ordered, null, 2)}\n`);
        } else {
          if (!event.checked) context.stderr.write(`note: ${event.id} is UNCHECKED: its dates and reference were not checked against a source\n`);
          context.stdout.write(formatEventsFile([event]));
        }
      });

    events
      .command("validate")
      .description("check every register file: schema, unique ids, date order, indicators, geographies, URLs, file order")
      .action(() => {
        const dir = resolveEventsDir(context.env, context.cwd);
        const files = readRegisterFiles(dir);
        const { events: valid, problems } = validateRegister(files);
        for (const p of problems) context.stdout.write(`${formatProblem(p)}\n`);
        if (problems.length > 0) throw new MigmonError(`${problems.length} problem${problems.length === 1 ? "" : "s"} in ${dir}`);
        const unchecked = valid.filter((e) => !e.checked).length;
        context.stdout.write(`${valid.length} events in ${files.length} files are valid (${unchecked} unchecked)\n`);
      });

    events
      .command("for <indicator>")
      .description("the events that apply to one series (indicator and geography), ready to draw on a chart")
      .requiredOption("--geo <code>", "geography of the series: EU, an ISO2 country, a Belgian NUTS or REFNIS code")
      .option("--lang <lang>", "language of labels: nl, fr or en", "en")
      .option("--format <format>", "table, csv or json (default: table on a terminal, csv otherwise)")
      .action(async (indicator: string, options: { geo: string }, command: Command) => {
        const lang = parseLanguage(optionValue(command, "lang") ?? "en");
        const format = chooseFormat(context, optionValue(command, "format"));
        const marks = toMarks(eventsFor(loadFor(context), topicsOf(await loadIndicatorCatalogue(), indicator), options.geo), lang);
        const rows: Row[] = marks.map((m) => ({ date: m.date, id: m.id, label: m.label, kind: m.kind, direction: m.direction, level: m.level, checked: m.checked ? "checked" : "UNCHECKED" }));
        writeRows(context, ["date", "id", "label", "kind", "direction", "level", "checked"], rows, format);
      });

    events
      .command("add")
      .description("add an event from a YAML file, or by answering a prompt for each field; validates before writing")
      .option("--file <file>", "a YAML file holding one event (a mapping) or a list with one event")
      .action(async (options: { file?: string }) => {
        const dir = resolveEventsDir(context.env, context.cwd);
        const entry = options.file === undefined ? await promptEvent(context, effects.stdin ?? process.stdin) : readEventFile(path.resolve(context.cwd, options.file));
        const written = addEvent(dir, entry);
        const id = (entry as { id?: unknown }).id;
        context.stdout.write(`added ${String(id)} to ${written}\n`);
      });

    events
      .command("schema")
      .description("the fields of an event, generated from the schema that validates the register")
      .option("--format <format>", "markdown or json", "markdown")
      .action((_options: unknown, command: Command) => {
        const format = oneOf("--format", ["markdown", "json"] as const, optionValue(command, "format"));
        const rows = describeEventSchema();
        context.stdout.write(format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : formatSchemaTable(rows));
      });
  };
}

/** `migmon events`, reading prompt answers from the process's standard input. */
export const registerEventsCommand: RegisterCommand = createEventsCommand();

/** Reads one event from a YAML file: a mapping, or a list holding exactly one mapping. */
function readEventFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new InputError(file, undefined, `cannot read the event file (${(cause as Error).message})`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (cause) {
    throw new InputError(file, undefined, `invalid YAML: ${(cause as Error).message.split("\n")[0]}`);
  }
  if (Array.isArray(value)) {
    if (value.length !== 1) throw new InputError(file, undefined, `expected one event, found a list of ${value.length}`);
    return value[0];
  }
  if (typeof value !== "object" || value === null) throw new InputError(file, 1, "expected an event (a YAML mapping)");
  return value;
}

/**
 * Asks for each field on the terminal (prompts on stderr, answers from `input`) and builds the event object;
 * blank answers leave optional fields out, lists are comma-separated. Validation happens in `addEvent`.
 */
async function promptEvent(context: CliContext, input: NodeJS.ReadableStream): Promise<Record<string, unknown>> {
  const rl = createInterface({ input, output: context.stderr, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string> => {
    context.stderr.write(`${question}: `);
    const next = await lines.next();
    if (next.done === true) throw new UsageError(`input ended before "${question}" was answered`);
    return String(next.value).trim();
  };
  const list = (text: string) => text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  try {
    const e: Record<string, unknown> = {};
    e.id = await ask("id (<level>-<year>-<words>)");
    e.kind = await ask(`kind (${eventKinds.join("/")})`);
    e.inForce = await ask("inForce (YYYY-MM-DD, YYYY-MM or YYYY)");
    const announced = await ask("announced (blank if unknown)");
    if (announced !== "") e.announced = announced;
    const published = await ask("published (blank if unknown)");
    if (published !== "") e.published = published;
    e.level = await ask(`level (${eventLevels.join("/")})`);
    const area = await ask(`area (${policyAreas.join("/")}, or blank for a statistical break of no single area)`);
    e.area = area === "" ? null : area;
    e.targetGroup = await ask("targetGroup");
    const direction = await ask("direction (-1 less restrictive, 0 neither, 1 more restrictive)");
    e.direction = /^-?\d+$/.test(direction) ? Number(direction) : direction;
    e.directionReason = await ask("directionReason (one line)");
    e.title = { nl: await ask("title nl"), fr: await ask("title fr"), en: await ask("title en") };
    e.summary = { nl: await ask("summary nl"), fr: await ask("summary fr"), en: await ask("summary en") };
    const legal = await ask("legalReference (blank if it cannot be stated)");
    if (legal !== "") e.legalReference = legal;
    e.sources = list(await ask("sources (URLs, comma-separated)"));
    const checked = (await ask("checked against the sources? (yes/no)")).toLowerCase();
    e.checked = checked === "yes" || checked === "y";
    if (e.checked === true) {
      e.checkedOn = await ask("checkedOn (YYYY-MM-DD)");
      e.checkedBy = await ask("checkedBy");
    }
    e.indicators = list(await ask("indicators (ids, comma-separated)"));
    e.geography = list(await ask("geography (codes, comma-separated)"));
    return e;
  } finally {
    rl.close();
  }
}
