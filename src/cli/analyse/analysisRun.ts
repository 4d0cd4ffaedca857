// The shapes shared by the methods of `migmon analyse`: the options as commander hands them over, what a method
// returns for printing, and the checks every method makes on its input series.
import { InputError, UsageError } from "../../core/index.ts";
import { dropMissing } from "../../analysis/missing.ts";
import { parsePeriodOption } from "../options.ts";
import type { Row } from "../output.ts";
import type { InputShape, PanelInput, RegularSeries } from "./analysisInput.ts";

/** The options of `migmon analyse` as commander parses them (every one declared once in commands/analyse.ts). */
export interface AnalyseOptions {
  readonly input?: string;
  readonly indicator?: string;
  readonly geo?: string;
  readonly json?: boolean;
  readonly event?: string;
  readonly lag?: string;
  readonly seasonal?: boolean;
  readonly model?: string;
  readonly at?: string;
  readonly trim?: string;
  readonly max?: string;
  readonly trend?: boolean;
  readonly cost?: string;
  readonly penalty?: string;
  readonly minseg?: string;
  readonly maxLag?: string;
  readonly prewhiten?: boolean;
  readonly order?: string;
  readonly regression?: string;
  readonly lags?: string;
  readonly treated?: readonly string[];
  readonly window?: string;
  readonly robust?: boolean;
  readonly lambda?: string;
  readonly limit?: string;
  readonly baseline?: string;
  readonly horizon?: string;
  readonly levels?: string;
}

/** What a method hands back: the JSON object (the contract's field names), tables for the terminal, the reading. */
export interface MethodOutput {
  readonly json: Record<string, unknown>;
  /** Quantity / value lines printed as a table without --json. */
  readonly summary: readonly Row[];
  /** An optional longer table (lags, segments, weights, components). */
  readonly detail?: { readonly columns: readonly string[]; readonly rows: readonly Row[] };
  readonly reading: string;
}

/** The input a method receives, read according to its shape. */
export type MethodInput =
  | { readonly shape: "series"; readonly series: RegularSeries; readonly source: string }
  | { readonly shape: "pair"; readonly series: RegularSeries; readonly source: string }
  | { readonly shape: "panel"; readonly panel: PanelInput; readonly source: string };

/** One method of the command: its input layout, the options it accepts and how it runs. */
export interface AnalysisMethod {
  readonly name: string;
  readonly summary: string;
  readonly shape: InputShape;
  /** The option keys (of AnalyseOptions) this method reads; any other method option is a usage error. */
  readonly options: readonly (keyof AnalyseOptions)[];
  readonly run: (input: MethodInput, options: AnalyseOptions) => MethodOutput;
}

/** The complete values of the named columns with their period positions, after dropMissing. */
export interface CompleteColumns {
  readonly columns: readonly Float64Array[];
  readonly kept: Int32Array;
}

/**
 * Drops missing values through dropMissing (the analysis' one rule). Unless gaps are allowed, the kept values must
 * be consecutive periods: missing values at the start or end are dropped, one inside is an InputError naming the
 * period (and its line when the file has one).
 */
export function completeColumns(method: string, series: RegularSeries, source: string, names: readonly string[], allowGaps = false): CompleteColumns {
  const { columns, kept } = dropMissing(...names.map((n) => series.columns[n] ?? []));
  if (!allowGaps) {
    for (let i = 1; i < kept.length; i++) {
      const before = kept[i - 1] as number;
      if ((kept[i] as number) !== before + 1) {
        const gap = before + 1;
        throw new InputError(
          source,
          series.lines[gap] ?? undefined,
          `${method} needs consecutive periods, but ${series.periods[gap]} has no value (a method over lags cannot skip a gap)`,
        );
      }
    }
  }
  return { columns, kept };
}

/** The position of a period option in the series, or a UsageError naming the option and the range. */
export function periodPosition(option: string, value: string | undefined, series: RegularSeries): number {
  const period = parsePeriodOption(option, value);
  if (period === undefined) throw new UsageError(`${option} is required for this method`);
  const position = series.periods.indexOf(period);
  if (position < 0) {
    throw new UsageError(`${option} ${period} is not a period of the input (${series.periods[0]} to ${series.periods[series.periods.length - 1]})`);
  }
  return position;
}

/** Reads a whole-number option; UsageError naming the option. */
export function integerOption(option: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** Reads a decimal option; UsageError naming the option. */
export function numberOption(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new UsageError(`${option} must be a number, not ${JSON.stringify(value)}`);
  return n;
}

/** Reads an option with a fixed set of values; UsageError listing them. */
export function choiceOption<T extends string>(option: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${option} must be ${choices.join(", ")}, not ${JSON.stringify(value)}`);
  return value as T;
}

/** Rounds a number for the terminal table (the JSON keeps full precision). */
export function shown(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(6));
}
