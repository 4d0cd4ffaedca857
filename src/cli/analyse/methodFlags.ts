// The command-line side of the registry's options: every method option becomes one commander option (declared once,
// whichever methods share it), its help text gathered from the methods' descriptions, and the values given are
// checked against the chosen method's zod schemas.
import type { Command } from "commander";
import { z } from "zod";
import { UsageError } from "../../core/index.ts";
import { isFlagOption, isListOption } from "../../analysis/methods/methodOptions.ts";
import type { AnalysisMethod, MethodOptionValues } from "../../analysis/methods/methodTypes.ts";
import { collect } from "../options.ts";

/** The command-line spelling of an option key: maxLag -> --max-lag. */
export function flagOf(key: string): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

interface FlagDeclaration {
  readonly key: string;
  readonly flag: boolean;
  readonly list: boolean;
  /** "its: text; did, synth: text". */
  readonly help: string;
}

/** One declaration per option key over all methods, in the order the methods first declare them. */
export function flagDeclarations(methods: readonly AnalysisMethod[]): FlagDeclaration[] {
  const byKey = new Map<string, { flag: boolean; list: boolean; texts: Map<string, string[]> }>();
  for (const method of methods) {
    for (const [key, schema] of Object.entries(method.options)) {
      const entry = byKey.get(key) ?? { flag: true, list: false, texts: new Map<string, string[]>() };
      entry.flag &&= isFlagOption(schema as z.ZodType);
      entry.list ||= isListOption(schema as z.ZodType);
      const text = (schema as z.ZodType).description ?? "";
      entry.texts.set(text, [...(entry.texts.get(text) ?? []), method.name]);
      byKey.set(key, entry);
    }
  }
  return [...byKey].map(([key, e]) => ({
    key, flag: e.flag, list: e.list,
    help: [...e.texts].map(([text, names]) => `${names.join(", ")}: ${text}`).join("; "),
  }));
}

/** Declares every method option on the command. */
export function declareMethodFlags(command: Command, methods: readonly AnalysisMethod[]): void {
  for (const d of flagDeclarations(methods)) {
    const name = flagOf(d.key);
    if (d.flag) command.option(name, d.help);
    else if (d.list) command.option(`${name} <value>`, `${d.help} (repeatable)`, collect, []);
    else command.option(`${name} <value>`, d.help);
  }
}

/**
 * The method's options from what commander parsed: flags as "true", repeated values joined by ",", validated by
 * the method's schemas. Throws UsageError naming the option for one of another method, a missing one or a bad value.
 */
export function methodOptionValues(method: AnalysisMethod, parsed: Readonly<Record<string, unknown>>, general: readonly string[]): MethodOptionValues {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    const given = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== false;
    if (!given || general.includes(key)) continue;
    if (!(key in method.options)) {
      const own = Object.keys(method.options).map(flagOf).join(", ") || "none";
      throw new UsageError(`${flagOf(key)} does not apply to ${method.name} (its options: ${own})`);
    }
    values[key] = value === true ? "true" : Array.isArray(value) ? value.join(",") : String(value);
  }
  const checked = z.strictObject(method.options).safeParse(values);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const key = String(issue?.path[0] ?? "");
    throw new UsageError(values[key] === undefined ? `${flagOf(key)} is required for ${method.name}` : `${flagOf(key)}: ${issue?.message ?? "invalid"}, not ${JSON.stringify(values[key])}`);
  }
  return checked.data as MethodOptionValues;
}
