import type { Lang } from "./language.ts";
import { localeOf } from "./language.ts";

export interface NumberFormatOptions {
  /** Fixed number of decimals; when absent, every digit needed to give the value back exactly is written. */
  readonly fractionDigits?: number;
  /** Thousands separators (`1.234,5` in nl-BE); off for files a spreadsheet must read as numbers. Default on. */
  readonly grouping?: boolean;
}

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, options: NumberFormatOptions): Intl.NumberFormat {
  const grouping = options.grouping ?? true;
  const key = `${lang}|${options.fractionDigits ?? "all"}|${grouping}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(localeOf[lang], {
      useGrouping: grouping,
      minimumFractionDigits: options.fractionDigits ?? 0,
      maximumFractionDigits: options.fractionDigits ?? 20,
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * Writes a number the way a reader of the language expects it, through Intl: nl-BE `1.234,5`, fr-BE `1 234,5`
 * (the grouping character is U+202F, the narrow no-break space), en-GB `1,234.5`. Without `fractionDigits` the
 * shortest digits that give the same double back are written. Throws RangeError for NaN or an infinity, which
 * are never data (a missing value is null and is written by the caller).
 */
export function formatNumber(value: number, lang: Lang, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot format ${value} as a figure`);
  return formatter(lang, options).format(value);
}
