import { formatPeriod, parsePeriod, parsePeriodParts, periodStart } from "../core/index.ts";
import type { Lang } from "../i18n/index.ts";
import { formatDate, localeOf } from "../i18n/index.ts";

/**
 * The first instant of a period (`2019`, `2019-Q1`, `2019-03`, `2019-W05`, `2019-01-01`) as a UTC Date, which is
 * where a chart places it on a time axis. Throws PeriodError (src/core) for text that is not a period.
 */
export function periodDate(period: string): Date {
  return new Date(`${periodStart(parsePeriodParts(period))}T00:00:00Z`);
}

/**
 * A period written for a reader: a year as `2019`, a month as `maart 2019` / `mars 2019` / `March 2019`, a day as
 * the long date of the language, other periods in canonical form (`2019-Q1`). Throws PeriodError for a non-period.
 */
export function periodLabel(period: string, lang: Lang): string {
  const parts = parsePeriodParts(period);
  switch (parts.kind) {
    case "year": return String(parts.year);
    case "month":
      return new Intl.DateTimeFormat(localeOf[lang], { month: "long", year: "numeric", timeZone: "UTC" }).format(periodDate(period));
    case "day": return formatDate(periodStart(parts), lang, "long");
    case "half": return `${parts.year}-S${parts.sub}`;
    case "quarter": return `${parts.year}-Q${parts.sub}`;
    case "week": return `${parts.year}-W${String(parts.sub).padStart(2, "0")}`;
  }
}

/**
 * The period right after one, in canonical form: `2019` -> `2020`, `2019-12` -> `2020-01`, `2019-Q4` -> `2020-Q1`,
 * `2020-W53` -> `2021-W01`, `2019-12-31` -> `2020-01-01`. Throws PeriodError for a non-period.
 */
export function nextPeriod(period: string): string {
  const p = parsePeriodParts(period);
  const perYear = { half: 2, quarter: 4, month: 12 } as const;
  switch (p.kind) {
    case "year": return formatPeriod({ ...p, year: p.year + 1 });
    case "half":
    case "quarter":
    case "month": {
      const last = p.sub === perYear[p.kind];
      return formatPeriod({ ...p, year: last ? p.year + 1 : p.year, sub: last ? 1 : p.sub + 1 });
    }
    case "day": {
      const next = new Date(periodDate(period).getTime() + 86400000);
      return formatPeriod({ kind: "day", year: next.getUTCFullYear(), sub: next.getUTCMonth() + 1, day: next.getUTCDate() });
    }
    case "week": {
      // The ISO week of the next Monday is the week of its Thursday, counted from that Thursday's year.
      const thursday = new Date(periodDate(period).getTime() + 10 * 86400000);
      const year = thursday.getUTCFullYear();
      const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86400000));
      return formatPeriod({ kind: "week", year, sub: week, day: 0 });
    }
  }
}

/**
 * Whether period `b` follows period `a` with nothing between (`2019` then `2020`, `2019-12` then `2020-01`).
 * A line is broken between periods that do not, so a period absent from a series shows as a gap like a null
 * value. Throws PeriodError for a non-period.
 */
export function followsDirectly(a: string, b: string): boolean {
  return nextPeriod(a) === parsePeriod(b);
}

/**
 * How many periods lie strictly between `a` and a later `b` of the same kind (`2019-03`, `2019-07` -> 3); 0 when
 * `b` is not later or of another kind. Throws PeriodError for a non-period.
 */
export function periodsBetween(a: string, b: string): number {
  const target = parsePeriod(b);
  if (parsePeriodParts(a).kind !== parsePeriodParts(b).kind || periodDate(target) <= periodDate(a)) return 0;
  let count = 0;
  for (let p = nextPeriod(a); p !== target; p = nextPeriod(p)) count += 1;
  return count;
}
