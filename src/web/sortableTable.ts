// A table whose rows a reader sorts by any column: each column header is a button (the sort order is told by
// aria-sort on the header), figures sort by their number and missing ones last, texts in the language's order.
// The table scrolls inside its own focusable box, so a wide or long table never widens the page.
import type { WebElement } from "./browser.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import { h } from "./elements.ts";

/** One column: its header, whether it holds figures (right-aligned, sorted as numbers). */
export interface SortableColumn {
  readonly label: string;
  readonly numeric: boolean;
}

/** One row: the cell texts and, per column, the key it sorts by (a number for figures, null for none). */
export interface SortableRow {
  readonly cells: readonly string[];
  readonly keys: readonly (string | number | null)[];
}

function compareKeys(a: string | number | null, b: string | number | null, lang: Lang): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), lang, { numeric: true });
}

/** Sorts rows by a column, ascending or descending; missing keys always last; stable. */
export function sortRows(rows: readonly SortableRow[], column: number, descending: boolean, lang: Lang): SortableRow[] {
  return rows.map((row, i) => ({ row, i })).sort((x, y) => {
    const a = x.row.keys[column] ?? null;
    const b = y.row.keys[column] ?? null;
    if (a === null || b === null) return compareKeys(a, b, lang) || x.i - y.i;
    return (descending ? -compareKeys(a, b, lang) : compareKeys(a, b, lang)) || x.i - y.i;
  }).map((x) => x.row);
}

/** The sortable table (id `id`) in its scrolling box, with a caption and the notes under it. */
export function sortableTable(id: string, caption: string, columns: readonly SortableColumn[], rows: readonly SortableRow[], notes: readonly string[], lang: Lang): WebElement {
  const body = h("tbody", {});
  const headers: WebElement[] = [];
  const fill = (sorted: readonly SortableRow[]) => body.replaceChildren(...sorted.map((row) => h("tr", {}, row.cells.map((cell, i) =>
    i === 0 ? h("th", { scope: "row" }, cell) : h("td", { class: columns[i]?.numeric === true ? "num" : null }, cell)))));
  let current: { column: number; descending: boolean } | null = null;
  columns.forEach((column, i) => {
    const button = h("button", { type: "button", class: "sort", "aria-label": `${column.label}, ${t(lang, "web.table.sortBy", { column: column.label })}` }, column.label);
    const header = h("th", { scope: "col", class: column.numeric ? "num" : null }, button);
    button.addEventListener("click", () => {
      const descending = current?.column === i ? !current.descending : column.numeric;
      current = { column: i, descending };
      headers.forEach((x, j) => x.setAttribute("aria-sort", j === i ? (descending ? "descending" : "ascending") : "none"));
      fill(sortRows(rows, i, descending, lang));
    });
    headers.push(header);
  });
  fill(rows);
  return h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": caption },
    h("table", { id }, h("caption", {}, caption), h("thead", {}, h("tr", {}, headers)), body),
    notes.length === 0 ? null : h("ul", { class: "notes" }, notes.map((n) => h("li", {}, n))));
}
