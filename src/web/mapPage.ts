// The map page: a choropleth of one indicator for one period on a map layer (municipalities, arrondissements,
// provinces, NUTS 0-3), with its legend and classes, the small-count flag (u) hatched, and the same figures as a
// table, and the areas without a figure with the reason. Belgian figures come under REFNIS codes; NUTS layers find
// their shape through the unit's NUTS 2021 code; countries are ISO-coded on both sides (GR, GB).
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { choropleth, mapTable, periodLabel } from "../charts/index.ts";
import type { ChoroplethInput, MapShape } from "../charts/index.ts";
import { citationText, t } from "../i18n/index.ts";
import type { Lang, MessageKey } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { getJson } from "./apiClient.ts";
import type { IndicatorData, IndicatorDetail, IndicatorSummary } from "./apiTypes.ts";
import { loadAreaDirectory } from "./areaNames.ts";
import type { AreaDirectory } from "./areaNames.ts";
import { chartDownloads } from "./chartExport.ts";
import { chartWidth, screenTextSize } from "./chartSize.ts";
import { dataTableView } from "./dataTableView.ts";
import { h, replaceChildren } from "./elements.ts";
import { viewState } from "./pageConfig.ts";
import { unitWord } from "./unitWords.ts";
import { failure, labelledSelect, viewForm } from "./pageParts.ts";
import { absentData, indicatorOptions } from "./indicatorChoice.ts";
import { brusselsRegion, brusselsShapeOf, placeFigures, shapeFinder } from "./mapFigures.ts";

/** The map layers and the indicator level each shows. */
export const mapLayers = {
  municipalities: "municipality", arrondissements: "arrondissement", provinces: "province",
  nuts0: "country", nuts1: "region", nuts2: "province", nuts3: "arrondissement",
} as const;

export type MapLayer = keyof typeof mapLayers;

/** The widest a map is drawn: wider, a map of Belgium is taller than a laptop screen. */
const widestMap = 760;
const layerWord: Readonly<Record<MapLayer, MessageKey>> = {
  municipalities: "web.level.municipality", arrondissements: "web.level.arrondissement", provinces: "web.level.province",
  nuts0: "web.level.nuts0", nuts1: "web.level.nuts1", nuts2: "web.level.nuts2", nuts3: "web.level.nuts3",
};

function isLayer(text: string | null): text is MapLayer {
  return text !== null && Object.hasOwn(mapLayers, text);
}

/** The figures of the layer's level, plus Brussels' region figures on a province layer (when the indicator has them). */
export async function layerFigures(id: string, detail: IndicatorSummary, layer: MapLayer): Promise<IndicatorData> {
  // Municipal and arrondissement figures are put on the 2019 boundaries of the map (merged municipalities summed,
  // recoded ones renamed, arrondissements made of their 2019 municipalities): a share or rate is computed from its
  // counts on those boundaries, so no unit is left grey, and a figure a table gives for an arrondissement whose
  // territory changed in 2019 is withheld with a note rather than drawn on the new shape.
  const municipal = layer === "municipalities" || layer === "arrondissements" || layer === "nuts3" ? { boundaries: "2019" } : {};
  const data = await getJson<IndicatorData>(`/api/indicators/${encodeURIComponent(id)}/data`, { level: mapLayers[layer], ...municipal });
  if (brusselsShapeOf(layer) === undefined || !detail.levels.includes("region")) return data;
  try {
    const region = await getJson<IndicatorData>(`/api/indicators/${encodeURIComponent(id)}/data`, { geo: brusselsRegion });
    return { ...data, values: [...data.values, ...region.values] };
  } catch {
    // No figure for the region: Brussels is then listed among the areas without a figure, with the reason.
    return data;
  }
}

/** What a map of one layer and period needs: its figures, shapes, names and the indicator. */
export interface MapViewRequest {
  readonly layer: MapLayer;
  readonly shapes: readonly MapShape[];
  readonly data: IndicatorData;
  readonly period: string;
  readonly names: AreaDirectory;
  readonly detail: IndicatorSummary;
  readonly lang: Lang;
  readonly method: "jenks" | "quantile";
}

/**
 * The choropleth input of one layer and period (figures placed on shapes, names in the language, Belgian layers
 * alone when only Belgian figures exist) and the areas drawn without a figure, each with its reason.
 */
