import type { Lang } from "../i18n/index.ts";
import { describeFlags, formatNumber, t } from "../i18n/index.ts";

/**
 * A figure as readers see it in tooltips and tables: the number in the language's format (with `fractionDigits`
 * decimals when given), or the word for no data when null; its flags spelled out in brackets after it
 * (`43.110 (b: breuk in de reeks)`). Throws FlagError (src/core) for an unknown flag letter.
 */
export function valueText(value: number | null, flags: string, lang: Lang, fractionDigits?: number): string {
  const figure = figureText(value, lang, fractionDigits);
  const described = describeFlags(flags, lang);
  return described === "" ? figure : `${figure} (${described})`;
}

/** A figure alone, in the language's format, or the word for no data when null. */
export function figureText(value: number | null, lang: Lang, fractionDigits?: number): string {
  return value === null ? t(lang, "chart.value.missing") : formatNumber(value, lang, fractionDigits === undefined ? {} : { fractionDigits });
}
