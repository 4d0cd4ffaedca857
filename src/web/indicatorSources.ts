// The Sources tab of the indicator view: what the indicator is (definition, breaks in definition, quality notes),
// the releases of the publishers' datasets the figures come from with their dates, the citation as a sentence and
// as BibTeX, the permalink of the view and the API query behind it.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { formatDate, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { IndicatorData, IndicatorDetail } from "./apiTypes.ts";
import { bibtexEntry } from "./bibtex.ts";
import { h } from "./elements.ts";

/** What the Sources tab shows besides the indicator: the releases used, the citation, the areas and the API query. */
export interface SourcesView {
  readonly provenance: IndicatorData["provenance"];
  readonly citation: string;
  readonly areaNames: readonly string[];
  /** The API path and query of the figures shown (same origin). */
  readonly apiQuery: string;
}

/** The definition, breaks and quality notes of an indicator (also shown when it has no figures). */
export function indicatorAbout(detail: IndicatorDetail, lang: Lang): WebElement {
  return h("section", { "aria-labelledby": "about-heading" },
    h("h2", { id: "about-heading" }, t(lang, "label.definition")),
    h("p", { class: "short" }, detail.short[lang]),
    h("p", {}, detail.definition[lang]),
    detail.breaks.length === 0 ? null : h("div", {}, h("h3", {}, t(lang, "label.breaks")),
      h("ul", {}, detail.breaks.map((b) => h("li", {}, `${formatDate(b.date, lang, "long")}${t(lang, "text.colon")}${b.explanation[lang]}`)))),
    detail.quality.length === 0 ? null : h("div", {}, h("h3", {}, t(lang, "label.qualityNotes")),
      h("ul", {}, detail.quality.map((q) => h("li", {}, q[lang])))));
}

function releaseLine(p: IndicatorData["provenance"][number], lang: Lang): string {
  const params = { dataset: p.dataset, release: p.release, retrieved: formatDate(p.retrievedAt.slice(0, 10), lang, "long") };
  return p.sourceUpdatedAt === null ? t(lang, "web.sources.releaseUndated", params)
    : t(lang, "web.sources.release", { ...params, date: formatDate(p.sourceUpdatedAt.slice(0, 10), lang, "long") });
}

/** The Sources tab's content. */
export function indicatorSources(detail: IndicatorDetail, view: SourcesView, lang: Lang): WebElement {
  const permalink = page.location.href;
  const bibtex = bibtexEntry({
    indicator: detail.id, title: `${detail.title[lang]} (${view.areaNames.join(", ")})`, author: t(lang, "app.name"),
    retrieved: view.provenance.map((p) => p.retrievedAt), note: view.citation, url: permalink,
  });
  const api = `${page.location.origin}${view.apiQuery}`;
  return h("div", {},
    indicatorAbout(detail, lang),
    h("section", { "aria-labelledby": "releases-heading" },
      h("h2", { id: "releases-heading" }, t(lang, "web.sources.releases")),
      h("ul", { id: "releases" }, view.provenance.map((p) => h("li", {}, releaseLine(p, lang))))),
    h("section", { "aria-labelledby": "citation-heading" },
      h("h2", { id: "citation-heading" }, t(lang, "label.citation")),
      h("p", { class: "citation", id: "citation" }, view.citation),
      h("h3", { id: "bibtex-heading" }, t(lang, "web.sources.bibtex")),
      h("pre", { class: "bibtex", id: "bibtex", tabindex: 0, role: "region", "aria-labelledby": "bibtex-heading" }, bibtex)),
    h("section", { "aria-labelledby": "links-heading" },
      h("h2", { id: "links-heading" }, t(lang, "web.sources.permalink")),
      h("p", {}, h("a", { href: permalink, id: "permalink", class: "long-link" }, permalink)),
      h("h3", {}, t(lang, "web.sources.api")),
      h("p", {}, h("a", { href: api, id: "api-query", class: "long-link" }, api))));
}
