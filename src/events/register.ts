import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { InputError } from "../core/index.ts";
import type { PolicyEvent } from "./schema.ts";
import { formatProblem, validateRegister } from "./validate.ts";
import type { RawEventFile, ValidateOptions, ValidationProblem } from "./validate.ts";

/**
 * Where the register lives: MIGMON_EVENTS_DIR when set (relative to `cwd`), else `data/events` under the
 * repository root (found from this module's location, so the working directory does not matter).
 */
export function resolveEventsDir(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): string {
  const fromEnv = env["MIGMON_EVENTS_DIR"];
  if (fromEnv !== undefined && fromEnv !== "") return path.resolve(cwd, fromEnv);
  return fileURLToPath(new URL("../../data/events/", import.meta.url));
}

/**
 * Reads one register file's text into its raw entries. A file holds one YAML document whose top level is a
 * list of events (an empty file is an empty list). Throws InputError naming the file and line for bad YAML
 * or a top level that is not a list.
 */
export function parseEventsFile(file: string, text: string): RawEventFile {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new InputError(file, undefined, "not a YAML document");
  if (docs.length > 1) throw new InputError(file, undefined, "more than one YAML document");
  const doc = docs[0];
  if (doc === undefined) return { file, entries: [] };
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0]?.line;
    throw new InputError(file, line, `invalid YAML: ${error.message.split("\n")[0]}`);
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { file, entries: [] };
  if (!Array.isArray(value)) throw new InputError(file, 1, "the top level must be a list of events");
  return { file, entries: value };
}

/** Reads every `*.yaml` file of the register directory, sorted by name. Throws InputError for unreadable YAML. */
export function readRegisterFiles(dir: string): RawEventFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".yaml")).sort();
  } catch (cause) {
    throw new InputError(dir, undefined, `cannot read the events directory (${(cause as Error).message})`);
  }
  return names.map((n) => parseEventsFile(n, readFileSync(path.join(dir, n), "utf8")));
}

/** Thrown when the register has problems; the message is one line with the count and the first problem. */
export class RegisterError extends InputError {
  readonly problems: readonly ValidationProblem[];
  constructor(dir: string, problems: readonly ValidationProblem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : "";
    super(dir, undefined, `${first === undefined ? "" : formatProblem(first)}${more}`);
    this.problems = problems;
  }
}

/**
 * Loads and validates the whole register. Returns the events (in file order: files by name, then the file's
 * sorted order). Throws InputError for unreadable files and RegisterError when any rule of
 * `validateRegister` is broken, naming the file and event id.
 */
export function loadRegister(dir: string, options: ValidateOptions = {}): PolicyEvent[] {
  const { events, problems } = validateRegister(readRegisterFiles(dir), options);
  if (problems.length > 0) throw new RegisterError(dir, problems);
  return events;
}
