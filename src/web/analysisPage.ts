// The analysis view: pick a series (an indicator in an area) and an event of the register that applies to it, and
// read the assessment of GET /api/analysis/assess (artefact check, interrupted time series, break tests,
// concurrent events and placebo dates) in the page's language, with the series drawn and the event marked.
import { chartTable, lineChart } from "../charts/index.ts";
import { t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { getJson } from "./apiClient.ts";
import type { AssessAnswer, IndicatorSummary, RegisterEvent } from "./apiTypes.ts";
import { loadAreaDirectory } from "./areaNames.ts";
import type { WebElement } from "./browser.ts";
import { page } from "./browser.ts";
import { hideLineGroups } from "./chartMarks.ts";
import { chartHeight, chartWidth, screenTextSize } from "./chartSize.ts";
import { dataTableView } from "./dataTableView.ts";
import { h, replaceChildren } from "./elements.ts";
import { chartPeriod, europeSet } from "./indicatorPage.ts";
import { viewState } from "./pageConfig.ts";
import { failure, labelledSelect, viewForm } from "./pageParts.ts";
import { absentData, indicatorOptions } from "./indicatorChoice.ts";
import { unitWord } from "./unitWords.ts";

/** The series assessed when the URL names none: first residence permits in Belgium. */
export const defaultAssessed = { indicator: "first_permits", geo: "BE" } as const;

function chartOf(answer: AssessAnswer, event: RegisterEvent, label: string, title: string, unit: string, lang: Lang) {
  return {
    series: [{ key: answer.geo ?? answer.series, label, points: answer.values.map((v) => ({ period: chartPeriod(v.period), value: v.value, flags: v.flags })) }],
    events: [{ date: event.inForce, label: event.title[lang], kind: event.kind, direction: event.direction, checked: event.checked, summary: event.summary[lang], source: event.sources[0] ?? "" }],
    unit, lang, title,
  };
}

/** Draws the analysis page into `main`. */
export async function analysisPage(main: WebElement, config: ExplorerConfig): Promise<void> {
  const lang = config.lang;
  const state = viewState();
  const id = state.get("id") ?? defaultAssessed.indicator;
  const geo = state.get("geo") ?? defaultAssessed.geo;
  const eventId = state.get("event") ?? "";
  const [catalogue, names, applying] = await Promise.all([
    getJson<{ indicators: IndicatorSummary[] }>("/api/indicators").then((c) => c.indicators),
    loadAreaDirectory(lang, "2019-01-01"),
    getJson<{ events: RegisterEvent[] }>("/api/events/for", { indicator: id, geo, lang }).then((e) => e.events),
  ]);
  const areas = [...europeSet, ...[...names.units.values()].filter((u) => u.level === "province").map((u) => u.code)];
  const heading = h("h1", {}, t(lang, "web.nav.analysis"));
  page.document.title = `${t(lang, "web.nav.analysis")} · ${t(lang, "app.name")}`;
  const form = viewForm("/analysis", lang, t(lang, "web.nav.analysis"),
    labelledSelect("id", t(lang, "web.indicator.choose"), indicatorOptions(catalogue, lang), id),
    labelledSelect("geo", t(lang, "web.analysis.area"), areas.map((a) => [a, names.name(a)] as const), geo),
    labelledSelect("event", t(lang, "web.analysis.event"), [["", "—"], ...applying.map((e) => [e.id, `${e.inForce}: ${e.title[lang]}`] as const)], eventId));
  if (applying.length === 0) {
    replaceChildren(main, heading, form, h("p", {}, t(lang, "web.analysis.noEvent")));
    return;
  }
  // An indicator without loaded data says why before anything is asked of the analysis.
  const absent = catalogue.find((i) => i.id === id);
  const why = absent === undefined ? null : absentData(absent, lang);
  if (why !== null) {
    replaceChildren(main, heading, form, why);
    return;
  }
  const event = applying.find((e) => e.id === eventId);
  if (event === undefined) {
    replaceChildren(main, heading, form, h("p", {}, t(lang, "web.analysis.choose")));
    return;
  }
  let answer: AssessAnswer;
  try {
    answer = await getJson<AssessAnswer>("/api/analysis/assess", { indicator: id, geo, event: event.id });
  } catch (error) {
    replaceChildren(main, heading, form, failure(lang, t(lang, "web.nav.analysis"), error));
    return;
  }
  const title = `${catalogue.find((i) => i.id === id)?.title[lang] ?? id}, ${names.name(geo)}`;
  const input = chartOf(answer, event, names.name(geo), title, unitWord(catalogue.find((i) => i.id === id)?.unit ?? "", lang), lang);
  const width = chartWidth();
  const chart = hideLineGroups(lineChart(input, { document: page.document, idPrefix: "analysis-chart", width, height: chartHeight(width), textSize: screenTextSize, endLabels: true }));
  replaceChildren(main, heading, form,
    h("h2", {}, t(lang, "web.analysis.assessed", { period: answer.interventionPeriod })),
    h("figure", { class: "chart" }, chart),
    h("section", { "aria-labelledby": "reading-heading" },
      h("h2", { id: "reading-heading" }, t(lang, "web.analysis.reading")),
      h("div", { id: "reading" }, answer.reading[lang].split(/\n\n+/).map((paragraph) => h("p", {}, paragraph)))),
    h("section", { "aria-labelledby": "assessed-heading" },
      h("h2", { id: "assessed-heading" }, t(lang, "web.indicator.table")),
      dataTableView(chartTable(input), [2], "assessed-figures")));
}
