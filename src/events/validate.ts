import { eventSchema, indicatorIdPattern } from "./schema.ts";
import type { EventLevel, PolicyEvent } from "./schema.ts";
import { canPrecede } from "./dates.ts";
import { eventGeographies, geographiesOfLevel } from "./geography.ts";

/** The rules `validateRegister` applies; each problem names the one it broke. */
export type ValidationRule =
  | "schema"
  | "unique-id"
  | "date-order"
  | "indicator"
  | "geography"
  | "level-file"
  | "area"
  | "checked"
  | "file-order";

/** One thing wrong in the register, with the file and (where known) the event it is in. */
export interface ValidationProblem {
  readonly file: string;
  readonly id: string | null;
  readonly rule: ValidationRule;
  readonly message: string;
}

/** One register file as read: its name (`eu.yaml`) and its raw entries. */
export interface RawEventFile {
  readonly file: string;
  readonly entries: readonly unknown[];
}

export interface ValidateOptions {
  /**
   * The indicator catalogue's ids. When absent (no catalogue exists yet) any id of the catalogue's form
   * (`indicatorIdPattern`) is accepted; the schema already checks the form.
   */
  readonly indicators?: ReadonlySet<string>;
  /** The geography codes an event may name; defaults to `eventGeographies`. */
  readonly geographies?: ReadonlySet<string>;
}

/** The file that holds a level's events: `EU` -> `eu.yaml`, `german-speaking` -> `german-speaking.yaml`. */
export function fileOfLevel(level: EventLevel): string {
  return `${level.toLowerCase()}.yaml`;
}

/** The one-line text of a problem: `eu.yaml: eu-2003-family-reunification-directive: date-order: ...`. */
export function formatProblem(p: ValidationProblem): string {
  return `${p.file}${p.id === null ? "" : `: ${p.id}`}: ${p.rule}: ${p.message}`;
}

/**
 * Checks every entry of every register file: the schema; ids unique over all files; dates in order
 * (announced <= published <= in force, where given, at their stated precision); indicators in the catalogue
 * (or of the catalogue's form when none is given); geographies known and belonging to the event's level; the
 * event in its level's file; `area: null` only for statistical breaks; checkedOn/checkedBy only on checked
 * entries; and each file sorted by in-force date then id. Returns the valid events and every problem found;
 * never throws for bad content.
 */
export function validateRegister(
  files: readonly RawEventFile[],
  options: ValidateOptions = {},
): { events: PolicyEvent[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const events: PolicyEvent[] = [];
  const seen = new Map<string, string>();
  const geographies = options.geographies ?? eventGeographies;
  for (const { file, entries } of files) {
    const parsedInFile: PolicyEvent[] = [];
    entries.forEach((entry, index) => {
      const rawId = idOf(entry) ?? `entry ${index + 1}`;
      const add = (rule: ValidationRule, message: string, id: string | null = rawId) => problems.push({ file, id, rule, message });
      const result = eventSchema.safeParse(entry);
      if (!result.success) {
        for (const issue of result.error.issues) add("schema", `${issue.path.join(".") || "(entry)"}: ${issue.message}`);
        return;
      }
      const e = result.data;
      const before = seen.get(e.id);
      if (before !== undefined) add("unique-id", `id also used in ${before}`);
      else seen.set(e.id, file);
      if (e.announced !== undefined && e.published !== undefined && !canPrecede(e.announced, e.published))
        add("date-order", `announced ${e.announced} is after published ${e.published}`);
      if (e.published !== undefined && !canPrecede(e.published, e.inForce))
        add("date-order", `published ${e.published} is after inForce ${e.inForce}`);
      if (e.announced !== undefined && !canPrecede(e.announced, e.inForce))
        add("date-order", `announced ${e.announced} is after inForce ${e.inForce}`);
      for (const ind of e.indicators) {
        if (options.indicators ? !options.indicators.has(ind) : !indicatorIdPattern.test(ind))
          add("indicator", `unknown indicator "${ind}"`);
      }
      const allowed = geographiesOfLevel[e.level];
      for (const g of e.geography) {
        if (!geographies.has(g) && !allowed.includes(g)) add("geography", `unknown geography "${g}"`);
        else if (!allowed.includes(g)) add("geography", `geography "${g}" is outside level ${e.level} (allowed: ${allowed.join(", ")})`);
      }
      if (fileOfLevel(e.level) !== file) add("level-file", `level ${e.level} belongs in ${fileOfLevel(e.level)}`);
      if (e.area === null && e.kind !== "statistical") add("area", `area may be null only for a statistical event, this is ${e.kind}`);
      if (!e.checked && (e.checkedOn !== undefined || e.checkedBy !== undefined))
        add("checked", "checkedOn/checkedBy given on an entry with checked: false");
      events.push(e);
      parsedInFile.push(e);
    });
    for (let i = 1; i < parsedInFile.length; i++) {
      const a = parsedInFile[i - 1]!;
      const b = parsedInFile[i]!;
      if (compareEvents(a, b) > 0) problems.push({ file, id: b.id, rule: "file-order", message: `comes before ${a.id} (files are sorted by inForce, then id)` });
    }
  }
  return { events, problems };
}

/** The register's order: by in-force date (as written), then by id. */
export function compareEvents(a: PolicyEvent, b: PolicyEvent): number {
  if (a.inForce !== b.inForce) return a.inForce < b.inForce ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function idOf(entry: unknown): string | null {
  if (typeof entry === "object" && entry !== null && "id" in entry) {
    const id = (entry as { id: unknown }).id;
    if (typeof id === "string") return id;
  }
  return null;
}
