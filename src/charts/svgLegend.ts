import type { ChartDocument, ChartElement } from "./chartDocument.ts";
import { createSvgElement } from "./chartDocument.ts";

/** One legend entry: a label and the swatch drawn in a 16 by 12 pixel box at the entry's origin. */
export interface LegendEntry {
  readonly label: string;
  readonly swatch: (document: ChartDocument) => ChartElement;
}

export interface LegendLayout {
  readonly group: ChartElement;
  /** Height in pixels taken by the rows. */
  readonly height: number;
}

const swatchWidth = 16;
/** The text size of charts unless a caller asks another (publications print at this size; screens ask 12 px). */
export const defaultTextSize = 10;
/** Mean advance of a character at 10 px in the sans-serif fonts charts use; the server cannot measure text. */
export const characterWidth = 5.6;

/** Mean advance of a character at `textSize` px (characterWidth scaled). */
export function characterWidthAt(textSize: number): number {
  return (characterWidth * textSize) / defaultTextSize;
}

/**
 * Lays legend entries out in rows from (x, y) within `width` pixels, wrapping when a row is full, and returns the
 * group (class `migmon-legend`, each entry a `g` of class `migmon-legend-entry`) with the height it takes.
 * Text widths are estimated (no text measurement on a server), with room to spare; `textSize` is the text's px size.
 */
export function drawLegend(document: ChartDocument, entries: readonly LegendEntry[], x: number, y: number, width: number, textSize = defaultTextSize): LegendLayout {
  const group = createSvgElement(document, "g", { class: "migmon-legend", "font-size": textSize, "text-anchor": "start" });
  // Rows grow with the text: 16 px at the default 10 px text.
  const rowHeight = Math.max(16, textSize + 6);
  const charWidth = characterWidthAt(textSize);
  let cx = 0;
  let row = 0;
  for (const entry of entries) {
    const entryWidth = swatchWidth + 4 + entry.label.length * charWidth + 14;
    if (cx > 0 && cx + entryWidth > width) {
      row += 1;
      cx = 0;
    }
    const g = createSvgElement(document, "g", { class: "migmon-legend-entry", transform: `translate(${x + cx},${y + row * rowHeight})` });
    g.appendChild(entry.swatch(document));
    g.appendChild(createSvgElement(document, "text", { x: swatchWidth + 4, y: 6, dy: "0.32em" }, entry.label));
    group.appendChild(g);
    cx += entryWidth;
  }
  return { group, height: entries.length === 0 ? 0 : (row + 1) * rowHeight };
}

/** A legend swatch: a short line in a colour, solid or dashed. */
export function lineSwatch(color: string, dash?: string): (document: ChartDocument) => ChartElement {
  return (document) =>
    createSvgElement(document, "line", { x1: 0, x2: swatchWidth, y1: 6, y2: 6, stroke: color, "stroke-width": 2, ...(dash ? { "stroke-dasharray": dash } : {}) });
}

/** A legend swatch: a circle, filled with the colour or hollow (white inside, coloured ring). */
export function circleSwatch(color: string, hollow: boolean): (document: ChartDocument) => ChartElement {
  return (document) =>
    createSvgElement(document, "circle", { cx: 8, cy: 6, r: 3.5, stroke: color, "stroke-width": 1.5, fill: hollow ? "white" : color });
}

/** A legend swatch: a short vertical bar, the mark of a break in series. */
export function barSwatch(color: string): (document: ChartDocument) => ChartElement {
  return (document) => createSvgElement(document, "line", { x1: 8, x2: 8, y1: 0, y2: 12, stroke: color, "stroke-width": 2 });
}

/** A legend swatch: a vertical rule, the mark of an event, solid or dashed. */
export function ruleSwatch(color: string, dash?: string): (document: ChartDocument) => ChartElement {
  return (document) =>
    createSvgElement(document, "line", { x1: 8, x2: 8, y1: -1, y2: 13, stroke: color, "stroke-width": 1.5, ...(dash ? { "stroke-dasharray": dash } : {}) });
}

/** A legend swatch: a filled box (a colour, or a `url(#pattern)`), with a thin outline. */
export function boxSwatch(fill: string): (document: ChartDocument) => ChartElement {
  return (document) => createSvgElement(document, "rect", { x: 0, y: 0, width: swatchWidth, height: 12, fill, stroke: "#666", "stroke-width": 0.5 });
}
