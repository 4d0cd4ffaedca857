// Where a dated event falls on a series' periods: the rule that turns an in-force date into the first period
// under the event, and the distance in periods between two such places.
import { MigmonError, parsePeriodParts, periodOrdinal, periodStart, periodsPerYear } from "../core/index.ts";
import type { Period } from "../core/index.ts";
import { dateStart } from "../events/dates.ts";

/** The periods of a regular series, read once, with the rule that places a date among them. */
export interface PeriodAxis {
  /** Observations per year (1, 2, 4, 12), or null for dated stocks (`2015-01-01`) and weeks. */
  readonly frequency: number | null;
  /**
   * The position of the first period under an event in force from `date` (YYYY, YYYY-MM or YYYY-MM-DD; a coarse
   * date counts from its first day): for years, halves, quarters and months, the first period in which the event
   * is in force for at least half of its days; for dated stocks and weeks, the first period starting on or after
   * the date. Positions outside 0..n-1 are returned as they fall (negative before the series, n or more after).
   */
  firstPeriodInForce(date: string): number;
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** The first day of the period with this ordinal, as a day number. */
function startOfOrdinal(o: number, frequency: number): number {
  const year = Math.floor(o / frequency);
  const monthsPer = 12 / frequency;
  return Date.UTC(year, (o - year * frequency) * monthsPer, 1) / 86_400_000;
}

/**
 * Reads the periods of a regular series (consecutive years, halves, quarters or months, or dated stocks and
 * weeks in order) into a PeriodAxis. Throws MigmonError naming the series when it is empty, mixes period kinds
 * or (for interval kinds) skips a period: missing figures must be present as null values, not absent periods.
 */
export function readPeriodAxis(label: string, periods: readonly Period[]): PeriodAxis {
  const parts = periods.map((p) => parsePeriodParts(p));
  const first = parts[0];
  if (first === undefined) throw new MigmonError(`assess: ${label} has no periods`);
  const mixed = parts.find((p) => p.kind !== first.kind);
  if (mixed !== undefined) throw new MigmonError(`assess: ${label} mixes ${first.kind} and ${mixed.kind} periods`);
  // Days and weeks have no fixed count per year: they are read as points and steps.
  const frequency = periodsPerYear(first.kind);
  if (frequency !== null) {
    const base = periodOrdinal(first);
    parts.forEach((p, i) => {
      if (periodOrdinal(p) !== base + i) throw new MigmonError(`assess: ${label} is not regular at ${periods[i]}: every period from the first to the last must be present (null when missing)`);
    });
    return {
      frequency,
      firstPeriodInForce(date: string): number {
        const day = dayNumber(dateStart(date));
        const year = Math.floor(day * 86_400_000 / (365.2425 * 86_400_000)) + 1970;
        // The ordinal of the period that contains the date, found from its year and stepped to be exact.
        let o = year * frequency;
        while (startOfOrdinal(o, frequency) > day) o -= 1;
        while (startOfOrdinal(o + 1, frequency) <= day) o += 1;
        const start = startOfOrdinal(o, frequency);
        const length = startOfOrdinal(o + 1, frequency) - start;
        const inForce = start + length - day;
        const chosen = 2 * inForce >= length ? o : o + 1;
        return chosen - base;
      },
    };
  }
  const starts = parts.map((p) => dayNumber(periodStart(p)));
  starts.forEach((s, i) => {
    if (i > 0 && s <= (starts[i - 1] as number)) throw new MigmonError(`assess: ${label} is not in period order at ${periods[i]}`);
  });
  return {
    frequency: null,
    firstPeriodInForce(date: string): number {
      const day = dayNumber(dateStart(date));
      const at = starts.findIndex((s) => s >= day);
      return at < 0 ? starts.length : at;
    },
  };
}
