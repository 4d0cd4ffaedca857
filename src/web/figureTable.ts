// The Table tab of the indicator view: every figure of every area and period the chart draws, one row each, with
// the flags spelled out in the language (`p: provisional`), sortable by any column. It is also the keyboard
// route through the data (chart points are not Tab stops; see README).
import type { WebElement } from "./browser.ts";
import { figureText, periodDate, periodLabel } from "../charts/index.ts";
import type { LineChartInput } from "../charts/index.ts";
import { describeFlags, formatNumber, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import { h } from "./elements.ts";
import { sortableTable } from "./sortableTable.ts";
import type { SortableRow } from "./sortableTable.ts";

/** The rows of the table: area, period, figure, flags spelled out; in series order, periods in time order. */
export function figureRows(input: LineChartInput): SortableRow[] {
  const lang = input.lang;
  return input.series.flatMap((s) => [...s.points]
    .sort((a, b) => periodDate(a.period).getTime() - periodDate(b.period).getTime())
    .map((p) => ({
      cells: [s.label, periodLabel(p.period, lang), figureText(p.value, lang, input.fractionDigits), describeFlags(p.flags, lang)],
      keys: [s.label, periodDate(p.period).getTime(), p.value, p.flags === "" ? null : p.flags],
    })));
}

/** The table section (heading, how to read it, the sortable table with id `figures`). */
export function figureTable(input: LineChartInput, lang: Lang): WebElement {
  const rows = figureRows(input);
  const columns = [
    { label: t(lang, "column.geo"), numeric: false }, { label: t(lang, "column.period"), numeric: false },
    { label: t(lang, "column.value"), numeric: true }, { label: t(lang, "column.flags"), numeric: false },
  ];
  return h("section", { "aria-labelledby": "table-heading" },
    h("h2", { id: "table-heading" }, t(lang, "web.indicator.table")),
    h("p", {}, `${t(lang, "web.indicator.keyboard")} ${t(lang, "web.table.count", { count: formatNumber(rows.length, lang) })}`),
    sortableTable("figures", input.title ?? input.unit, columns, rows, [], lang));
}
