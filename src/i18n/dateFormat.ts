import type { Lang } from "./language.ts";
import { localeOf } from "./language.ts";

export type DateStyle = "long" | "short";

const isoDay = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Writes the calendar day of an ISO date or timestamp (`2025-03-14`, `2025-03-14T23:00:00Z`) in the language:
 * long `14 maart 2025` / `14 mars 2025` / `14 March 2025` (French `1er janvier 2025` for a first day), short `14/03/2025` (nl-BE, en-GB) or `14/03/25`
 * (fr-BE). The day is the one written at the start of the text, never shifted by a time zone. Throws RangeError for a text that does not start with a real day.
 */
export function formatDate(iso: string, lang: Lang, style: DateStyle = "long"): string {
  const m = isoDay.exec(iso);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !date || date.toISOString().slice(0, 10) !== m[0]) {
    throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`);
  }
  const text = new Intl.DateTimeFormat(localeOf[lang], { dateStyle: style, timeZone: "UTC" }).format(date);
  // French writes the first day of a month as an ordinal (1er janvier); Intl gives the cardinal.
  return lang === "fr" && style === "long" && date.getUTCDate() === 1 ? text.replace(/^1 /, "1er ") : text;
}

/** The `YYYY-MM-DD` day of an ISO date or timestamp; throws RangeError for a text that does not start with one. */
export function isoDate(iso: string): string {
  const m = isoDay.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${JSON.stringify(iso)}`);
  return m[0];
}
