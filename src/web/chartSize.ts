// Charts and maps are drawn at the width they are shown at, never drawn wide and scaled down: an 880 px chart
// shrunk into a 312 px phone column writes its 10 px text at 4 px. The width is that of the content box of
// <main>, read when the page is drawn; the text is 12 px, so no chart text is under 11 px on any screen.
import { page } from "./browser.ts";

/** The text size of charts on screen, in px. */
export const screenTextSize = 12;

/** The widest a chart is drawn (the content width of <main> on a large screen). */
export const widestChart = 1052;

/** The narrowest a chart is drawn (a 320 px phone less the page's padding). */
export const narrowestChart = 280;

/** The width in px of the content box of <main>, within [narrowestChart, widestChart]. */
export function chartWidth(): number {
  const main = page.document.getElementById("main");
  if (main === null || main.clientWidth === 0) return widestChart;
  const style = page.computedStyle(main);
  const inner = main.clientWidth - (Number.parseFloat(style.paddingLeft) || 0) - (Number.parseFloat(style.paddingRight) || 0);
  return Math.round(Math.min(widestChart, Math.max(narrowestChart, inner)));
}

/** A chart's height for its width: a little over half as tall as wide on a large screen, taller than wide on none. */
export function chartHeight(width: number): number {
  return Math.round(Math.min(460, Math.max(320, width * 0.5)));
}
