import type { Lang } from "../i18n/index.ts";
import { describeFlags, t } from "../i18n/index.ts";
import type { LineChartInput } from "./lineChartInput.ts";
import { periodDate, periodLabel } from "./periodDate.ts";
import { figureText } from "./valueText.ts";

/** The accessible table alternative of a chart or map: a caption, column headers, rows of cell texts and notes. */
export interface DataTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** One line per flag code used, `code: meaning`, to read the flags column. */
  readonly notes: readonly string[];
}

/** The `code: meaning` lines for every flag code that occurs in some flag strings, in canonical order. */
export function flagNotes(flagStrings: readonly string[], lang: Lang): string[] {
  const all = describeFlags(flagStrings.join(""), lang);
  return all === "" ? [] : all.split(", ");
}

/**
 * The table alternative of a line chart: one row per area and period (in series order, periods in time order),
 * with the period as readers write it, the figure in the language's format (or the word for no data) and the
 * flag codes; the notes spell out each flag code used. Throws PeriodError for a bad period.
 */
export function chartTable(input: LineChartInput): DataTable {
  const lang = input.lang;
  const rows = input.series.flatMap((s) =>
    [...s.points]
      .sort((a, b) => periodDate(a.period).getTime() - periodDate(b.period).getTime())
      .map((p) => [s.label, periodLabel(p.period, lang), figureText(p.value, lang, input.fractionDigits), p.flags]),
  );
  return {
    caption: input.title ?? input.unit,
    columns: [t(lang, "column.geo"), t(lang, "column.period"), t(lang, "column.value"), t(lang, "column.flags")],
    rows,
    notes: flagNotes(input.series.flatMap((s) => s.points.map((p) => p.flags)), lang),
  };
}