export function mapView(request: MapViewRequest): { input: ChoroplethInput; without: string[] } {
  const { layer, shapes, data, period, names, detail, lang, method } = request;
  const shapeCodes = new Set(shapes.map((s) => s.properties.code));
  const shapeOf = shapeFinder(layer, shapeCodes, (code) => names.units.get(code)?.nuts2021);
  const plain = data.values.filter((v) => v.breakdown === undefined);
  const placed = placeFigures([...shapeCodes], plain, period, shapeOf);
  const values = placed.values;
  const mapNames: Record<string, string> = {};
  for (const [code, source] of Object.entries(placed.sources)) mapNames[code] = names.name(source);
  const belgianOnly = Object.keys(values).every((c) => c.startsWith("BE")) && layer.startsWith("nuts");
  const drawn = belgianOnly ? shapes.filter((s) => s.properties.code.startsWith("BE")) : shapes;
  for (const s of drawn) mapNames[s.properties.code] ??= names.name(s.properties.code);
  const brusselsCode = brusselsShapeOf(layer);
  if (brusselsCode !== undefined) mapNames[brusselsCode] = t(lang, "web.map.noProvince", { name: names.name(brusselsRegion) });
  const integers = Object.values(values).every((v) => v.value === null || Number.isInteger(v.value));
  const input: ChoroplethInput = {
    shapes: drawn, values, names: mapNames, unit: unitWord(detail.unit, lang), lang,
    title: `${detail.title[lang]}, ${periodLabel(period, lang)}`,
    projection: layer.startsWith("nuts") && !belgianOnly ? "europe" : "belgium",
    classes: { method, count: 5 },
    ...(integers ? {} : { fractionDigits: detail.decimals }),
  };
  const drawnCodes = new Set(drawn.map((s) => s.properties.code));
  const without = Object.entries(placed.missing).filter(([code]) => drawnCodes.has(code))
    .map(([code, reason]) => `${mapNames[code] ?? code} (${t(lang, reason === "notInData" ? "web.map.missing.notInData" : "web.map.missing.noValue")})`)
    .sort((a, b) => a.localeCompare(b, lang));
  return { input, without };
}

/** Draws the map page into `main`. */
export async function mapPage(main: WebElement, config: ExplorerConfig): Promise<void> {
  const lang: Lang = config.lang;
  const state = viewState();
  const id = state.get("id") ?? "population";
  const layerParam = state.get("layer");
  const layer: MapLayer = isLayer(layerParam) ? layerParam : "provinces";
  const method = state.get("classes") === "quantile" ? "quantile" : "jenks";
  const [catalogue, names] = await Promise.all([
    getJson<{ indicators: IndicatorSummary[] }>("/api/indicators").then((c) => c.indicators),
    loadAreaDirectory(lang, "2019-01-01"),
  ]);
  const heading = h("h1", {}, t(lang, "web.nav.map"));
  const controls = (periods: readonly string[], period: string) => viewForm("/map", lang, t(lang, "web.nav.map"),
    labelledSelect("id", t(lang, "web.indicator.choose"), indicatorOptions(catalogue, lang), id),
    labelledSelect("layer", t(lang, "web.map.level"), (Object.keys(mapLayers) as MapLayer[]).map((l) => [l, t(lang, layerWord[l])] as const), layer),
    labelledSelect("year", t(lang, "web.map.year"), periods.map((p) => [p, periodLabel(p, lang)] as const), period),
    labelledSelect("classes", t(lang, "web.map.classes"), [["jenks", t(lang, "web.map.jenks")], ["quantile", t(lang, "web.map.quantile")]], method));
  let detail: IndicatorDetail;
  let data: IndicatorData;
  let shapes: MapShape[];
  try {
    [detail, shapes] = await Promise.all([
      getJson<IndicatorDetail>(`/api/indicators/${encodeURIComponent(id)}`),
      getJson<{ features: MapShape[] }>(`/api/geography/boundaries/${layer}`, { format: "geojson" }).then((c) => c.features),
    ]);
    const absent = absentData(detail, lang);
    if (absent !== null) {
      page.document.title = `${detail.title[lang]} · ${t(lang, "web.nav.map")} · ${t(lang, "app.name")}`;
      replaceChildren(main, heading, controls([], ""), absent);
      return;
    }
    data = await layerFigures(id, detail, layer);
  } catch (error) {
    replaceChildren(main, heading, controls([], ""), failure(lang, id, error));
    return;
  }
  const plain = data.values.filter((v) => v.breakdown === undefined);
  const periods = [...new Set(plain.filter((v) => v.value !== null).map((v) => v.period))].sort();
  const period = state.get("year") !== null && periods.includes(state.get("year") as string) ? state.get("year") as string : periods.at(-1) ?? "";
  page.document.title = `${detail.title[lang]} · ${t(lang, "web.nav.map")} · ${t(lang, "app.name")}`;
  if (periods.length === 0) {
    replaceChildren(main, heading, controls(periods, period), h("p", { class: "empty" }, t(lang, "web.indicator.noData")));
    return;
  }
  const { input, without } = mapView({ layer, shapes, data, period, names, detail, lang, method });
  const map = choropleth(input, { document: page.document, idPrefix: "map", width: Math.min(chartWidth(), widestMap), textSize: screenTextSize });
  replaceChildren(main, heading, controls(periods, period),
    h("figure", { class: "map" }, map, h("figcaption", {}, detail.short[lang])),
    data.provenance.length === 0 ? null : chartDownloads(() => ({ svg: map, title: input.title ?? detail.title[lang] }), `${id}-map-${period}`,
      citationText({ indicator: { id }, provenance: data.provenance, asOf: null }, lang), lang),
    h("section", { "aria-labelledby": "map-table-heading" }, h("h2", { id: "map-table-heading" }, t(lang, "web.map.table")), dataTableView(mapTable(input), [2], "map-figures")),
    without.length === 0 ? null : h("section", { "aria-labelledby": "map-missing-heading" },
      h("h2", { id: "map-missing-heading" }, t(lang, "web.map.missing")), h("p", { id: "map-missing" }, without.join("; "))));
}
