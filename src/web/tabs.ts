// Tabs of one view (the WAI-ARIA tabs pattern, automatic activation): a tablist of buttons, one tabpanel each.
// Only the selected tab is in the Tab order; Left/Right arrows move to the previous/next tab (wrapping), Home and
// End to the first and last, and the tab reached is selected at once. Selecting writes `tab=<id>` into the URL
// (replaceState, no reload), so a copied or reloaded URL opens the same tab. A panel may be drawn on first show.
import type { WebElement } from "./browser.ts";
import { h } from "./elements.ts";
import { replaceViewParameter } from "./pageConfig.ts";

/** One tab: its id (the URL's value), its label, and its panel's content, drawn when first shown when a function. */
export interface TabSpec {
  readonly id: string;
  readonly label: string;
  readonly content: WebElement | (() => Promise<WebElement>);
}

/** The tab the URL asks for when it is one of `ids`, else the first. */
export function chosenTab(ids: readonly string[], asked: string | null): string {
  return asked !== null && ids.includes(asked) ? asked : (ids[0] as string);
}

/** The tabs' element and a promise settled when the first tab shown is drawn (a panel drawn on first show). */
export interface TabView {
  readonly element: WebElement;
  readonly shown: Promise<void>;
}

/**
 * The tablist and panels of `tabs`, `selected` shown first. `onShow` is told each tab shown (after its panel is
 * drawn). Element ids are `tab-<id>` and `panel-<id>`.
 */
export function tabView(label: string, tabs: readonly TabSpec[], selected: string, onShow: (id: string) => void = () => {}): TabView {
  const buttons: WebElement[] = [];
  const panels: WebElement[] = [];
  const drawn = new Set<string>();
  const show = async (index: number, focus: boolean) => {
    const spec = tabs[index] as TabSpec;
    buttons.forEach((b, i) => {
      b.setAttribute("aria-selected", String(i === index));
      b.setAttribute("tabindex", i === index ? "0" : "-1");
    });
    panels.forEach((p, i) => { p.hidden = i !== index; });
    if (focus) (buttons[index] as WebElement).focus();
    replaceViewParameter("tab", spec.id);
    const panel = panels[index] as WebElement;
    if (!drawn.has(spec.id) && typeof spec.content === "function") {
      drawn.add(spec.id);
      panel.setAttribute("aria-busy", "true");
      try {
        panel.replaceChildren(await spec.content());
      } finally {
        panel.setAttribute("aria-busy", "false");
      }
    }
    onShow(spec.id);
  };
  tabs.forEach((spec, i) => {
    const isSelected = spec.id === selected;
    const button = h("button", {
      type: "button", role: "tab", id: `tab-${spec.id}`, "aria-controls": `panel-${spec.id}`,
      "aria-selected": String(isSelected), tabindex: isSelected ? "0" : "-1", "data-tab": spec.id,
    }, spec.label);
    button.addEventListener("click", () => { void show(i, false); });
    button.addEventListener("keydown", (event) => {
      const last = tabs.length - 1;
      const target = event.key === "ArrowRight" ? (i === last ? 0 : i + 1)
        : event.key === "ArrowLeft" ? (i === 0 ? last : i - 1)
        : event.key === "Home" ? 0 : event.key === "End" ? last : null;
      if (target === null) return;
      event.preventDefault();
      void show(target, true);
    });
    buttons.push(button);
    const content = typeof spec.content === "function" ? null : spec.content;
    if (content !== null) drawn.add(spec.id);
    panels.push(h("div", { role: "tabpanel", id: `panel-${spec.id}`, "aria-labelledby": `tab-${spec.id}`, tabindex: 0, hidden: !isSelected, class: "tab-panel" }, content));
  });
  const element = h("div", { class: "tabs" }, h("div", { role: "tablist", "aria-label": label, class: "tablist" }, buttons), panels);
  const first = tabs.findIndex((spec) => spec.id === selected);
  const shown = first >= 0 && typeof tabs[first]?.content === "function" ? show(first, false) : Promise.resolve();
  return { element, shown };
}
