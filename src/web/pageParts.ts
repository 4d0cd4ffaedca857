// Pieces every page uses: a labelled select, a GET form that reloads the page with its fields as the view's
// state, headings, and the line shown when something could not be loaded.
import type { WebElement } from "./browser.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { Child } from "./elements.ts";
import { h } from "./elements.ts";

/** A select with its label; `options` are [value, text] pairs. */
export function labelledSelect(name: string, label: string, options: readonly (readonly [string, string])[], selected: string): WebElement {
  const id = `field-${name}`;
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    h("select", { id, name }, options.map(([value, text]) => h("option", { value, selected: value === selected }, text))));
}

/**
 * A form that loads `path` with its fields as query parameters (GET), so the view's state is the URL. It keeps
 * the language and ends with a Show button.
 */
export function viewForm(path: string, lang: Lang, label: string, ...fields: Child[]): WebElement {
  return h("form", { method: "get", action: path, class: "view-form", "aria-label": label },
    h("input", { type: "hidden", name: "lang", value: lang }),
    ...fields,
    h("button", { type: "submit" }, t(lang, "web.show")));
}

/** The line shown instead of a part that could not be loaded, naming what and why. */
export function failure(lang: Lang, what: string, error: unknown): WebElement {
  const reason = error instanceof Error ? error.message : String(error);
  return h("p", { class: "failure", role: "alert" }, t(lang, "web.failed", { what, reason }));
}
