// How the explorer offers indicators: every indicator stays in the list (a reader may want to know it exists),
// but one the store cannot compute is marked in the option's text, and its page says which datasets it lacks and
// how they are had, in the page's language, instead of an empty chart.
import { t } from "../i18n/index.ts";
import type { Lang, MessageKey } from "../i18n/index.ts";
import type { WebElement } from "./browser.ts";
import type { IndicatorSummary } from "./apiTypes.ts";
import { h } from "./elements.ts";

/** The [id, text] options of an indicator select: titles in the language, marked when no data is loaded. */
export function indicatorOptions(catalogue: readonly IndicatorSummary[], lang: Lang): (readonly [string, string])[] {
  return catalogue.map((i) => [i.id, i.hasData ? i.title[lang] : `${i.title[lang]} ${t(lang, "web.indicator.noDataMark")}`] as const);
}

const howHad: Readonly<Record<string, MessageKey>> = {
  live: "web.indicator.absentLive", offline: "web.indicator.absentOffline", delivery: "web.indicator.absentDelivery",
};

/** The sentence saying why an indicator has no figures (the datasets it needs that the store lacks), or null. */
export function absentData(indicator: IndicatorSummary, lang: Lang): WebElement | null {
  if (indicator.hasData) return null;
  const absent = indicator.datasets.filter((d) => !d.loaded);
  return h("div", { class: "absent", role: "status" },
    h("p", {}, t(lang, "web.indicator.absent", { datasets: absent.map((d) => d.id).join(", ") })),
    h("ul", {}, absent.map((d) => h("li", {}, t(lang, howHad[d.availability] ?? "web.indicator.absentOffline", { dataset: d.id })))));
}
