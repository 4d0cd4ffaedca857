// The shape of one analysis method as the registry declares it, once for the command line and the API: its id,
// its options as zod schemas (the descriptions are the --help and OpenAPI texts), the input it reads and how it
// runs. The CLI and the server only read an input and print or serve the answer.
import type { z } from "zod";
import type { Period } from "../../core/index.ts";

/** The three input layouts, named by the header of their CSV. */
export type InputShape = "series" | "pair" | "panel";

/** The CSV header of each layout (the CLI's --input), in column order. */
export const shapeColumns: Record<InputShape, readonly string[]> = {
  series: ["period", "value"],
  pair: ["period", "y", "x"],
  panel: ["unit", "period", "value"],
};

/**
 * A regular series as every method reads it, wherever it came from (a CSV, the store, an indicator): every period
 * from the first to the last, a period without a figure being null (never 0). `columns` holds `value` for one
 * series, `y` and `x` for a pair; `lines` the CSV line of each period when read from a file.
 */
export interface MethodSeries {
  /** Names the series in messages: a file name, `<dataset> <series key>` or `<indicator> <geo>`. */
  readonly label: string;
  readonly periods: readonly Period[];
  readonly columns: Readonly<Record<string, readonly (number | null)[]>>;
  readonly lines: readonly (number | null)[];
  /** Observations per year (12, 4, 2, 1), null for weeks and days. */
  readonly frequency: number | null;
}

/** A panel: one row per unit and period, missing values null. */
export interface MethodPanel {
  readonly label: string;
  readonly rows: readonly { readonly unit: string; readonly period: Period; readonly value: number | null }[];
}

/** The input a method receives, read according to its shape. */
export type MethodInput =
  | { readonly shape: "series"; readonly series: MethodSeries }
  | { readonly shape: "pair"; readonly series: MethodSeries }
  | { readonly shape: "panel"; readonly panel: MethodPanel };

/**
 * The options as both front ends hand them over after validation by the method's schemas: text, flags as "true"
 * or "false", a repeated option joined by ",".
 */
export type MethodOptionValues = Readonly<Record<string, string | undefined>>;

/** How the caller spells an option in messages: `--max-lag` on the command line, `query parameter maxLag` in the API. */
export type OptionSpelling = (key: string) => string;

/** A table row for the terminal. */
export type MethodRow = Readonly<Record<string, string | number | null>>;

/** What a method answers: the JSON fields (the contract of issue 7), tables for the terminal, the reading. */
export interface MethodOutput {
  readonly json: Record<string, unknown>;
  /** Quantity / value lines printed as a table without --json. */
  readonly summary: readonly MethodRow[];
  /** An optional longer table (lags, segments, weights, components). */
  readonly detail?: { readonly columns: readonly string[]; readonly rows: readonly MethodRow[] };
  readonly reading: string;
}

/** One method of the registry. */
export interface AnalysisMethod {
  /** The id: the CLI subcommand argument and the API path /api/analysis/{id}. */
  readonly name: string;
  readonly summary: string;
  readonly shape: InputShape;
  /** The method's own options, each a zod schema of the text given, described (every one optional or required). */
  readonly options: z.ZodRawShape;
  readonly run: (input: MethodInput, options: MethodOptionValues, spell: OptionSpelling) => MethodOutput;
}
