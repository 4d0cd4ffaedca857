// Building the explorer's DOM: one small function instead of a framework. Text goes in as text nodes, never as
// HTML, so nothing read from the API can inject markup.
import type { ChartNode } from "../charts/index.ts";
import { page } from "./browser.ts";
import type { WebElement, WebNode } from "./browser.ts";

/** Attributes of an element: strings are set as attributes, `false`/`null` leaves the attribute out, `true` sets it empty. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** A child: an element (the pages' or a chart's), a text, or nothing. */
export type Child = WebNode | ChartNode | string | null | undefined | false;

function present(child: Child): child is WebNode | ChartNode | string {
  return child !== null && child !== undefined && child !== false;
}

/** Creates an HTML element with attributes and children (texts become text nodes). */
export function h(tag: string, attributes: Attributes = {}, ...children: (Child | readonly Child[])[]): WebElement {
  const element = page.document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter(present));
  return element;
}

/** Replaces everything inside `parent` with `children`. */
export function replaceChildren(parent: WebElement, ...children: Child[]): void {
  parent.replaceChildren(...children.filter(present));
}
