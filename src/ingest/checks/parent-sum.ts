import { MigmonError, comparePeriods, splitSeriesKey } from "../../core/index.ts";
import type { Observation, Period } from "../../core/index.ts";
import { exceedsTolerance } from "./declaration.ts";
import type { ParentSumCheck } from "./declaration.ts";
import type { Hierarchy } from "./hierarchy.ts";
import type { CheckFailure } from "./outcome.ts";

/**
 * Compares every parent with the sum of its children, series by series (the same codes in the other dimensions)
 * and period by period. A parent is judged when it has a value and at least one of its children is in the data
 * for that series and period (a country given only as a whole is not broken down, so nothing is compared). It
 * fails when a child expected by the hierarchy has no value (the sum is then null and the children are named) or
 * when |parent - sum| exceeds the tolerance. Throws MigmonError when the dataset has no such dimension.
 */
export function checkParentSums(
  observations: readonly Observation[], dimensions: readonly string[], check: ParentSumCheck, hierarchy: Hierarchy, dataset: string,
): { compared: number; failures: CheckFailure[] } {
  const d = dimensions.indexOf(check.dimension);
  if (d < 0) throw new MigmonError(`${dataset} has no dimension ${check.dimension} (dimensions: ${dimensions.join(", ")})`);
  const groups = new Map<string, { series: string; period: Period; values: Map<string, number | null> }>();
  for (const o of observations) {
    const codes = splitSeriesKey(o.series);
    const rest = dimensions.map((dim, i) => (i === d ? null : `${dim}=${codes[i]}`)).filter((x) => x !== null).join(",");
    const key = `${rest}|${o.period}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { series: rest, period: o.period, values: new Map() };
      groups.set(key, group);
    }
    group.values.set(codes[d] as string, o.value);
  }
  let compared = 0;
  const failures: CheckFailure[] = [];
  for (const { series, period, values } of groups.values()) {
    const present = new Set(values.keys());
    for (const [parent, value] of values) {
      if (value === null) continue;
      const children = hierarchy.childrenOf(parent, period, present);
      if (children === null || children.length === 0) continue;
      if (!children.some((c) => present.has(c))) continue;
      compared++;
      const missing = children.filter((c) => values.get(c) === undefined || values.get(c) === null);
      if (missing.length > 0) {
        failures.push({ series, unit: parent, period, value, compared: null, difference: null, missing });
        continue;
      }
      const sum = children.reduce((s, c) => s + (values.get(c) as number), 0);
      if (exceedsTolerance(value - sum, value, check.tolerance)) {
        failures.push({ series, unit: parent, period, value, compared: sum, difference: value - sum, missing: [] });
      }
    }
  }
  failures.sort((a, b) => a.series.localeCompare(b.series) || a.unit.localeCompare(b.unit) || comparePeriods(a.period, b.period));
  return { compared, failures };
}
