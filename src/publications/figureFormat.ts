// How a figure of an indicator is written in a sentence or a table cell: the decimals its unit calls for, in the
// language's number format (src/i18n), with its unit sign; and how a period is said ("op 1 januari 2015", "in 2024").
import { periodLabel } from "../charts/index.ts";
import { formatNumber } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { PhraseBook } from "./templateSchema.ts";
import { phrase } from "./phrases.ts";

/** Decimals written for a unit of data/indicators: none for counts, one for percentages and rates, two for indices. */
export function digitsOfUnit(unit: string): number {
  if (unit === "persons" || unit === "permits" || unit === "nationalities") return 0;
  if (unit === "nats" || unit === "probability" || unit === "groups") return 2;
  return 1;
}

/** A figure with its unit sign: `504.130`, `7,8 %` (a no-break space before % in nl and fr), `3,2 ‰`, `4,5 pp`. */
export function formatFigure(value: number, unit: string, lang: Lang, book: PhraseBook): string {
  const digits = digitsOfUnit(unit);
  const number = formatNumber(value, lang, { fractionDigits: digits });
  if (unit === "percent") return phrase(book, lang, "change.percent", { value: number });
  if (unit === "percentage points") return phrase(book, lang, "change.points", { value: number }, { count: Math.abs(Number(value.toFixed(digits))) });
  if (unit.startsWith("per 1,000")) return `${number}\u00a0‰`;
  return number;
}

/** A figure in a table cell: the number in the unit's decimals, without the unit (the caption states it). */
export function cellFigure(value: number, unit: string, lang: Lang): string {
  return formatNumber(value, lang, { fractionDigits: digitsOfUnit(unit) });
}

/** A signed change with its sign always written: `+26,0 %`, `−1,2 procentpunten` (U+2212 minus, as typeset). */
export function formatSigned(text: string, value: number): string {
  const bare = text.replace(/^[-\u2212]/, "");
  return `${value > 0 ? "+" : value < 0 ? "\u2212" : "±"}${bare}`;
}

/** A period as readers write it: `1 januari 2015`, `maart 2025`, `2024`. */
export function periodText(period: string, lang: Lang): string {
  return periodLabel(period, lang);
}

/** A period with its preposition: `op 1 januari 2015` / `au 1er janvier 2015` for a day, `in 2024` / `en 2024` otherwise. */
export function periodPhrase(period: string, lang: Lang, book: PhraseBook): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(period)
    ? phrase(book, lang, "period.on", { date: periodText(period, lang) })
    : phrase(book, lang, "period.in", { period: periodText(period, lang) });
}
