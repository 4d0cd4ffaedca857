// The register's events drawn on a chart, as a list of buttons: the keyboard route to each event. Focusing a
// button (or hovering it) shows a tooltip with the summary and the source; Escape hides it. In the chart itself
// each rule and label carries the same text as its SVG <title>, which browsers show on hover.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import type { ChartEvent } from "../charts/index.ts";
import { periodLabel } from "../charts/index.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import { h } from "./elements.ts";

/** The list of events with their tooltips; `id` prefixes the element ids. */
export function eventList(events: readonly ChartEvent[], lang: Lang, id: string): WebElement {
  if (events.length === 0) return h("p", { id }, t(lang, "web.indicator.noEvents"));
  return h("ul", { id, class: "events" }, events.map((event, i) => {
    const tipId = `${id}-tip-${i}`;
    const tip = h("span", { role: "tooltip", id: tipId, class: "tooltip", hidden: true },
      h("span", { class: "tip-summary" }, event.summary), " ",
      h("span", { class: "tip-source" }, `${t(lang, "web.event.source")}${t(lang, "text.colon")}${event.source}`));
    const button = h("button", { type: "button", class: `event event-${event.kind}`, "aria-describedby": tipId },
      // Numbered as the chart numbers its event labels when they crowd (lineChart's eventLabelRows).
      h("span", { class: "event-number" }, `${i + 1}`), ` ${periodLabel(event.date, lang)}${t(lang, "text.colon")}${event.label}`);
    const show = () => { tip.hidden = false; };
    const hide = () => { tip.hidden = true; };
    button.addEventListener("focus", show);
    button.addEventListener("mouseenter", show);
    button.addEventListener("blur", hide);
    button.addEventListener("mouseleave", () => { if (page.document.activeElement !== button) hide(); });
    button.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
    return h("li", {}, button, tip, " ", h("a", { href: event.source, class: "event-source" }, t(lang, "web.event.source")));
  }));
}
