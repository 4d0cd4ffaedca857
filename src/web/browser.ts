// The part of the browser the explorer uses, typed here because the project compiles without the DOM library
// (the server has no browser; src/charts/chartDocument.ts does the same for the chart builders). Only what the
// pages call is named, and nothing is declared globally: the pages reach the browser through `page` below.
import type { ChartDocument, ChartNode } from "../charts/index.ts";

/** A DOM node the pages create or receive (an element, a text, or an element a chart builder made). */
export interface WebNode {
  readonly nodeType: number;
}

/** A keyboard or pointer event, as far as the pages read it. */
export interface WebEvent {
  readonly key?: string;
  preventDefault(): void;
}

/** An HTML element as the pages use it. */
export interface WebElement extends WebNode {
  readonly tagName: string;
  id: string;
  hidden: boolean;
  textContent: string | null;
  /** Inner width in px, padding included (0 for an element not laid out). */
  readonly clientWidth: number;
  readonly dataset: Record<string, string | undefined>;
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  append(...nodes: (WebNode | ChartNode | string)[]): void;
  replaceChildren(...nodes: (WebNode | ChartNode | string)[]): void;
  addEventListener(type: string, listener: (event: WebEvent) => void): void;
  focus(): void;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<WebElement>;
  /** The rows of a tbody (an HTMLTableSectionElement). */
  readonly children: ArrayLike<WebElement>;
}

/** The document: element creation for the pages and for the chart builders (ChartDocument). */
export interface WebDocument extends ChartDocument {
  createElement(tag: string): WebElement;
  createTextNode(text: string): WebNode & ChartNode;
  getElementById(id: string): WebElement | null;
  readonly activeElement: WebElement | null;
  readonly documentElement: WebElement;
  title: string;
}

/** The window's location: where the page is and how to go elsewhere. */
export interface WebLocation {
  readonly href: string;
  readonly origin: string;
  readonly search: string;
  readonly pathname: string;
  assign(url: string): void;
}

/** The computed padding of an element, as far as the pages read it. */
export interface WebComputedStyle {
  readonly paddingLeft: string;
  readonly paddingRight: string;
}

/** The session history: the tabs write their state into the URL without loading the page again. */
export interface WebHistory {
  replaceState(data: null, unused: string, url: string): void;
}

const scope = globalThis as unknown as { document: WebDocument; location: WebLocation; history: WebHistory; getComputedStyle(element: WebElement): WebComputedStyle };

/** The browser's document and location (read when a page is drawn, so the module loads outside a browser too). */
export const page = {
  get document(): WebDocument {
    return scope.document;
  },
  get location(): WebLocation {
    return scope.location;
  },
  get history(): WebHistory {
    return scope.history;
  },
  computedStyle(element: WebElement): WebComputedStyle {
    return scope.getComputedStyle(element);
  },
};
