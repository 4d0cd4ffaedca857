// Building a MethodSeries from values already laid out on their calendar (the store, an indicator), and the
// checks every method makes on its input: complete values through dropMissing, periods named in options.
import { InputError, UsageError, parsePeriod, parsePeriodParts, periodAtOrdinal, periodOrdinal, periodsPerYear } from "../../core/index.ts";
import type { Period } from "../../core/index.ts";
import { dropMissing } from "../missing.ts";
import type { MethodInput, MethodSeries, OptionSpelling } from "./methodTypes.ts";

/** Values on consecutive periods (as layOutSeries gives them), one list per column name. */
export interface LaidOutColumn {
  readonly periods: readonly Period[];
  readonly values: readonly (number | null)[];
}

/**
 * A MethodSeries from columns laid out on one calendar each (layOutSeries), aligned on the periods from the
 * earliest first to the latest last: a period one column lacks is null there. Weeks and days cannot be aligned
 * and must have the same periods in every column. Throws InputError naming the label when the kinds differ.
 * @example seriesOfColumns("BE", { value: { periods: ["2019", "2020"], values: [1, null] } }).frequency // 1
 */
export function seriesOfColumns(label: string, columns: Readonly<Record<string, LaidOutColumn>>): MethodSeries {
  const entries = Object.entries(columns);
  const firsts = entries.map(([name, c]) => ({ name, parts: c.periods[0] === undefined ? null : parsePeriodParts(c.periods[0]) }));
  const kind = firsts.find((f) => f.parts !== null)?.parts?.kind;
  const other = firsts.find((f) => f.parts !== null && f.parts.kind !== kind);
  if (other !== undefined) throw new InputError(label, undefined, `${other.name} has ${other.parts?.kind} periods, the other series ${kind} periods`);
  const frequency = kind === undefined ? null : periodsPerYear(kind);
  if (frequency === null || kind === undefined) {
    const periods = entries[0]?.[1].periods ?? [];
    for (const [name, c] of entries) {
      if (c.periods.join() !== periods.join()) throw new InputError(label, undefined, `${name} does not have the same ${kind ?? ""} periods as the other series`);
    }
    return { label, periods, columns: Object.fromEntries(entries.map(([n, c]) => [n, c.values])), lines: periods.map(() => null), frequency };
  }
  const ordinals = entries.flatMap(([, c]) => (c.periods.length === 0 ? [] : [periodOrdinal(parsePeriodParts(c.periods[0] as Period)), periodOrdinal(parsePeriodParts(c.periods[c.periods.length - 1] as Period))]));
  const first = Math.min(...ordinals);
  const length = Math.max(...ordinals) - first + 1;
  const out: Record<string, (number | null)[]> = {};
  for (const [name, c] of entries) {
    const values = new Array<number | null>(length).fill(null);
    const start = c.periods[0] === undefined ? 0 : periodOrdinal(parsePeriodParts(c.periods[0])) - first;
    c.values.forEach((v, i) => (values[start + i] = v));
    out[name] = values;
  }
  const periods = Array.from({ length }, (_, i) => periodAtOrdinal(kind, first + i));
  return { label, periods, columns: out, lines: periods.map(() => null), frequency };
}

/** The complete values of the named columns with their period positions, after dropMissing. */
export interface CompleteColumns {
  readonly columns: readonly Float64Array[];
  readonly kept: Int32Array;
}

/**
 * Drops missing values through dropMissing (the analysis' one rule). Unless gaps are allowed, the kept values must
 * be consecutive periods: missing values at the start or end are dropped, one inside is an InputError naming the
 * period (and its line when the input is a file), since a method over lags cannot skip it without shifting them.
 */
export function completeColumns(method: string, series: MethodSeries, names: readonly string[], allowGaps = false): CompleteColumns {
  const { columns, kept } = dropMissing(...names.map((n) => series.columns[n] ?? []));
  if (!allowGaps) {
    for (let i = 1; i < kept.length; i++) {
      const before = kept[i - 1] as number;
      if ((kept[i] as number) !== before + 1) {
        const gap = before + 1;
        throw new InputError(series.label, series.lines[gap] ?? undefined, `${method} needs consecutive periods, but ${series.periods[gap]} has no value (a method over lags cannot skip a gap)`);
      }
    }
  }
  return { columns, kept };
}

/** The complete values of a one-series input and the period position of each. */
export interface OneSeries {
  readonly y: Float64Array;
  readonly kept: Int32Array;
  readonly series: MethodSeries;
}

/** The complete values of a one-series input (completeColumns). Throws UsageError for another input shape. */
export function oneSeries(method: string, input: MethodInput, allowGaps = false): OneSeries {
  if (input.shape !== "series") throw new UsageError(`${method} reads one series (period,value)`);
  const { columns, kept } = completeColumns(method, input.series, ["value"], allowGaps);
  return { y: columns[0] as Float64Array, kept, series: input.series };
}

/** The period of a 0-based position in the complete (consecutive) values, or null outside them. */
export function periodAt(s: OneSeries, index: number): Period | null {
  if (index < 0 || index >= s.y.length) return null;
  return s.series.periods[(s.kept[0] as number) + index] ?? null;
}

/** The periods of the complete (consecutive) values. */
export function periodsOf(s: OneSeries): Period[] {
  return s.series.periods.slice(s.kept[0] as number, (s.kept[0] as number) + s.y.length);
}

/**
 * The position in the series of the period given in option `key` (validated by its schema). Throws UsageError
 * naming the option when the period is not one of the series (or, unless `anyPeriod`, has no value).
 */
export function periodPosition(key: string, text: string | undefined, s: OneSeries, spell: OptionSpelling, anyPeriod = false): number {
  if (text === undefined) throw new UsageError(`${spell(key)} is required`);
  const period = parsePeriod(text);
  const position = s.series.periods.indexOf(period);
  const observed = position >= 0 && (anyPeriod || s.kept.includes(position));
  if (!observed) {
    throw new UsageError(`${spell(key)}: ${period} is not an observed period of ${s.series.label} (${periodAt(s, 0)} to ${s.series.periods[s.kept[s.kept.length - 1] ?? 0]})`);
  }
  return position;
}

/** The 0-based index among the complete consecutive values of a period option (periodPosition). */
export function indexOfOption(key: string, text: string | undefined, s: OneSeries, spell: OptionSpelling): number {
  return periodPosition(key, text, s, spell) - (s.kept[0] as number);
}

/** Rounds a number for the terminal table (the JSON keeps full precision). */
export function shown(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(6));
}
