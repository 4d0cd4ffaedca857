// The indicator page: one indicator for a comparison set (Flanders, Belgium and Europe; or a municipality with its
// arrondissement, province, region, Belgium and similar municipalities), drawn as a line chart with the register's
// events, its definition and notes, the figures with their flags as a table (the keyboard route through the
// data), downloads in every export format and the citation with the releases used.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { chartTable, lineChart, nextPeriod, periodDate } from "../charts/index.ts";
import type { ChartEvent, LineChartInput, LineSeries } from "../charts/index.ts";
import { citationText, formatDate, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { apiUrl, getJson } from "./apiClient.ts";
import type { IndicatorData, IndicatorDetail, IndicatorFigure, IndicatorSummary, RegisterEvent } from "./apiTypes.ts";
import { loadAreaDirectory } from "./areaNames.ts";
import type { AreaDirectory } from "./areaNames.ts";
import { hideLineGroups } from "./chartMarks.ts";
import { chartHeight, chartWidth, screenTextSize } from "./chartSize.ts";
import { dataTableView } from "./dataTableView.ts";
import { h, replaceChildren } from "./elements.ts";
import { eventList } from "./eventList.ts";
import { viewState } from "./pageConfig.ts";
import { unitWord } from "./unitWords.ts";
import { failure, labelledSelect, viewForm } from "./pageParts.ts";
import { absentData, indicatorOptions } from "./indicatorChoice.ts";

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
  readonly data: IndicatorData;
}

/** Reads each area on its own, so an area the indicator does not cover leaves the others standing. */
async function figuresOf(id: string, areas: readonly string[]): Promise<AreaFigures[]> {
  const answers = await Promise.all(areas.map(async (code) => {
    try {
      return { code, data: await getJson<IndicatorData>(`/api/indicators/${id}/data`, { geo: code }) };
    } catch {
      return null;
    }
  }));
  return answers.filter((a): a is AreaFigures => a !== null && a.data.values.some((v) => v.value !== null && v.breakdown === undefined));
}

async function eventsOf(id: string, areas: readonly string[], lang: Lang): Promise<ChartEvent[]> {
  const lists = await Promise.all(areas.map((geo) => getJson<{ events: RegisterEvent[] }>("/api/events/for", { indicator: id, geo, lang })));
  const byId = new Map<string, RegisterEvent>();
  for (const list of lists) for (const e of list.events) byId.set(e.id, e);
  return [...byId.values()]
    .sort((a, b) => (a.inForce < b.inForce ? -1 : a.inForce > b.inForce ? 1 : 0))
    .map((e) => ({ date: e.inForce, label: e.title[lang], kind: e.kind, direction: e.direction, checked: e.checked, summary: e.summary[lang], source: e.sources[0] ?? "" }));
}

function seriesOf(figures: readonly AreaFigures[], names: AreaDirectory): LineSeries[] {
  return figures.map(({ code, data }) => ({
    key: code,
    label: names.name(code),
    points: data.values.filter((v: IndicatorFigure) => v.breakdown === undefined).map((v) => ({ period: chartPeriod(v.period), value: v.value, flags: v.flags })),
  }));
}

function setForm(config: ExplorerConfig, catalogue: readonly IndicatorSummary[], names: AreaDirectory, id: string, set: string, municipality: string): WebElement {
  const lang = config.lang;
  const municipalities = [...names.units.values()].filter((u) => u.level === "municipality")
    .map((u) => [u.code, names.name(u.code)] as const)
    .sort((a, b) => a[1].localeCompare(b[1], lang));
  const radio = (value: string, label: string) => h("div", { class: "radio" },
    h("input", { type: "radio", name: "set", id: `set-${value}`, value, checked: set === value }),
    h("label", { for: `set-${value}` }, label));
  return viewForm("/indicator", lang, t(lang, "web.indicator.choose"),
    labelledSelect("id", t(lang, "web.indicator.choose"), indicatorOptions(catalogue, lang), id),
    h("fieldset", {}, h("legend", {}, t(lang, "web.indicator.set")), radio("europe", t(lang, "web.set.europe")), radio("municipality", t(lang, "web.set.municipality"))),
    labelledSelect("muni", t(lang, "web.indicator.municipality"), municipalities, municipality));
}

