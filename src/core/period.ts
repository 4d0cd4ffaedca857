import type { Brand } from "./brand.ts";
import { MigmonError, excerpt } from "./errors.ts";

/**
 * A reference period in canonical form: `2019` (year), `2019-S1` (half year), `2019-Q1` (quarter),
 * `2019-03` (month), `2019-W05` (ISO week), `2019-01-01` (a day, e.g. a stock on a date).
 */
export type Period = Brand<string, "Period">;

export type PeriodKind = "year" | "half" | "quarter" | "month" | "week" | "day";

export interface PeriodParts {
  readonly kind: PeriodKind;
  readonly year: number;
  /** Half, quarter, month or week number; 0 for a year; for a day, the month. */
  readonly sub: number;
  /** The day of the month for a day, else 0. */
  readonly day: number;
}

/** Thrown when a period cannot be read; the caller adds the file and line. */
export class PeriodError extends MigmonError {}

const patterns: ReadonlyArray<[RegExp, PeriodKind]> = [
  [/^(\d{4})$/, "year"],
  [/^(\d{4})-?S([12])$/, "half"],
  [/^(\d{4})-?Q([1-4])$/, "quarter"],
  [/^(\d{4})-?M?(\d{2})$/, "month"],
  [/^(\d{4})-?W(\d{2})$/, "week"],
  [/^(\d{4})-(\d{2})-(\d{2})$/, "day"],
];

/**
 * Reads a period in any of the forms publishers write (`2019`, `2019Q1`, `2019-Q1`, `2019M03`, `2019-03`,
 * `2019-W05`, `2019-01-01`) into its parts. Throws PeriodError for anything else.
 */
export function parsePeriodParts(text: string): PeriodParts {
  const trimmed = text.trim();
  for (const [re, kind] of patterns) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const year = Number(m[1]);
    const sub = m[2] === undefined ? 0 : Number(m[2]);
    const day = m[3] === undefined ? 0 : Number(m[3]);
    if (kind === "month" && (sub < 1 || sub > 12)) break;
    if (kind === "week" && (sub < 1 || sub > 53)) break;
    if (kind === "day" && !isRealDay(year, sub, day)) break;
    return { kind, year, sub, day };
  }
  throw new PeriodError(`not a period: ${excerpt(text)}`);
}

function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Whether a text is a period in any publisher's form (parsePeriodParts accepts it).
 * @example isPeriod("2019-Q1") // true
 */
export function isPeriod(text: string): boolean {
  try {
    parsePeriodParts(text);
    return true;
  } catch {
    return false;
  }
}

/** Writes period parts in canonical form. */
export function formatPeriod(p: PeriodParts): Period {
  const y = String(p.year).padStart(4, "0");
  const two = (n: number) => String(n).padStart(2, "0");
  switch (p.kind) {
    case "year": return y as Period;
    case "half": return `${y}-S${p.sub}` as Period;
    case "quarter": return `${y}-Q${p.sub}` as Period;
    case "month": return `${y}-${two(p.sub)}` as Period;
    case "week": return `${y}-W${two(p.sub)}` as Period;
    case "day": return `${y}-${two(p.sub)}-${two(p.day)}` as Period;
  }
}

/** Reads a period in any publisher's form and returns it in canonical form. Throws PeriodError. */
export function parsePeriod(text: string): Period {
  return formatPeriod(parsePeriodParts(text));
}

/** The first day of a period, as `YYYY-MM-DD` (ISO weeks start on Monday). */
export function periodStart(p: PeriodParts): string {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  switch (p.kind) {
    case "year": return iso(new Date(Date.UTC(p.year, 0, 1)));
    case "half": return iso(new Date(Date.UTC(p.year, (p.sub - 1) * 6, 1)));
    case "quarter": return iso(new Date(Date.UTC(p.year, (p.sub - 1) * 3, 1)));
    case "month": return iso(new Date(Date.UTC(p.year, p.sub - 1, 1)));
    case "day": return iso(new Date(Date.UTC(p.year, p.sub - 1, p.day)));
    case "week": {
      const jan4 = new Date(Date.UTC(p.year, 0, 4));
      const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000;
      return iso(new Date(monday + (p.sub - 1) * 7 * 86400000));
    }
  }
}

const kindOrder: Record<PeriodKind, number> = { year: 0, half: 1, quarter: 2, month: 3, week: 4, day: 5 };

/**
 * Orders periods by their first day, then the longer period first (so `2019` sorts before `2019-Q1`).
 * Canonical periods of one kind also sort correctly as plain strings; this comparator handles mixed kinds.
 */
export function comparePeriods(a: Period | string, b: Period | string): number {
  const pa = parsePeriodParts(a);
  const pb = parsePeriodParts(b);
  const sa = periodStart(pa);
  const sb = periodStart(pb);
  if (sa !== sb) return sa < sb ? -1 : 1;
  return kindOrder[pa.kind] - kindOrder[pb.kind];
}

const perYear: Partial<Record<PeriodKind, number>> = { year: 1, half: 2, quarter: 4, month: 12 };

/**
 * Periods per year of a kind on a regular calendar (year 1, half 2, quarter 4, month 12); null for weeks and days,
 * which have no fixed count per year and are kept as observed.
 * @example periodsPerYear("quarter") // 4
 */
export function periodsPerYear(kind: PeriodKind): number | null {
  return perYear[kind] ?? null;
}

/**
 * The position of a year, half, quarter or month on its kind's calendar (consecutive periods differ by 1), so
 * that the distance between two periods of one kind is a subtraction. Throws PeriodError for weeks and days.
 * @example periodOrdinal(parsePeriodParts("2020-Q1")) - periodOrdinal(parsePeriodParts("2019-Q4")) // 1
 */
export function periodOrdinal(p: PeriodParts): number {
  const frequency = perYear[p.kind];
  if (frequency === undefined) throw new PeriodError(`a ${p.kind} period has no place on a regular calendar: ${formatPeriod(p)}`);
  return p.year * frequency + (frequency === 1 ? 0 : p.sub - 1);
}

/**
 * The period of a kind at an ordinal (the inverse of periodOrdinal). Throws PeriodError for weeks and days.
 * @example periodAtOrdinal("month", periodOrdinal(parsePeriodParts("2019-12")) + 1) // "2020-01"
 */
export function periodAtOrdinal(kind: PeriodKind, ordinal: number): Period {
  const frequency = perYear[kind];
  if (frequency === undefined) throw new PeriodError(`a ${kind} period has no place on a regular calendar`);
  const year = Math.floor(ordinal / frequency);
  return formatPeriod({ kind, year, sub: frequency === 1 ? 0 : ordinal - year * frequency + 1, day: 0 });
}

/**
 * The period `steps` after a year, half, quarter or month (its successor for 1). Throws PeriodError for weeks
 * and days, which the project does not step through.
 * @example periodAfter("2019-Q4", 1) // "2020-Q1"
 */
export function periodAfter(period: Period | string, steps = 1): Period {
  const p = parsePeriodParts(period);
  return periodAtOrdinal(p.kind, periodOrdinal(p) + steps);
}
