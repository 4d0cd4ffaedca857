// The Map tab of the indicator view: the indicator on the map layer that suits it (countries for a European
// indicator, municipalities for a municipal comparison, else provinces), a year slider that redraws the map in
// place (its year kept in the URL), the figures as a table, the areas without a figure with the reason, and a
// link to the map page with every level and year. Drawn when the tab is first shown.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { choropleth, mapTable, periodLabel } from "../charts/index.ts";
import type { ChartElement, MapShape } from "../charts/index.ts";
import { citationText, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import { getJson } from "./apiClient.ts";
import type { IndicatorSummary } from "./apiTypes.ts";
import type { AreaDirectory } from "./areaNames.ts";
import { chartDownloads } from "./chartExport.ts";
import { chartWidth, screenTextSize } from "./chartSize.ts";
import { dataTableView } from "./dataTableView.ts";
import { h } from "./elements.ts";
import { layerFigures, mapView } from "./mapPage.ts";
import type { MapLayer } from "./mapPage.ts";
import { pageHref, replaceViewParameter } from "./pageConfig.ts";

/** The layer a tab shows: municipalities for a municipal comparison, countries for Europe, else provinces; null when none fits. */
export function panelLayer(levels: readonly string[], municipal: boolean): MapLayer | null {
  if (municipal && levels.includes("municipality")) return "municipalities";
  if (!municipal && levels.includes("country")) return "nuts0";
  if (levels.includes("province")) return "provinces";
  if (levels.includes("municipality")) return "municipalities";
  return levels.includes("country") ? "nuts0" : null;
}

/** Draws the Map tab's content; `year` is the URL's year when one is asked. Throws the API's error. */
export async function indicatorMapPanel(detail: IndicatorSummary, names: AreaDirectory, lang: Lang, municipal: boolean, year: string | null): Promise<WebElement> {
  const layer = panelLayer(detail.levels, municipal);
  if (layer === null) return h("p", { class: "empty" }, t(lang, "web.map.notAtLevel"));
  const [shapes, data] = await Promise.all([
    getJson<{ features: MapShape[] }>(`/api/geography/boundaries/${layer}`, { format: "geojson" }).then((c) => c.features),
    layerFigures(detail.id, detail, layer),
  ]);
  const periods = [...new Set(data.values.filter((v) => v.breakdown === undefined && v.value !== null).map((v) => v.period))].sort();
  if (periods.length === 0) return h("p", { class: "empty" }, t(lang, "web.indicator.noData"));
  let index = year !== null && periods.includes(year) ? periods.indexOf(year) : periods.length - 1;
  const width = Math.min(chartWidth(), 760);
  const figure = h("figure", { class: "map" });
  const table = h("div", {});
  const missing = h("p", { id: "panel-map-missing" });
  let shown: { svg: ChartElement; title: string } | null = null;
  const draw = () => {
    const period = periods[index] as string;
    const { input, without } = mapView({ layer, shapes, data, period, names, detail, lang, method: "jenks" });
    const svg = choropleth(input, { document: page.document, idPrefix: "panel-map", width, textSize: screenTextSize });
    shown = { svg, title: input.title ?? detail.title[lang] };
    figure.replaceChildren(svg, h("figcaption", {}, detail.short[lang]));
    table.replaceChildren(dataTableView(mapTable(input), [2], "panel-map-figures"));
    missing.textContent = without.length === 0 ? "" : `${t(lang, "web.map.missing")}${t(lang, "text.colon")}${without.join("; ")}`;
  };
  const output = h("output", { for: "panel-map-year", id: "panel-map-year-value" }, periodLabel(periods[index] as string, lang));
  const slider = h("input", {
    type: "range", id: "panel-map-year", min: 0, max: periods.length - 1, step: 1, value: index,
    "aria-valuetext": periodLabel(periods[index] as string, lang),
  });
  slider.addEventListener("input", () => {
    index = Number((slider as unknown as { value: string }).value);
    const label = periodLabel(periods[index] as string, lang);
    slider.setAttribute("aria-valuetext", label);
    output.textContent = label;
    replaceViewParameter("year", periods[index] as string);
    draw();
  });
  draw();
  return h("div", {},
    h("div", { class: "field slider" }, h("label", { for: "panel-map-year" }, t(lang, "web.map.year")), h("div", { class: "slider-row" }, slider, output)),
    figure,
    data.provenance.length === 0 ? null : chartDownloads(() => shown as { svg: ChartElement; title: string }, `${detail.id}-map`,
      citationText({ indicator: { id: detail.id }, provenance: data.provenance, asOf: null }, lang), lang),
    missing,
    table,
    h("p", {}, h("a", { href: pageHref("/map", { id: detail.id, layer, year: periods[index], lang }) }, t(lang, "web.map.full"))));
}
