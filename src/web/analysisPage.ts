// The analysis view: pick a series of the store and an event of the register, and read the interrupted time
// series at the event (GET /api/analysis/its: level and slope change, Newey-West errors) with the series drawn
// and the event marked. The intervention starts at the first period that begins on or after the event's date.
import { page } from "./browser.ts";
import type { WebElement } from "./browser.ts";
import { lineChart, periodDate, periodLabel } from "../charts/index.ts";
import { t } from "../i18n/index.ts";
import type { ExplorerConfig } from "../server/explorerConfig.ts";
import { getJson } from "./apiClient.ts";
import type { DatasetInfo, ItsAnswer, RegisterEvent, StoredFigure } from "./apiTypes.ts";
import { hideLineGroups } from "./chartMarks.ts";
import { h, replaceChildren } from "./elements.ts";
import { viewState } from "./pageConfig.ts";
import { failure, labelledSelect, viewForm } from "./pageParts.ts";

/** The first of `periods` (sorted) that starts on or after `date` (an event's YYYY, YYYY-MM or YYYY-MM-DD); null when none. */
export function firstPeriodFrom(periods: readonly string[], date: string): string | null {
  const start = periodDate(date).getTime();
  return periods.find((p) => periodDate(p).getTime() >= start) ?? null;
}

/** Draws the analysis page into `main`. */
export async function analysisPage(main: WebElement, config: ExplorerConfig): Promise<void> {
  const lang = config.lang;
  const state = viewState();
  const [datasets, events] = await Promise.all([
    getJson<{ datasets: DatasetInfo[] }>("/api/datasets").then((d) => d.datasets.filter((x) => x.loaded !== null)),
    getJson<{ events: RegisterEvent[] }>("/api/events").then((e) => e.events),
  ]);
  const dataset = state.get("dataset") ?? "";
  const series = state.get("series") ?? "";
  const eventId = state.get("event") ?? "";
  let figures: StoredFigure[] = [];
  if (datasets.some((d) => d.id === dataset)) {
    figures = (await getJson<{ observations: StoredFigure[] }>(`/api/datasets/${dataset}/observations`)).observations;
  }
  const seriesKeys = [...new Set(figures.map((f) => f.series))];
  const heading = h("h1", {}, t(lang, "web.nav.analysis"));
  page.document.title = `${t(lang, "web.nav.analysis")} · ${t(lang, "app.name")}`;
  const form = viewForm("/analysis", lang, t(lang, "web.nav.analysis"),
    labelledSelect("dataset", t(lang, "web.analysis.dataset"), [["", "—"], ...datasets.map((d) => [d.id, `${d.id}: ${d.title[lang]}`] as const)], dataset),
    labelledSelect("series", t(lang, "web.analysis.series"), [["", "—"], ...seriesKeys.map((k) => [k, k] as const)], series),
    labelledSelect("event", t(lang, "web.analysis.event"), [["", "—"], ...events.map((e) => [e.id, `${e.inForce}: ${e.title[lang]}`] as const)], eventId));
  const event = events.find((e) => e.id === eventId);
  const points = figures.filter((f) => f.series === series).sort((a, b) => periodDate(a.period).getTime() - periodDate(b.period).getTime());
  if (event === undefined || points.length === 0) {
    replaceChildren(main, heading, form, h("p", {}, t(lang, "web.analysis.choose")));
    return;
  }
  const period = firstPeriodFrom(points.map((p) => p.period), event.inForce);
  if (period === null || period === points[0]?.period) {
    replaceChildren(main, heading, form, h("p", { role: "alert" }, t(lang, "web.analysis.outside")));
    return;
  }
  let answer: ItsAnswer;
  try {
    answer = await getJson<ItsAnswer>("/api/analysis/its", { dataset, series, event: period });
  } catch (error) {
    replaceChildren(main, heading, form, failure(lang, "its", error));
    return;
  }
  const chart = hideLineGroups(lineChart({
    series: [{ key: series, label: series, points: answer.values.map((v) => ({ period: v.period, value: v.value, flags: v.flags })) }],
    events: [{ date: event.inForce, label: event.title[lang], kind: event.kind, direction: event.direction, checked: event.checked, summary: event.summary[lang], source: event.sources[0] ?? "" }],
    unit: dataset, lang, title: `${dataset} ${series}`,
  }, { document: page.document, idPrefix: "analysis-chart", width: 880, height: 400 }));
  replaceChildren(main, heading, form,
    h("h2", {}, t(lang, "web.analysis.method", { period: periodLabel(period, lang) })),
    h("figure", { class: "chart" }, chart),
    h("section", { "aria-labelledby": "reading-heading" }, h("h2", { id: "reading-heading" }, t(lang, "web.analysis.reading")), h("p", { id: "reading" }, answer.reading)));
}
