import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { eventKeyOrder, eventSchema } from "./schema.ts";
import type { PolicyEvent } from "./schema.ts";
import { readRegisterFiles, RegisterError } from "./register.ts";
import { compareEvents, fileOfLevel, validateRegister } from "./validate.ts";
import type { ValidateOptions } from "./validate.ts";

/** An event as a plain object with its keys in schema order and nl, fr, en in that order; absent keys left out. */
function orderedEvent(e: PolicyEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of eventKeyOrder) {
    const value = e[key];
    if (value === undefined) continue;
    if (key === "title" || key === "summary") {
      const t = value as PolicyEvent["title"];
      out[key] = { nl: t.nl, fr: t.fr, en: t.en };
    } else out[key] = value;
  }
  return out;
}

/**
 * The text of a register file: the events sorted by in-force date then id, keys in schema order, no line
 * folding (one change, one diff line), a blank line between events.
 */
export function formatEventsFile(events: readonly PolicyEvent[]): string {
  const sorted = [...events].sort(compareEvents);
  return sorted.map((e) => stringify([orderedEvent(e)], { lineWidth: 0, indent: 2 })).join("\n");
}

/** Writes a file through a temporary file in the same directory and a rename, so a reader never sees half. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, text, "utf8");
  renameSync(tmp, file);
}

/**
 * Adds one event to the register in `dir`: checks it against the schema, then validates the whole register
 * with it included (unique id, dates, geography, ...), and only then rewrites its level's file in the stable
 * order. Returns the path written. Throws RegisterError (nothing written) when any rule is broken.
 */
export function addEvent(dir: string, entry: unknown, options: ValidateOptions = {}): string {
  const own = eventSchema.safeParse(entry);
  if (!own.success) {
    const { problems } = validateRegister([{ file: "(new event)", entries: [entry] }], options);
    throw new RegisterError(dir, problems);
  }
  const event = own.data;
  const target = fileOfLevel(event.level);
  const files = readRegisterFiles(dir);
  const existing = files.find((f) => f.file === target);
  const others = files.filter((f) => f.file !== target);
  const { events, problems } = validateRegister(
    [...others, { file: target, entries: [...(existing?.entries ?? []), event].sort(compareRaw) }],
    options,
  );
  if (problems.length > 0) throw new RegisterError(dir, problems);
  const file = path.join(dir, target);
  writeAtomically(file, formatEventsFile(events.filter((e) => fileOfLevel(e.level) === target)));
  return file;
}

/** Sorts raw entries like events where they have the fields, so the order rule judges the merged file fairly. */
function compareRaw(a: unknown, b: unknown): number {
  const key = (x: unknown) => {
    const o = (typeof x === "object" && x !== null ? x : {}) as { inForce?: unknown; id?: unknown };
    return `${String(o.inForce ?? "")}\u0000${String(o.id ?? "")}`;
  };
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
