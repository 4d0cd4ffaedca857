import { parseHTML } from "linkedom";
import type { ChartDocument, ChartElement } from "./chartDocument.ts";

/** Geometry attributes whose numbers are rounded in written SVG; text attributes are never touched. */
const geometryAttributes = new Set([
  "d", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "points", "viewBox", "dx", "dy",
]);

/**
 * A fresh server-side document (linkedom) for the chart builders, which need a `document` to create SVG elements
 * where no browser is. One per chart keeps charts independent of each other.
 */
export function serverDocument(): ChartDocument {
  return parseHTML("<!DOCTYPE html><html><body></body></html>").document as unknown as ChartDocument;
}

/** Writes a number with at most `digits` decimals and no trailing zeros (`145.00000000000003` -> `145`). */
function roundNumber(text: string, digits: number): string {
  const rounded = Number(Number(text).toFixed(digits));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/**
 * Writes an SVG element as a standalone SVG document string: adds the SVG namespace and rounds every number in
 * geometry attributes to `digits` decimals (default 2, a hundredth of a pixel; maps use 1 to keep files small), so the same chart gives the same bytes whatever
 * floating-point noise the layout produced. Used for publications and snapshot files.
 */
export function svgToString(svg: ChartElement, digits = 2): string {
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const stack: ChartElement[] = [svg];
  while (stack.length > 0) {
    const element = stack.pop() as ChartElement;
    for (const { name, value } of Array.from(element.attributes)) {
      if (!geometryAttributes.has(name)) continue;
      const rounded = value.replace(/-?\d*\.\d+(?:e[-+]?\d+)?/g, (n) => roundNumber(n, digits));
      if (rounded !== value) element.setAttribute(name, rounded);
    }
    for (const child of Array.from(element.childNodes)) if (child.nodeType === 1) stack.push(child as ChartElement);
  }
  return svg.outerHTML;
}
