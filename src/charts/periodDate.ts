import { parsePeriodParts, periodStart } from "../core/index.ts";
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
 * Whether period `b` follows period `a` with nothing between (`2019` then `2020`, `2019-12` then `2020-01`):
 * both of one kind and `b` starts where `a` ends. A line is broken between periods that do not, so a period
 * absent from a series shows as a gap like a null value. Throws PeriodError for a non-period.
 */
export function followsDirectly(a: string, b: string): boolean {
  const pa = parsePeriodParts(a);
  const pb = parsePeriodParts(b);
  if (pa.kind !== pb.kind) return false;
  const start = periodDate(a);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth();
  const d = start.getUTCDate();
  const end = {
    year: Date.UTC(y + 1, 0, 1),
    half: Date.UTC(y, m + 6, 1),
    quarter: Date.UTC(y, m + 3, 1),
    month: Date.UTC(y, m + 1, 1),
    week: Date.UTC(y, m, d + 7),
    day: Date.UTC(y, m, d + 1),
  }[pa.kind];
  return periodDate(b).getTime() === end;
}
