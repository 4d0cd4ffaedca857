/**
 * Event dates are kept at the precision a source states (`2011-09-22`, `2011-09` or `2011`). These compare
 * them as intervals: a coarse date covers its whole month or year.
 */

/** The first day a date covers, as `YYYY-MM-DD`. */
export function dateStart(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** The last day a date covers, as `YYYY-MM-DD` (month lengths from the calendar). */
export function dateEnd(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, "0")}`;
  }
  return date;
}

/** Whether `earlier` can be on or before `later` given their precision (some day of one is <= some day of the other). */
export function canPrecede(earlier: string, later: string): boolean {
  return dateStart(earlier) <= dateEnd(later);
}