/** Draws the indicator page into `main`. */
export async function indicatorPage(main: WebElement, config: ExplorerConfig): Promise<void> {
  const lang = config.lang;
  const state = viewState();
  const id = state.get("id") ?? defaultIndicator;
  const set = state.get("set") === "municipality" ? "municipality" : "europe";
  const municipality = state.get("muni") ?? defaultMunicipality;
  const [catalogue, names] = await Promise.all([
    getJson<{ indicators: IndicatorSummary[] }>("/api/indicators").then((c) => c.indicators),
    loadAreaDirectory(lang, "2019-01-01"),
  ]);
  const form = setForm(config, catalogue, names, id, set, municipality);
  let detail: IndicatorDetail;
  try {
    detail = await getJson<IndicatorDetail>(`/api/indicators/${encodeURIComponent(id)}`);
  } catch (error) {
    replaceChildren(main, h("h1", {}, t(lang, "web.nav.indicator")), form, failure(lang, id, error));
    return;
  }
  page.document.title = `${detail.title[lang]} · ${t(lang, "app.name")}`;
  const heading = h("h1", {}, detail.title[lang]);
  const absent = absentData(detail, lang);
  let areas: readonly string[] = europeSet;
  if (set === "municipality") {
    const comparison = config.comparison;
    if (comparison === null || "problem" in comparison) {
      replaceChildren(main, heading, form, failure(lang, municipality, new Error(comparison !== null && "problem" in comparison ? comparison.problem : municipality)));
      return;
    }
    areas = comparison.areas;
  }
  const [figures, registerEvents] = await Promise.all([figuresOf(id, areas), eventsOf(id, areas, lang)]);
  const series = seriesOf(figures, names);
  const events = eventsWithin(registerEvents, series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.period)));
  const about = h("section", { "aria-labelledby": "about-heading" },
    h("h2", { id: "about-heading" }, t(lang, "label.definition")),
    h("p", { class: "short" }, detail.short[lang]),
    h("p", {}, detail.definition[lang]),
    detail.breaks.length === 0 ? null : h("div", {}, h("h3", {}, t(lang, "label.breaks")),
      h("ul", {}, detail.breaks.map((b) => h("li", {}, `${formatDate(b.date, lang, "long")}${t(lang, "text.colon")}${b.explanation[lang]}`)))),
    detail.quality.length === 0 ? null : h("div", {}, h("h3", {}, t(lang, "label.qualityNotes")),
      h("ul", {}, detail.quality.map((q) => h("li", {}, q[lang])))));
  if (figures.length === 0) {
    replaceChildren(main, heading, form, absent ?? h("p", { class: "empty" }, t(lang, "web.indicator.noData")), about);
    return;
  }
  const integers = figures.every((f) => f.data.values.every((v) => v.value === null || Number.isInteger(v.value)));
  const input: LineChartInput = {
    series, events, unit: unitWord(detail.unit, lang), lang, title: detail.title[lang],
    ...(integers ? {} : { fractionDigits: detail.decimals }),
  };
  const width = chartWidth();
  const chart = hideLineGroups(lineChart(input, { document: page.document, idPrefix: "indicator-chart", width, height: chartHeight(width), textSize: screenTextSize }));
  const shown = figures.map((f) => f.code).join(",");
  const provenance = [...new Map(figures.flatMap((f) => f.data.provenance).map((p) => [`${p.dataset}#${p.release}`, p])).values()];
  const citation = citationText({ indicator: { id }, provenance, asOf: null }, lang);
  replaceChildren(main,
    heading,
    form,
    h("figure", { class: "chart" }, chart, h("figcaption", {}, `${t(lang, "web.indicator.areas")}${t(lang, "text.colon")}${figures.map((f) => names.name(f.code)).join(", ")}`)),
    h("section", { "aria-labelledby": "events-heading" }, h("h2", { id: "events-heading" }, t(lang, "web.indicator.events")), eventList(events, lang, "chart-events")),
    about,
    h("section", { "aria-labelledby": "table-heading" },
      h("h2", { id: "table-heading" }, t(lang, "web.indicator.table")),
      h("p", {}, t(lang, "web.indicator.keyboard")),
      dataTableView(chartTable(input), [2], "figures")),
    h("section", { "aria-labelledby": "downloads-heading" },
      h("h2", { id: "downloads-heading" }, t(lang, "web.indicator.downloads")),
      h("ul", { class: "downloads" }, config.formats.map((f) => h("li", {},
        h("a", { href: apiUrl(`/api/indicators/${id}/data`, { geo: shown, lang, format: f.id }), download: `${id}${f.id === "sdmx-csv" ? ".sdmx" : ""}${f.extension}`, "data-format": f.id },
          t(lang, "web.indicator.download", { format: f.id.toUpperCase() })))))),
    h("section", { "aria-labelledby": "citation-heading" }, h("h2", { id: "citation-heading" }, t(lang, "label.citation")), h("p", { class: "citation" }, citation)));
}
