import { parsePeriodParts, periodStart } from "../core/index.ts";

/** The first day after a period, as `YYYY-MM-DD` (its exclusive end). */
export function periodEnd(period: string): string {
  const p = parsePeriodParts(period);
  const start = new Date(`${periodStart(p)}T00:00:00Z`);
  const next = new Date(start);
  switch (p.kind) {
    case "year": next.setUTCFullYear(start.getUTCFullYear() + 1); break;
    case "half": next.setUTCMonth(start.getUTCMonth() + 6); break;
    case "quarter": next.setUTCMonth(start.getUTCMonth() + 3); break;
    case "month": next.setUTCMonth(start.getUTCMonth() + 1); break;
    case "week": next.setUTCDate(start.getUTCDate() + 7); break;
    case "day": next.setUTCDate(start.getUTCDate() + 1); break;
  }
  return next.toISOString().slice(0, 10);
}

/** Whether an ISO date falls within a period (from its first day up to, not including, the day after it). */
export function periodContains(period: string, date: string): boolean {
  return periodStart(parsePeriodParts(period)) <= date && date < periodEnd(period);
}
