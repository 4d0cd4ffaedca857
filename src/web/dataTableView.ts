// A chart's or map's table alternative (src/charts DataTable) as an HTML table: caption, column headers, one
// row header per row (the area), figures right-aligned, and the flag notes under it. The scrolling box is a
// focusable region, so a keyboard can scroll a long table.
import type { WebElement } from "./browser.ts";
import type { DataTable } from "../charts/index.ts";
import { h } from "./elements.ts";

/** The HTML table of a DataTable; `numeric` are the indexes of columns holding figures (right-aligned). */
export function dataTableView(table: DataTable, numeric: readonly number[], id: string): WebElement {
  return h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": table.caption },
    h("table", { id },
      h("caption", {}, table.caption),
      h("thead", {}, h("tr", {}, table.columns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, table.rows.map((row) => h("tr", {}, row.map((cell, i) =>
        i === 0 ? h("th", { scope: "row" }, cell) : h("td", { class: numeric.includes(i) ? "num" : null }, cell)))))),
    table.notes.length === 0 ? null : h("ul", { class: "notes" }, table.notes.map((n) => h("li", {}, n))));
}
