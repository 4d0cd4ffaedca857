import { MigmonError, parseFlags } from "../../core/index.ts";
import type { IndicatorResult, IndicatorValue } from "../result.ts";

/** One value of a result as a flat row: breakdown codes in the order of `breakdownDimensions`. */
export interface ResultRow {
  readonly geo: string;
  readonly breakdown: readonly string[];
  readonly period: string;
  readonly value: number | null;
  readonly flags: string;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly notes: readonly string[];
}

/**
 * Names the formats use for their own columns and dimensions (CSV and Parquet columns, JSON-stat `indicator` and
 * `time`, SDMX-CSV `freq`); a breakdown dimension may not take one of them.
 */
export const reservedColumns = ["geo", "period", "value", "flags", "lower", "upper", "notes", "source", "indicator", "time", "freq"] as const;

function cellName(result: IndicatorResult, v: IndicatorValue): string {
  const parts = [`geo ${v.geo}`, `period ${v.period}`];
  for (const [dim, code] of Object.entries(v.breakdown ?? {})) parts.push(`${dim} ${code}`);
  return `${parts.join(", ")} of indicator ${result.indicator.id}`;
}

function checkFigure(result: IndicatorResult, v: IndicatorValue, what: string, x: number | null | undefined): number | null {
  if (x === undefined || x === null) return null;
  if (!Number.isFinite(x)) throw new MigmonError(`${what} is ${x} for ${cellName(result, v)}: a missing figure must be null`);
  return x;
}

/**
 * The values of a result as flat rows, in the result's order, checked so every format can trust them: each
 * value has a code for every breakdown dimension and no other, no cell occurs twice, figures are finite or null
 * (never NaN), and flags are canonical. Throws MigmonError naming the cell and the indicator otherwise.
 */
export function resultRows(result: IndicatorResult): ResultRow[] {
  const dims = result.breakdownDimensions;
  for (const d of dims) {
    if ((reservedColumns as readonly string[]).includes(d)) {
      throw new MigmonError(`breakdown dimension "${d}" of indicator ${result.indicator.id} has the name of a fixed column`);
    }
  }
  if (new Set(dims).size !== dims.length) {
    throw new MigmonError(`indicator ${result.indicator.id} lists a breakdown dimension twice: ${dims.join(", ")}`);
  }
  const seen = new Set<string>();
  return result.values.map((v) => {
    const given = v.breakdown ?? {};
    const extra = Object.keys(given).filter((k) => !dims.includes(k));
    if (extra.length > 0) throw new MigmonError(`breakdown ${extra.join(", ")} is not declared for ${cellName(result, v)}`);
    const breakdown = dims.map((d) => {
      const code = given[d];
      if (code === undefined) throw new MigmonError(`no ${d} code for ${cellName(result, v)}`);
      return code;
    });
    const key = JSON.stringify([v.geo, v.period, ...breakdown]);
    if (seen.has(key)) throw new MigmonError(`two values for ${cellName(result, v)}`);
    seen.add(key);
    return {
      geo: v.geo,
      breakdown,
      period: v.period,
      value: checkFigure(result, v, "value", v.value),
      flags: parseFlags(v.flags),
      lower: checkFigure(result, v, "lower bound", v.lower),
      upper: checkFigure(result, v, "upper bound", v.upper),
      notes: v.notes ?? [],
    };
  });
}

/** Notes of a value in one text field, joined by "; ". */
export function joinNotes(notes: readonly string[]): string {
  return notes.join("; ");
}
