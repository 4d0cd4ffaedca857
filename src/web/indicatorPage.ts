// The indicator view: one indicator for a comparison set (Flanders, Belgium and Europe; or a municipality with its
// arrondissement, province, region, Belgium and similar municipalities) in four tabs (tabs.ts, the tab in the URL):
// Chart (a line chart with the register's events), Map (indicatorMapPanel.ts), Table (every figure with its flags
// spelled out, sortable, the keyboard route through the data, and downloads in every export format) and Sources
// (definition, notes, releases used, citation as text and BibTeX, permalink; indicatorSources.ts). The figures of
// all areas come in one request.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { lineChart, nextPeriod, periodDate } from "../charts/index.ts";
import type { ChartEvent, LineChartInput, LineSeries } from "../charts/index.ts";
import { citationText, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { apiUrl, getJson } from "./apiClient.ts";
import type { IndicatorData, IndicatorDetail, IndicatorFigure, IndicatorSummary, RegisterEvent } from "./apiTypes.ts";
import { loadAreaDirectory } from "./areaNames.ts";
import type { AreaDirectory } from "./areaNames.ts";
import { hideLineGroups } from "./chartMarks.ts";
import { chartHeight, chartWidth, screenTextSize } from "./chartSize.ts";
import { h, replaceChildren } from "./elements.ts";
import { eventList } from "./eventList.ts";
import { viewState } from "./pageConfig.ts";
import { unitWord } from "./unitWords.ts";
import { failure, labelledSelect, viewForm } from "./pageParts.ts";
import { absentData, indicatorOptions } from "./indicatorChoice.ts";
import { figureTable } from "./figureTable.ts";
import { indicatorMapPanel } from "./indicatorMapPanel.ts";
import { indicatorAbout, indicatorSources } from "./indicatorSources.ts";
import { chosenTab, tabView } from "./tabs.ts";
import { chartDownloads } from "./chartExport.ts";
import { areaPicker, resolveArea } from "./areaPicker.ts";

/** The Flanders-Belgium-Europe set, as src/indicators/comparison.ts defines it (Flanders first). */
export const europeSet = ["BE2", "BE", "BE1", "BE3", "NL", "FR", "DE", "LU", "EU27_2020"] as const;

/** The indicator shown when the URL names none, and the municipality of the municipal set. */
export const defaultIndicator = "population";
export const defaultMunicipality = "11002";

/**
 * The period a figure is drawn at. Statbel dates a stock on 1 January as `2015-01-01`, Eurostat as `2015`, and the
 * engine treats the two as the same date; the chart writes both as the year, so that one series of yearly stocks
 * is one line (as day periods, 1 January 2015 and 1 January 2016 are not adjacent and the line would break at every
 * point) and Statbel's and Eurostat's stocks share the axis.
 */
export function chartPeriod(period: string): string {
  const stock = /^(\d{4})-01-01$/.exec(period);
  return stock === null ? period : (stock[1] as string);
}

/**
 * The events that fall within the periods of the series (from the start of the first period to the end of the
 * last), so that an old event does not stretch the time axis over years without figures.
 */
export function eventsWithin(events: readonly ChartEvent[], periods: readonly string[]): ChartEvent[] {
  if (periods.length === 0) return [];
  const start = Math.min(...periods.map((p) => periodDate(p).getTime()));
  const end = Math.max(...periods.map((p) => periodDate(nextPeriod(p)).getTime()));
  return events.filter((e) => periodDate(e.date).getTime() >= start && periodDate(e.date).getTime() < end);
}

interface AreaFigures {
  readonly code: string;
  readonly values: readonly IndicatorFigure[];
}

/**
 * Reads all areas in one request (the API leaves out an area without figures and says so in its notes). Areas at
 * a level the indicator does not exist at (first permits are known for countries, not for Flanders) are not asked,
 * since the API refuses them; an answer without any figure (a 404 naming the years that exist) is no figures.
 */
async function figuresOf(detail: IndicatorSummary, wanted: readonly string[], names: AreaDirectory): Promise<{ figures: AreaFigures[]; data: IndicatorData | null }> {
  const id = detail.id;
  const areas = wanted.filter((code) => {
    const level = names.levelOf(code);
    return level === undefined || detail.levels.includes(level);
  });
  if (areas.length === 0) return { figures: [], data: null };
  let data: IndicatorData;
  try {
    data = await getJson<IndicatorData>(`/api/indicators/${id}/data`, { geo: areas.join(",") });
  } catch {
    return { figures: [], data: null };
  }
  const plain = data.values.filter((v) => v.breakdown === undefined);
  const figures = areas.map((code) => ({ code, values: plain.filter((v) => v.geo === code) }))
    .filter((a) => a.values.some((v) => v.value !== null));
  return { figures, data };
}

/** The register's events for the indicator in any of the areas: one request, deduplicated and in date order by the API. */
async function eventsOf(id: string, areas: readonly string[], lang: Lang): Promise<ChartEvent[]> {
  const { events } = await getJson<{ events: RegisterEvent[] }>("/api/events/for-areas", { indicator: id, geo: areas.join(","), lang });
  return events.map((e) => ({ date: e.inForce, label: e.title[lang], kind: e.kind, direction: e.direction, checked: e.checked, summary: e.summary[lang], source: e.sources[0] ?? "" }));
}

function seriesOf(figures: readonly AreaFigures[], names: AreaDirectory): LineSeries[] {
  return figures.map(({ code, values }) => ({
    key: code,
    label: names.name(code),
    points: values.map((v) => ({ period: chartPeriod(v.period), value: v.value, flags: v.flags })),
  }));
}

function setForm(config: ExplorerConfig, catalogue: readonly IndicatorSummary[], names: AreaDirectory, id: string, set: string, municipality: string, areas: readonly string[]): WebElement {
  const lang = config.lang;
  const municipalities = [...names.units.values()].filter((u) => u.level === "municipality")
    .map((u) => [u.code, names.name(u.code)] as const)
    .sort((a, b) => a[1].localeCompare(b[1], lang));
  const radio = (value: string, label: string) => h("div", { class: "radio" },
    h("input", { type: "radio", name: "set", id: `set-${value}`, value, checked: set === value }),
    h("label", { for: `set-${value}` }, label));
  return viewForm("/indicator", lang, t(lang, "web.indicator.choose"),
    labelledSelect("id", t(lang, "web.indicator.choose"), indicatorOptions(catalogue, lang), id),
    h("fieldset", {}, h("legend", {}, t(lang, "web.indicator.set")), radio("europe", t(lang, "web.set.europe")), radio("municipality", t(lang, "web.set.municipality")), radio("custom", t(lang, "web.set.custom"))),
    labelledSelect("muni", t(lang, "web.indicator.municipality"), municipalities, municipality),
    h("input", { type: "hidden", name: "drawn", value: set }),
    areaPicker(areas, names, lang));
}

/** The tabs of the indicator view, in order. */
export const indicatorTabs = ["chart", "map", "table", "sources"] as const;

/** Draws the indicator page into `main`. */
export async function indicatorPage(main: WebElement, config: ExplorerConfig): Promise<void> {
  const lang = config.lang;
  const state = viewState();
  const id = state.get("id") ?? defaultIndicator;
  const municipality = state.get("muni") ?? defaultMunicipality;
  const [catalogue, names] = await Promise.all([
    getJson<{ indicators: IndicatorSummary[] }>("/api/indicators").then((c) => c.indicators),
    loadAreaDirectory(lang, "2019-01-01"),
  ]);
  // The areas: a preset comparison set, or the reader's own (set=custom, geo=... and an area added by name).
  const asked = state.getAll("geo").flatMap((g) => g.split(",")).map((g) => g.trim()).filter((g) => g !== "");
  const typed = (state.get("add") ?? "").trim();
  const added = typed === "" ? undefined : resolveArea(typed, names);
  const comparison = config.comparison;
  const preset = state.get("set") === "municipality" ? "municipality" : state.get("set") === "custom" ? "custom" : "europe";
  const presetAreas: readonly string[] = preset === "municipality" && comparison !== null && !("problem" in comparison) ? comparison.areas : europeSet;
  // A box unchecked or an area added under a preset makes the reader's own choice (the preset's boxes come back as geo).
  const changed = asked.length > 0 && (asked.length !== presetAreas.length || presetAreas.some((a) => !asked.includes(a)));
  // A preset chosen on the form (its radio differs from the set the page was drawn with, `drawn`) wins over the boxes.
  const presetChosen = state.get("drawn") !== null && state.get("drawn") !== state.get("set") && preset !== "custom";
  const set = typed !== "" || (changed && !presetChosen) ? "custom" : preset;
  const own = [...new Set([...asked, ...(added === undefined ? [] : [added])])];
  if (typed !== "" && added !== undefined) {
    // The URL keeps codes, not what was typed: a reload or a shared link draws the same areas.
    const url = new URL(page.location.href);
    url.searchParams.delete("add");
    url.searchParams.delete("drawn");
    url.searchParams.delete("geo");
    url.searchParams.set("set", "custom");
    for (const code of own) url.searchParams.append("geo", code);
    page.history.replaceState(null, "", `${url.pathname}${url.search}`);
  }
  const unknown = typed !== "" && added === undefined ? h("p", { class: "failure", role: "status", id: "area-unknown" }, t(lang, "web.picker.unknown", { area: typed })) : null;
  const areas: readonly string[] = set === "custom" ? (own.length === 0 ? presetAreas : own) : presetAreas;
  const form = setForm(config, catalogue, names, id, set, municipality, areas);
  // The chart needs only the catalogue's entry; the definition and notes (the Sources tab) come alongside the figures.
  const summary = catalogue.find((i) => i.id === id);
  const detailRequest = getJson<IndicatorDetail>(`/api/indicators/${encodeURIComponent(id)}`);
  // Read later (or never, when the Sources tab stays closed): a failure is shown where it is read, not as an unhandled rejection.
  detailRequest.catch(() => undefined);
  if (summary === undefined) {
    // The API's 404 names the unknown id and the known ones.
    const problem = await detailRequest.then(() => new Error(id), (error: unknown) => error);
    replaceChildren(main, h("h1", {}, t(lang, "web.nav.indicator")), form, failure(lang, id, problem));
    return;
  }
  const detail = summary;
  page.document.title = `${detail.title[lang]} · ${t(lang, "app.name")}`;
  const heading = h("h1", {}, detail.title[lang]);
  const absent = absentData(detail, lang);
  if (set === "municipality" && (comparison === null || "problem" in comparison)) {
    replaceChildren(main, heading, form, failure(lang, municipality, new Error(comparison !== null && "problem" in comparison ? comparison.problem : municipality)));
    return;
  }
  const [{ figures, data }, registerEvents] = await Promise.all([figuresOf(detail, areas, names), eventsOf(id, areas, lang)]);
  if (figures.length === 0 || data === null) {
    const about = await detailRequest.then((full) => indicatorAbout(full, lang), (error: unknown) => failure(lang, id, error));
    replaceChildren(main, heading, form, unknown, absent ?? h("p", { class: "empty" }, t(lang, "web.indicator.noData")), about);
    return;
  }
  const series = seriesOf(figures, names);
  const events = eventsWithin(registerEvents, series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.period)));
  const integers = figures.every((f) => f.values.every((v) => v.value === null || Number.isInteger(v.value)));
  const input: LineChartInput = {
    series, events, unit: unitWord(detail.unit, lang), lang, title: detail.title[lang],
    ...(integers ? {} : { fractionDigits: detail.decimals }),
  };
  const width = chartWidth();
  const chart = hideLineGroups(lineChart(input, { document: page.document, idPrefix: "indicator-chart", width, height: chartHeight(width), textSize: screenTextSize, endLabels: true, eventLabelRows: 3 }));
  const shown = figures.map((f) => f.code).join(",");
  const citation = citationText({ indicator: { id }, provenance: data.provenance, asOf: null }, lang);
  const apiQuery = apiUrl(`/api/indicators/${id}/data`, { geo: shown });
  const chartPanel = h("div", {},
    h("figure", { class: "chart" }, chart, h("figcaption", {}, `${t(lang, "web.indicator.areas")}${t(lang, "text.colon")}${figures.map((f) => names.name(f.code)).join(", ")}`)),
    chartDownloads(() => ({ svg: chart, title: `${detail.title[lang]} (${figures.map((f) => names.name(f.code)).join(", ")})` }), id, citation, lang),
    h("section", { "aria-labelledby": "events-heading" }, h("h2", { id: "events-heading" }, t(lang, "web.indicator.events")), eventList(events, lang, "chart-events")));
  const tablePanel = h("div", {},
    figureTable(input, lang),
    h("section", { "aria-labelledby": "downloads-heading" },
      h("h2", { id: "downloads-heading" }, t(lang, "web.indicator.downloads")),
      h("ul", { class: "downloads" }, config.formats.map((f) => h("li", {},
        h("a", { href: apiUrl(`/api/indicators/${id}/data`, { geo: shown, lang, format: f.id }), download: `${id}${f.id === "sdmx-csv" ? ".sdmx" : ""}${f.extension}`, "data-format": f.id },
          t(lang, "web.indicator.download", { format: f.id.toUpperCase() })))))));
  const tabs = tabView(t(lang, "web.tab.list"), [
    { id: "chart", label: t(lang, "web.tab.chart"), content: chartPanel },
    { id: "map", label: t(lang, "web.tab.map"), content: () => indicatorMapPanel(summary, names, lang, set === "municipality", state.get("year")).catch((error: unknown) => failure(lang, t(lang, "web.tab.map"), error)) },
    { id: "table", label: t(lang, "web.tab.table"), content: tablePanel },
    { id: "sources", label: t(lang, "web.tab.sources"), content: () => detailRequest.then(
      (full) => indicatorSources(full, { provenance: data.provenance, citation, areaNames: figures.map((f) => names.name(f.code)), apiQuery }, lang),
      (error: unknown) => failure(lang, t(lang, "web.tab.sources"), error)) },
  ], chosenTab(indicatorTabs, state.get("tab")));
  replaceChildren(main, heading, form, unknown, tabs.element);
  await tabs.shown;
}
