import { t } from "../i18n/index.ts";
import type { LineChartInput } from "./lineChartInput.ts";
import { isBreak, isHollow } from "./lineChartInput.ts";
import { periodDate, periodLabel, periodsBetween } from "./periodDate.ts";
import { figureText } from "./valueText.ts";

/**
 * The text alternative of a line chart, in its language: what is measured over which periods, each series'
 * first and last figures with their periods, how many figures are missing (null, or a period absent between
 * two present ones: both leave a gap), provisional or estimated
 * (hollow) and breaks, and every event with its date, kind and whether it is checked. Throws PeriodError for a
 * bad period.
 */
export function describeLineChart(input: LineChartInput): string {
  const lang = input.lang;
  const points = input.series.flatMap((s) => s.points);
  const periods = [...new Set(points.map((p) => p.period))].sort((a, b) => periodDate(a).getTime() - periodDate(b).getTime());
  const sentences: string[] = [];
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first !== undefined && last !== undefined) {
    sentences.push(
      t(lang, "chart.line.intro", { unit: input.unit, from: periodLabel(first, lang), to: periodLabel(last, lang), count: input.series.length }),
    );
  }
  const seriesTexts = input.series.flatMap((s) => {
    const known = s.points
      .filter((p) => p.value !== null)
      .sort((a, b) => periodDate(a.period).getTime() - periodDate(b.period).getTime());
    const a = known[0];
    const b = known[known.length - 1];
    if (a === undefined || b === undefined) return [`${s.label}${t(lang, "text.colon")}${t(lang, "chart.value.missing")}`];
    return [
      t(lang, "chart.line.series", {
        label: s.label,
        first: figureText(a.value, lang, input.fractionDigits),
        firstPeriod: periodLabel(a.period, lang),
        last: figureText(b.value, lang, input.fractionDigits),
        lastPeriod: periodLabel(b.period, lang),
      }),
    ];
  });
  const separator = t(lang, "chart.list.separator");
  if (seriesTexts.length > 0) sentences.push(`${seriesTexts.join(separator)}.`);
  const absent = input.series.reduce((n, s) => {
    const sorted = [...s.points].sort((x, y) => periodDate(x.period).getTime() - periodDate(y.period).getTime());
    return n + sorted.slice(1).reduce((m, p, i) => m + periodsBetween((sorted[i] as typeof p).period, p.period), 0);
  }, 0);
  const gaps = points.filter((p) => p.value === null).length + absent;
  const hollow = points.filter((p) => p.value !== null && isHollow(p.flags)).length;
  const breaks = points.filter((p) => p.value !== null && isBreak(p.flags)).length;
  if (gaps > 0) sentences.push(t(lang, "chart.line.gaps", { count: gaps }));
  if (hollow > 0) sentences.push(t(lang, "chart.line.hollow", { count: hollow }));
  if (breaks > 0) sentences.push(t(lang, "chart.line.breaks", { count: breaks }));
  const events = input.events ?? [];
  if (events.length === 0) {
    sentences.push(t(lang, "chart.line.noEvents"));
  } else {
    const list = events.map((e) => {
      const status = e.checked ? "" : `, ${t(lang, "chart.event.unchecked")}`;
      return `${periodLabel(e.date, lang)}${t(lang, "text.colon")}${e.label} (${t(lang, `chart.kind.${e.kind}`)}, ${t(lang, `chart.direction.${e.direction}`)}${status})`;
    });
    sentences.push(t(lang, "chart.line.events", { list: list.join(separator) }));
  }
  return sentences.join(" ");
}
