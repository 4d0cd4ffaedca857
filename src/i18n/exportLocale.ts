import type { CitationSource } from "./citation.ts";
import { citationText } from "./citation.ts";
import type { MessageKey } from "./catalogues/en.ts";
import { formatDate } from "./dateFormat.ts";
import type { Lang } from "./language.ts";
import { formatNumber } from "./numberFormat.ts";
import { t } from "./translate.ts";

/**
 * The words and formats of one language for the exports (src/indicators/export's ExportLocale, which indicators/
 * cannot import from here): catalogue texts, numbers as a spreadsheet of the language reads them (decimal mark,
 * no grouping, every digit), long dates, the CSV list separator Belgian and British spreadsheets expect (`;` for
 * nl and fr, where the decimal mark is a comma; `,` for en), and the citation sentence.
 */
export function exportLocale(lang: Lang) {
  return {
    lang,
    text: (key: MessageKey) => t(lang, key),
    formatNumber: (value: number) => formatNumber(value, lang, { grouping: false }),
    formatDate: (iso: string) => formatDate(iso, lang),
    listSeparator: lang === "en" ? "," : ";",
    citation: (result: CitationSource) => citationText(result, lang),
  };
}
