import { findIndicator } from "../../indicators/catalogue.ts";
import type { EngineContext } from "../../indicators/engine.ts";
import { decimalsOf } from "../../indicators/precision.ts";
import { areaName } from "../../reference/areaNames.ts";
import type { CliContext } from "../context.ts";
import type { Language } from "../options.ts";
import type { TableDisplay } from "./writeResult.ts";

/** How `migmon indicator` and `compare` show an indicator in a table: area names in `lang`, its declared digits. */
export function tableDisplay(ctx: EngineContext, id: string, lang: Language): TableDisplay {
  return { decimals: decimalsOf(findIndicator(ctx.catalogue, id)), nameOf: (code) => areaName(ctx.geography, code, lang) };
}

/** Writes an answer's notes (areas resolved from names, areas or years without figures) to stderr, one per line. */
export function writeNotes(context: CliContext, notes: readonly string[]): void {
  for (const note of notes) context.stderr.write(`migmon: note: ${note}\n`);
}
