import { parsePeriodParts } from "../core/index.ts";
import type { PeriodKind } from "../core/index.ts";
import { periodStart } from "../core/index.ts";

// The same order as comparePeriods in src/core/period.ts: by first day, then the longer period first.
const kindRank: Record<PeriodKind, number> = { year: 0, half: 1, quarter: 2, month: 3, week: 4, day: 5 };

/** Where a period sorts: its first day (`YYYY-MM-DD`) and the rank of its kind, as stored in the observations. */
export interface PeriodPosition {
  readonly start: string;
  readonly kind: number;
}

/**
 * The sort position of a period, such that ordering by (start, kind) is the order of comparePeriods.
 * Throws PeriodError (from core) for text that is not a period.
 */
export function positionOfPeriod(text: string): PeriodPosition {
  const parts = parsePeriodParts(text);
  return { start: periodStart(parts), kind: kindRank[parts.kind] };
}
