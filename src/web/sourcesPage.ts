// The source catalogue page: every dataset the monitor follows, its publisher, licence, coverage and what the
// store holds of it (release, retrieval date, number of observations).
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { formatDate, formatNumber, t } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { getJson } from "./apiClient.ts";
import type { SourceInfo } from "./apiTypes.ts";
import { h, replaceChildren } from "./elements.ts";

/** Draws the source catalogue page into `main`. */
export async function sourcesPage(main: WebElement, config: ExplorerConfig): Promise<void> {
  const lang = config.lang;
  const { sources } = await getJson<{ sources: SourceInfo[] }>("/api/sources");
  page.document.title = `${t(lang, "web.nav.sources")} · ${t(lang, "app.name")}`;
  replaceChildren(main,
    h("h1", {}, t(lang, "web.nav.sources")),
    h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": t(lang, "web.nav.sources") }, h("table", { id: "sources" },
      h("caption", {}, t(lang, "web.nav.sources")),
      h("thead", {}, h("tr", {}, [t(lang, "label.dataset"), t(lang, "label.datasetTitle"), t(lang, "web.sources.publisher"), t(lang, "label.licence"), t(lang, "web.sources.coverage"), t(lang, "label.release")].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, sources.map((s) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: s.page }, s.id)),
        h("td", {}, s.title[lang]),
        h("td", {}, s.publisher),
        h("td", {}, s.licence),
        h("td", {}, s.coverage.geography),
        h("td", {}, s.loaded === null ? t(lang, "web.sources.notLoaded") : t(lang, "web.sources.loaded", {
          release: s.loaded.release, retrieved: formatDate(s.loaded.retrievedAt, lang, "short"), observations: formatNumber(s.loaded.observations, lang),
        }))))))));
}
