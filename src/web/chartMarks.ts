// One adjustment of a line chart for the page: Observable Plot labels each mark's group (`<g aria-label="line">`),
// and a labelled group without a role breaks WCAG's rule on permitted ARIA attributes (axe aria-prohibited-attr).
// The lines carry no figure of their own (each figure is a point with its <title>, and the table below the chart
// holds them all), so their groups are hidden from assistive technology.
import type { ChartElement } from "../charts/index.ts";

/** Hides the line groups (`.migmon-line`) of a line chart from assistive technology; returns the chart. */
export function hideLineGroups(svg: ChartElement): ChartElement {
  const groups = svg.querySelectorAll("g.migmon-line");
  for (let i = 0; i < groups.length; i++) groups[i]?.setAttribute("aria-hidden", "true");
  return svg;
}
