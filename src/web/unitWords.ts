// The unit of an indicator in the page's language: data/indicators states it in English (`persons`, `per 1,000
// inhabitants`), the catalogue keys `web.unit.<unit>` give it in nl, fr and en; a unit without a key is shown as stated.
import { catalogues } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";

/** The unit in the language, or as the indicator catalogue states it when the i18n catalogue has no word for it. */
export function unitWord(unit: string, lang: Lang): string {
  return (catalogues[lang] as Readonly<Record<string, string>>)[`web.unit.${unit}`] ?? unit;
}
