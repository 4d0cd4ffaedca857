import type { DuckDBValue } from "@duckdb/node-api";
import { UsageError } from "../core/index.ts";
import { positionOfPeriod } from "./period-order.ts";
import type { PeriodPosition } from "./period-order.ts";
import type { ObservationPosition } from "./store.ts";

// Keyset paging over rows ordered by `s.series_key, p.period_start, p.period_kind` (the order of Store.query and
// Store.diff): a page starts after the last row of the one before, written as a condition on those columns, so the
// next page is a top-n of what follows instead of a scan to an offset, and rows added before it do not shift it.

function positionOf(period: string): PeriodPosition {
  try {
    return positionOfPeriod(period);
  } catch {
    throw new UsageError(`page after: ${JSON.stringify(period.slice(0, 40))} is not a period`);
  }
}

/**
 * The SQL condition (over series `s` and periods `p`) for the rows after `after` in series key, then period order;
 * its values are added to the statement's parameters through `param`. Throws UsageError when after's period is not
 * a period.
 */
export function rowsAfter(after: ObservationPosition, param: (value: DuckDBValue) => string): string {
  const at = positionOf(after.period);
  const key = param(after.series);
  const start = param(at.start);
  const kind = param(at.kind);
  // The first conjunct repeats part of the second so that DuckDB filters the series table before the join: a later
  // page then joins and sorts only the series from the cursor on.
  return `s.series_key >= ${key} AND (s.series_key > ${key} OR (s.series_key = ${key} AND (p.period_start > ${start}::DATE OR (p.period_start = ${start}::DATE AND p.period_kind > ${kind}))))`;
}
