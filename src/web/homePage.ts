// The home page: headline figures for Flanders, Belgium and the EU27 (the latest figure of a few indicators for
// each) and what changed in the newest releases of the store (each dataset's release, and the number of figures
// changed since its previous release).
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { periodLabel, valueText } from "../charts/index.ts";
import { formatDate, formatNumber, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { getJson } from "./apiClient.ts";
import type { DatasetInfo, IndicatorData, IndicatorSummary, ReleaseInfo } from "./apiTypes.ts";
import { loadAreaDirectory } from "./areaNames.ts";
import { h, replaceChildren } from "./elements.ts";
import { pageHref } from "./pageConfig.ts";

/** The areas and indicators of the headline table. */
export const headlineAreas = ["BE2", "BE", "EU27_2020"] as const;
export const headlineIndicators = ["population", "share_non_belgian", "first_permits", "asylum_applicants"] as const;

/** How many of the most recently retrieved datasets the page lists. */
const latestCount = 6;

async function latestFigure(id: string, geo: string, lang: Lang): Promise<string> {
  try {
    const data = await getJson<IndicatorData>(`/api/indicators/${id}/data`, { geo });
    const last = data.values.filter((v) => v.breakdown === undefined && v.value !== null).sort((a, b) => (a.period < b.period ? -1 : 1)).at(-1);
    if (last === undefined) return t(lang, "web.none");
    const digits = Number.isInteger(last.value) ? 0 : 1;
    return t(lang, "web.figure", { value: valueText(last.value, last.flags, lang, digits), period: periodLabel(last.period, lang) });
  } catch {
    return t(lang, "web.none");
  }
}

async function releaseLine(dataset: DatasetInfo, lang: Lang): Promise<string> {
  const loaded = dataset.loaded;
  if (loaded === null) return t(lang, "web.sources.notLoaded");
  const params = { release: loaded.release, retrieved: formatDate(loaded.retrievedAt, lang, "long"), observations: formatNumber(loaded.observations, lang) };
  const line = loaded.sourceUpdatedAt === null ? t(lang, "web.home.releaseUndated", params) : t(lang, "web.home.release", { ...params, date: formatDate(loaded.sourceUpdatedAt, lang, "long") });
  const join = t(lang, "citation.join");
  if (loaded.releases < 2) return `${line}${join}${t(lang, "web.home.first")}`;
  const { releases } = await getJson<{ releases: ReleaseInfo[] }>(`/api/datasets/${dataset.id}/releases`);
  const previous = releases.filter((r) => r.id < loaded.release).at(-1);
  if (previous === undefined) return `${line}${join}${t(lang, "web.home.first")}`;
  const { changes } = await getJson<{ changes: unknown[] }>(`/api/datasets/${dataset.id}/diff`, { from: String(previous.id), to: String(loaded.release) });
  return `${line}${join}${t(lang, "web.home.changes", { count: formatNumber(changes.length, lang), previous: previous.id })}`;
}

/** Draws the home page into `main`. */
export async function homePage(main: WebElement, config: ExplorerConfig): Promise<void> {
  const lang = config.lang;
  const [catalogue, names, datasets] = await Promise.all([
    getJson<{ indicators: IndicatorSummary[] }>("/api/indicators").then((c) => c.indicators),
    loadAreaDirectory(lang, "2019-01-01"),
    getJson<{ datasets: DatasetInfo[] }>("/api/datasets").then((d) => d.datasets),
  ]);
  const indicators = headlineIndicators.flatMap((id) => catalogue.filter((i) => i.id === id));
  const cells = await Promise.all(indicators.map((i) => Promise.all(headlineAreas.map((geo) => latestFigure(i.id, geo, lang)))));
  const latest = datasets.filter((d) => d.loaded !== null)
    .sort((a, b) => ((a.loaded?.retrievedAt ?? "") < (b.loaded?.retrievedAt ?? "") ? 1 : -1))
    .slice(0, latestCount);
  const lines = await Promise.all(latest.map((d) => releaseLine(d, lang)));
  page.document.title = t(lang, "app.name");
  replaceChildren(main,
    h("h1", {}, t(lang, "app.name")),
    h("p", { class: "intro" }, t(lang, "web.home.intro")),
    h("section", { "aria-labelledby": "headline-heading" },
      h("h2", { id: "headline-heading" }, t(lang, "web.home.headlines")),
      h("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": t(lang, "web.home.figures") }, h("table", { id: "headlines" },
        h("caption", {}, t(lang, "web.home.figures")),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t(lang, "label.indicator")), headlineAreas.map((a) => h("th", { scope: "col" }, names.name(a))))),
        h("tbody", {}, indicators.map((i, row) => h("tr", {},
          h("th", { scope: "row" }, h("a", { href: pageHref("/indicator", { id: i.id, lang }) }, i.title[lang])),
          (cells[row] ?? []).map((c) => h("td", { class: "num" }, c)))))))),
    h("section", { "aria-labelledby": "latest-heading" },
      h("h2", { id: "latest-heading" }, t(lang, "web.home.latest")),
      latest.length === 0 ? h("p", {}, t(lang, "web.home.empty")) :
        h("ul", { id: "latest" }, latest.map((d, i) => h("li", {}, h("strong", {}, d.title[lang]), ` (${d.id}): ${lines[i] ?? ""}`)))));
}
