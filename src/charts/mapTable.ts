import { localeOf, t } from "../i18n/index.ts";
import type { DataTable } from "./chartTable.ts";
import { flagNotes } from "./chartTable.ts";
import type { ChoroplethInput } from "./choroplethInput.ts";
import { classifyMap } from "./mapClasses.ts";
import { classLabel } from "./mapText.ts";
import { figureText } from "./valueText.ts";

/**
 * The table alternative of a choropleth: one row per area, sorted by name in the language's collation, with the
 * name, code, figure (or the word for no data), flag codes and the class bounds it is drawn in; the notes spell
 * out the flags. Throws UnknownCodeError like `choropleth`.
 */
export function mapTable(input: ChoroplethInput): DataTable {
  const lang = input.lang;
  const { breaks, areas } = classifyMap(input);
  const collator = new Intl.Collator(localeOf[lang]);
  const rows = [...areas]
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.code, b.code))
    .map((a) => [
      a.name,
      a.code,
      figureText(a.value, lang, input.fractionDigits),
      a.flags,
      a.classIndex === null || breaks === null ? "" : classLabel(breaks.bounds[a.classIndex] as [number, number], lang, input.fractionDigits),
    ]);
  return {
    caption: input.title ?? input.unit,
    columns: [t(lang, "column.geo"), t(lang, "chart.column.code"), t(lang, "column.value"), t(lang, "column.flags"), t(lang, "chart.column.class")],
    rows,
    notes: flagNotes(areas.map((a) => a.flags), lang),
  };
}
