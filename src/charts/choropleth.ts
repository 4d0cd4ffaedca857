import * as Plot from "@observablehq/plot";
import { flagMeaning, t } from "../i18n/index.ts";
import type { ChartDocument, ChartElement } from "./chartDocument.ts";
import { createSvgElement } from "./chartDocument.ts";
import type { ChoroplethInput, MapShape } from "./choroplethInput.ts";
import { windForD3 } from "./d3Winding.ts";
import type { MapArea } from "./mapClasses.ts";
import { classifyMap } from "./mapClasses.ts";
import { classColors, missingColor } from "./mapColors.ts";
import { fitMapProjection, fittedHeight } from "./mapProjection.ts";
import { classLabel, describeMap } from "./mapText.ts";
import type { LegendEntry } from "./svgLegend.ts";
import { boxSwatch, defaultTextSize, drawLegend } from "./svgLegend.ts";
import { valueText } from "./valueText.ts";

export interface ChoroplethOptions {
  /** The document that creates the elements: the browser's, or `serverDocument()` on the server. */
  readonly document: ChartDocument;
  /** Prefix of the element ids (title, desc, hatch pattern); give each map on a page its own. Default `migmon-map`. */
  readonly idPrefix?: string;
  readonly width?: number;
  /** Text size in px of the legend and unit; default 10 (print). Screens ask 12 so no text is under 11 px. */
  readonly textSize?: number;
}

/** Whether an area's figure is of low reliability (flag u): drawn hatched. */
export function isLowReliability(flags: string): boolean {
  return flags.includes("u");
}

/** Adds a diagonal hatching pattern (`<pattern id>`) to the SVG's `<defs>` for low-reliability areas. */
function addHatchPattern(document: ChartDocument, svg: ChartElement, id: string): void {
  const defs = createSvgElement(document, "defs");
  const pattern = createSvgElement(document, "pattern", { id, patternUnits: "userSpaceOnUse", width: 5, height: 5, patternTransform: "rotate(45)" });
  pattern.appendChild(createSvgElement(document, "line", { x1: 0, y1: 0, x2: 0, y2: 5, stroke: "#000000", "stroke-width": 1.4, "stroke-opacity": 0.7 }));
  defs.appendChild(pattern);
  svg.insertBefore(defs, svg.firstChild);
}

/**
 * Draws a choropleth map as SVG with Observable Plot's geo mark on a d3-geo projection fitted to the shapes
 * (`fitMapProjection`: Belgian Lambert, or ETRS89-LAEA fitted to the European mainland): each area filled with
 * the colour of its class (natural breaks or quantiles), areas without a figure in grey, areas with a figure of
 * low reliability (flag u) hatched over their colour; a legend with the class bounds in the language's number
 * format and entries for no data and low reliability; a `<title>` per area (name, figure, flags spelled out)
 * for the tooltip; `role="img"` with `<title>` and `<desc>`. Shapes may be wound as RFC 7946 or as d3 expects.
 * Throws UnknownCodeError for figures whose code has no shape.
 */
export function choropleth(input: ChoroplethInput, options: ChoroplethOptions): ChartElement {
  const { document } = options;
  const lang = input.lang;
  const width = options.width ?? 720;
  const textSize = options.textSize ?? defaultTextSize;
  const idPrefix = options.idPrefix ?? "migmon-map";
  const hatchId = `${idPrefix}-hatch`;
  const shapes = windForD3(input.shapes);
  const { breaks, areas } = classifyMap(input);
  const colors = breaks === null ? [] : classColors(breaks.bounds.length);
  const areaOf = new Map(areas.map((a) => [a.code, a]));
  const fillOf = (a: MapArea) => (a.classIndex === null ? missingColor : (colors[a.classIndex] as string));
  const titleOf = (a: MapArea) => `${a.name}${t(lang, "text.colon")}${valueText(a.value, a.flags, lang, input.fractionDigits)}`;

  const legend: LegendEntry[] = (breaks?.bounds ?? []).map((bound, i) => ({
    label: classLabel(bound, lang, input.fractionDigits),
    swatch: boxSwatch(colors[i] as string),
  }));
  if (areas.some((a) => a.value === null)) legend.push({ label: t(lang, "chart.legend.missing"), swatch: boxSwatch(missingColor) });
  const hatched = areas.filter((a) => a.value !== null && isLowReliability(a.flags));
  if (hatched.length > 0) legend.push({ label: flagMeaning("u", lang), swatch: boxSwatch(`url(#${hatchId})`) });

  const margin = 8;
  const legendTop = 22;
  const legendLayout = drawLegend(document, legend, margin, legendTop, width - 2 * margin, textSize);
  const top = legendTop + legendLayout.height + 8;
  const mapHeight = fittedHeight(input.projection, shapes, width - 2 * margin);
  const height = top + mapHeight + margin;
  const projection = fitMapProjection(input.projection, shapes, { left: margin, top, right: width - margin, bottom: height - margin });

  const rows = shapes.map((shape) => ({ shape, area: areaOf.get(shape.properties.code) as MapArea }));
  const hatchedRows = rows.filter((r) => r.area.value !== null && isLowReliability(r.area.flags));
  const geometry = (r: { shape: MapShape }) => r.shape;
  const svg = Plot.plot({
    document,
    width,
    height,
    margin: 0,
    style: { background: "white", color: "#222222" },
    projection,
    marks: [
      Plot.geo(rows, { geometry, fill: (r: { area: MapArea }) => fillOf(r.area), stroke: "white", strokeWidth: 0.4, title: (r: { area: MapArea }) => titleOf(r.area), className: "migmon-area" }),
      Plot.geo(hatchedRows, { geometry, fill: `url(#${hatchId})`, stroke: "none", title: (r: { area: MapArea }) => titleOf(r.area), className: "migmon-hatched" }),
    ],
  }) as unknown as ChartElement;

  addHatchPattern(document, svg, hatchId);
  svg.appendChild(createSvgElement(document, "text", { class: "migmon-unit", x: margin, y: textSize + 2, "font-size": textSize, "text-anchor": "start" }, input.unit));
  svg.appendChild(legendLayout.group);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${idPrefix}-title ${idPrefix}-desc`);
  svg.setAttribute("lang", lang);
  const desc = createSvgElement(document, "desc", { id: `${idPrefix}-desc` }, describeMap(input, breaks, areas));
  const title = createSvgElement(document, "title", { id: `${idPrefix}-title` }, input.title ?? input.unit);
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  return svg;
}
