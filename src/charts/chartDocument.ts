/**
 * The part of the DOM the chart builders use. The project compiles without the DOM library (the server has no
 * browser), so the builders name only what they call: a browser `document` and a linkedom document both fit.
 */
export interface ChartNode {
  /** 1 for an element, 3 for text. */
  readonly nodeType: number;
  readonly childNodes: ArrayLike<ChartNode>;
  readonly firstChild: ChartNode | null;
  appendChild(child: ChartNode): ChartNode;
  insertBefore(child: ChartNode, before: ChartNode | null): ChartNode;
}

export interface ChartElement extends ChartNode {
  readonly tagName: string;
  readonly outerHTML: string;
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  readonly attributes: ArrayLike<{ readonly name: string; readonly value: string }>;
  querySelector(selector: string): ChartElement | null;
  querySelectorAll(selector: string): ArrayLike<ChartElement>;
}

export interface ChartDocument {
  createElementNS(namespace: string, name: string): ChartElement;
  createTextNode(text: string): ChartNode;
}

/** The SVG namespace, for `createElementNS`. */
export const svgNamespace = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes (values written as given) and optional text content. */
export function createSvgElement(
  document: ChartDocument,
  name: string,
  attributes: Readonly<Record<string, string | number>> = {},
  text?: string,
): ChartElement {
  const element = document.createElementNS(svgNamespace, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.appendChild(document.createTextNode(text));
  return element;
}
