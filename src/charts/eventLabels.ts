import { characterWidth } from "./svgLegend.ts";

/** Where one event label goes: the row above the frame (0 nearest the frame) and which side of its rule. */
export interface EventLabelPlace {
  readonly row: number;
  readonly anchor: "start" | "end";
}

/**
 * Places event labels above a chart so none overlaps another: each label starts just right of its rule (or ends
 * just left of it when it would run past `right`), in the first row, counted from the frame upwards, where it
 * clears the labels already there. `xs` are the rules' pixel positions, in the order of `labels`; `charWidth` the
 * mean advance of a character at the labels' text size.
 */
export function placeEventLabels(labels: readonly string[], xs: readonly number[], right: number, charWidth = characterWidth): EventLabelPlace[] {
  const rowEnds: number[] = [];
  const order = labels.map((_, i) => i).sort((a, b) => (xs[a] as number) - (xs[b] as number));
  const places: EventLabelPlace[] = new Array<EventLabelPlace>(labels.length);
  for (const i of order) {
    const x = xs[i] as number;
    const width = (labels[i] as string).length * charWidth + 6;
    const anchor = x + width > right ? "end" : "start";
    const [from, to] = anchor === "start" ? [x, x + width] : [x - width, x];
    let row = rowEnds.findIndex((end) => end + 4 <= from);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = to;
    places[i] = { row, anchor };
  }
  return places;
}
