import { MigmonError, comparePeriods, formatPeriod, parsePeriodParts, splitSeriesKey } from "../../core/index.ts";
import type { Observation, Period } from "../../core/index.ts";
import { exceedsTolerance } from "./declaration.ts";
import type { CrossSourceCheck } from "./declaration.ts";
import type { CheckFailure } from "./outcome.ts";

/** One side of a comparison: a dataset's selected observations and how to reduce them to one value per unit and period. */
export interface ComparedSide {
  readonly dataset: string;
  readonly dimensions: readonly string[];
  readonly observations: readonly Observation[];
  /** Add up all selected series per unit and period; otherwise there must be one. */
  readonly sum: boolean;
}

interface Reduced {
  value: number | null;
  series: Set<string>;
}

/**
 * Compares this dataset's figures with another dataset's, unit by unit (the codes of the `match` dimensions, or
 * one total each) and period by period, where both have a value. A pair fails when |this - other| exceeds the
 * tolerance, a relative one being taken of the other dataset's value. Throws MigmonError when a side selects
 * several series for one unit and period without `sum`, when a `match` dimension is missing, or when
 * `alignPeriods: year` meets a period that is neither a year nor 1 January.
 */
export function compareSources(check: CrossSourceCheck, self: ComparedSide, other: ComparedSide, seriesLabel: string): { compared: number; failures: CheckFailure[] } {
  const mine = reduceSide(check, self);
  const theirs = reduceSide(check, other);
  let compared = 0;
  const failures: CheckFailure[] = [];
  for (const [key, reduced] of mine) {
    const counterpart = theirs.get(key);
    if (reduced.value === null || counterpart === undefined || counterpart.value === null) continue;
    compared++;
    const difference = reduced.value - counterpart.value;
    if (exceedsTolerance(difference, counterpart.value, check.tolerance)) {
      const [unit, period] = key.split("|") as [string, Period];
      failures.push({ series: seriesLabel, unit, period, value: reduced.value, compared: counterpart.value, difference, missing: [] });
    }
  }
  failures.sort((a, b) => a.unit.localeCompare(b.unit) || comparePeriods(a.period, b.period));
  return { compared, failures };
}

function reduceSide(check: CrossSourceCheck, side: ComparedSide): Map<string, Reduced> {
  const positions = check.match.map((m) => {
    const i = side.dimensions.indexOf(m);
    if (i < 0) throw new MigmonError(`${side.dataset} has no dimension ${m} to match on (dimensions: ${side.dimensions.join(", ")})`);
    return i;
  });
  const out = new Map<string, Reduced>();
  for (const o of side.observations) {
    const codes = splitSeriesKey(o.series);
    const unit = positions.map((i) => codes[i]).join(".");
    const key = `${unit}|${alignPeriod(o.period, check.alignPeriods, side.dataset)}`;
    let reduced = out.get(key);
    if (reduced === undefined) {
      reduced = { value: 0, series: new Set() };
      out.set(key, reduced);
    }
    reduced.series.add(o.series);
    if (reduced.series.size > 1 && !side.sum) {
      throw new MigmonError(`the filter selects several series of ${side.dataset} for ${unit || "the total"} in ${o.period} ` +
        `(${[...reduced.series].slice(0, 3).join(", ")}, ...): narrow the filter or set sum: true`);
    }
    reduced.value = reduced.value === null || o.value === null ? null : reduced.value + o.value;
  }
  return out;
}

function alignPeriod(period: Period, align: CrossSourceCheck["alignPeriods"], dataset: string): Period {
  if (align === "as-published") return period;
  const parts = parsePeriodParts(period);
  if (parts.kind === "year") return period;
  if (parts.kind === "day" && parts.sub === 1 && parts.day === 1) return formatPeriod({ kind: "year", year: parts.year, sub: 0, day: 0 });
  throw new MigmonError(`alignPeriods: year cannot align period ${period} of ${dataset}: only years and 1 January stocks`);
}
