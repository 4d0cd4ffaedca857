import { InputError, comparePeriods } from "../core/index.ts";
import { dropMissing } from "./missing.ts";

/** A long panel (unit, period, value), one row per observation, as read from `unit,period,value` CSV. */
export interface Panel {
  readonly unit: readonly string[];
  readonly period: readonly string[];
  readonly value: Float64Array;
}

/** One row of a panel as it comes in, missing values as null. */
export interface PanelRow {
  readonly unit: string;
  readonly period: string;
  readonly value: number | null;
}

/** A panel as a unit x period grid: units sorted as strings, periods in time order, null where absent. */
export interface PanelGrid {
  readonly units: readonly string[];
  readonly periods: readonly string[];
  /** values[u][t] for units[u] and periods[t]. */
  readonly values: readonly (readonly (number | null)[])[];
}

/**
 * Builds a Panel from rows with missing values, dropping the rows whose value is null through dropMissing (the
 * one rule of the analysis for missing values) and reporting how many were dropped.
 * @throws MigmonError from dropMissing when a value is NaN or infinite.
 */
export function buildPanel(rows: readonly PanelRow[]): { readonly panel: Panel; readonly dropped: number } {
  const { columns, kept, dropped } = dropMissing(rows.map((r) => r.value));
  const keptRows = Array.from(kept, (i) => rows[i]!);
  return { panel: { unit: keptRows.map((r) => r.unit), period: keptRows.map((r) => r.period), value: columns[0] }, dropped };
}

/**
 * Arranges a Panel as a unit x period grid (periods ordered with comparePeriods).
 * @throws InputError when the arrays differ in length, a value is not finite, or a unit has two values for one
 *   period.
 */
export function arrangePanel(panel: Panel, series = "panel"): PanelGrid {
  const n = panel.value.length;
  if (panel.unit.length !== n || panel.period.length !== n) {
    throw new InputError(series, undefined, `unit (${panel.unit.length}), period (${panel.period.length}) and value (${n}) differ in length`);
  }
  const bad = panel.value.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InputError(series, undefined, `value of row ${bad} is not a finite number`);
  const units = [...new Set(panel.unit)].sort();
  const periods = [...new Set(panel.period)].sort(comparePeriods);
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const values = units.map(() => new Array<number | null>(periods.length).fill(null));
  for (let i = 0; i < n; i++) {
    const row = values[unitIndex.get(panel.unit[i]!)!]!;
    const t = periodIndex.get(panel.period[i]!)!;
    if (row[t] !== null) throw new InputError(series, undefined, `unit "${panel.unit[i]}" has two values for period ${panel.period[i]}`);
    row[t] = panel.value[i]!;
  }
  return { units, periods, values };
}
