import { choropleth } from "./choropleth.ts";
import type { ChoroplethInput } from "./choroplethInput.ts";
import { lineChart } from "./lineChart.ts";
import type { LineChartInput } from "./lineChartInput.ts";
import { serverDocument, svgToString } from "./svgString.ts";

export interface SvgSize {
  readonly width?: number;
  readonly height?: number;
  readonly idPrefix?: string;
}

/** The line chart of `lineChart` as a standalone SVG string, drawn on a server-side document (linkedom). */
export function lineChartSvg(input: LineChartInput, size: SvgSize = {}): string {
  return svgToString(lineChart(input, { ...size, document: serverDocument() }));
}

/** The choropleth of `choropleth` as a standalone SVG string (coordinates to a tenth of a pixel), drawn on a server-side document (linkedom). */
export function choroplethSvg(input: ChoroplethInput, size: Omit<SvgSize, "height"> = {}): string {
  return svgToString(choropleth(input, { ...size, document: serverDocument() }), 1);
}
