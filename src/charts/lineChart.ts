import * as Plot from "@observablehq/plot";
import { UsageError } from "../core/index.ts";
import { flagMeaning, formatNumber, localeOf, t } from "../i18n/index.ts";
import type { ChartDocument, ChartElement } from "./chartDocument.ts";
import { createSvgElement } from "./chartDocument.ts";
import { placeEventLabels } from "./eventLabels.ts";
import { describeLineChart } from "./lineChartText.ts";
import type { ChartEvent, ChartEventKind, LineChartInput } from "./lineChartInput.ts";
import { isBreak, isHollow } from "./lineChartInput.ts";
import { followsDirectly, periodDate, periodLabel } from "./periodDate.ts";
import type { LegendEntry } from "./svgLegend.ts";
import { barSwatch, characterWidthAt, circleSwatch, defaultTextSize, drawLegend, lineSwatch, ruleSwatch } from "./svgLegend.ts";
import { valueText } from "./valueText.ts";

export interface LineChartOptions {
  /** The document that creates the elements: the browser's, or `serverDocument()` on the server. */
  readonly document: ChartDocument;
  /** Prefix of the element ids (`<title>`, `<desc>`); give each chart on a page its own. Default `migmon-line`. */
  readonly idPrefix?: string;
  readonly width?: number;
  /** The height asked; the chart grows when its legend and event labels would leave the frame under 160 px. */
  readonly height?: number;
  /** Text size in px of axes, legend and labels; default 10 (print). Screens ask 12 so no text is under 11 px. */
  readonly textSize?: number;
  /** Writes each series' name at the right of the frame, level with its last figure (screens; default false). */
  readonly endLabels?: boolean;
  /**
   * When the event labels would take more rows than this, each is written as its number in the input's order
   * instead (the page lists the events numbered below the chart); default: never.
   */
  readonly eventLabelRows?: number;
}

/**
 * Series colours: Okabe and Ito's colour-blind-safe palette (2008), the strongest on white first; its yellow is left
 * out (too pale for a line on white) and its black too (the register's policy events are near-black rules). Six
 * colours; the seventh series and on repeat them with a dash pattern.
 */
export const seriesColors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"] as const;

/** The dash of a series once the colours run out: solid for the first six, dashed for the next six, then dotted. */
export const seriesDashes = ["", "7,3", "2,2.5"] as const;

/** The colour and dash of the series at `index`. */
export function seriesStyle(index: number): { color: string; dash: string } {
  const round = Math.floor(index / seriesColors.length);
  return { color: seriesColors[index % seriesColors.length] as string, dash: seriesDashes[round % seriesDashes.length] as string };
}

/** Event rules: colour by kind; dashed when unchecked. */
export const eventColors: Readonly<Record<ChartEventKind, string>> = { policy: "#222222", context: "#8c8c8c", statistical: "#6a51a3" };
const uncheckedDash = "4,3";

interface Row {
  readonly key: string;
  readonly label: string;
  readonly period: string;
  readonly date: Date;
  readonly value: number | null;
  readonly flags: string;
  readonly title: string;
}

interface EventRow {
  readonly event: ChartEvent;
  readonly date: Date;
  readonly text: string;
  readonly title: string;
}

/** The tooltip of an event: date, title, kind, direction, whether checked, summary and source. */
function eventTitle(event: ChartEvent, input: LineChartInput): string {
  const lang = input.lang;
  const status = event.checked ? "" : `, ${t(lang, "chart.event.unchecked")}`;
  const head = `${periodLabel(event.date, lang)}${t(lang, "text.colon")}${event.label} (${t(lang, `chart.kind.${event.kind}`)}, ${t(lang, `chart.direction.${event.direction}`)}${status})`;
  return `${head}. ${event.summary} (${t(lang, "chart.event.source")}${t(lang, "text.colon")}${event.source})`;
}

/** The break marker: a short vertical bar through the point (a d3 symbol type, size is the area in px²). */
const breakSymbol = {
  draw(context: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }, size: number) {
    const half = Math.sqrt(size) * 1.2;
    context.moveTo(0, -half);
    context.lineTo(0, half);
  },
};

/**
 * Draws series over time as an SVG line chart with Observable Plot: one line per series, broken where a value is
 * null (gaps are never joined); a dot per figure, hollow for provisional or estimated figures (flags p, e, s,
 * f); a vertical bar through figures that start a break in series (flag b); the register's events as vertical
 * rules labelled above the frame (colour by kind, dashed and called unchecked when not checked); a legend of what
 * is drawn; a `<title>` per dot and per event for the tooltip; and `role="img"` with `<title>` and `<desc>`
 * giving the text alternative. Periods sit on a time axis at their first day. Throws PeriodError for a bad period
 * and UsageError when the series have no period at all.
 */
export function lineChart(input: LineChartInput, options: LineChartOptions): ChartElement {
  const { document } = options;
  const width = options.width ?? 720;
  const textSize = options.textSize ?? defaultTextSize;
  const idPrefix = options.idPrefix ?? "migmon-line";
  const lang = input.lang;
  const events = [...(input.events ?? [])];

  const rows: Row[] = input.series.flatMap((s) => withGaps(
    s.points
      .map((p) => ({
        key: s.key,
        label: s.label,
        period: p.period,
        date: periodDate(p.period),
        value: p.value,
        flags: p.flags,
        title: `${s.label}, ${periodLabel(p.period, lang)}${t(lang, "text.colon")}${valueText(p.value, p.flags, lang, input.fractionDigits)}`,
      }))
      .sort((a, b) => a.date.getTime() - b.date.getTime()),
  ));
  let eventRows: EventRow[] = events.map((event) => ({
    event,
    date: periodDate(event.date),
    text: event.checked ? event.label : `${event.label} (${t(lang, "chart.event.unchecked")})`,
    title: eventTitle(event, input),
  }));
  if (rows.length === 0) throw new UsageError(`line chart "${input.title ?? input.unit}" has no periods to draw`);
  const times = [...rows.map((r) => r.date.getTime()), ...eventRows.map((e) => e.date.getTime())];
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const values = rows.flatMap((r) => (r.value === null ? [] : [r.value]));
  const tickChars = Math.max(...values.map((v) => formatNumber(Math.round(v), lang).length), 3);
  const marginLeft = Math.max(40, Math.ceil((tickChars * 6.2 * textSize) / defaultTextSize + 14));
  const ends = options.endLabels === true ? lastFigures(rows, input.series.map((s) => s.key)) : [];
  const endRoom = ends.length === 0 ? 0 : Math.min(Math.ceil(Math.max(...ends.map((e) => e.label.length)) * characterWidthAt(textSize)) + endSwatch + 6, Math.round(width * 0.3));
  const marginRight = Math.max(24, endRoom);
  const frameWidth = width - marginLeft - marginRight;
  const xOf = (date: Date) => marginLeft + (t1 === t0 ? 0.5 : (date.getTime() - t0) / (t1 - t0)) * frameWidth;

  const keys = input.series.map((s) => s.key);
  const styleOf = new Map(keys.map((k, i) => [k, seriesStyle(i)]));
  const colorOf = new Map(keys.map((k) => [k, styleOf.get(k)?.color as string]));
  const dashOf = (key: string) => styleOf.get(key)?.dash ?? "";
  const defined = rows.filter((r) => r.value !== null);
  const hollow = defined.filter((r) => isHollow(r.flags));
  const breaks = defined.filter((r) => isBreak(r.flags));

  const legend: LegendEntry[] = input.series.map((s) => ({ label: s.label, swatch: lineSwatch(colorOf.get(s.key) as string, dashOf(s.key) || undefined) }));
  if (hollow.length > 0) legend.push({ label: t(lang, "chart.legend.hollow"), swatch: circleSwatch("#333333", true) });
  if (breaks.length > 0) legend.push({ label: flagMeaning("b", lang), swatch: barSwatch("#111111") });
  for (const kind of ["policy", "context", "statistical"] as const) {
    if (events.some((e) => e.kind === kind)) legend.push({ label: t(lang, `chart.kind.${kind}`), swatch: ruleSwatch(eventColors[kind]) });
  }
  if (events.some((e) => !e.checked)) legend.push({ label: t(lang, "chart.legend.unchecked"), swatch: ruleSwatch("#222222", uncheckedDash) });

  // Row 0 holds the unit (the y axis label), the legend comes below it, then the event labels, then the frame.
  const legendTop = 22;
  const legendLayout = drawLegend(document, legend, marginLeft, legendTop, width - marginLeft - marginRight, textSize);
  let places = placeEventLabels(eventRows.map((e) => e.text), eventRows.map((e) => xOf(e.date)), width - 4, characterWidthAt(textSize));
  if (options.eventLabelRows !== undefined && places.some((p) => p.row >= (options.eventLabelRows as number))) {
    // Too crowded to read (the asylum chart stacked 13 titles in 8 rows): numbers, which the list below explains.
    eventRows = eventRows.map((e, i) => ({ ...e, text: String(i + 1) }));
    places = placeEventLabels(eventRows.map((e) => e.text), eventRows.map((e) => xOf(e.date)), width - 4, characterWidthAt(textSize));
  }
  const labelRows = places.reduce((n, p) => Math.max(n, p.row + 1), 0);
  const labelRowHeight = textSize + 3;
  const marginTop = legendTop + legendLayout.height + 18 + labelRows * labelRowHeight;
  // A narrow chart wraps its legend into more rows: the frame keeps at least 160 px rather than being squeezed.
  const height = Math.max(options.height ?? 420, marginTop + 30 + 160);

  const marks: Plot.Markish[] = [];
  const [ymin, ymax] = [Math.min(...values), Math.max(...values)];
  if (ymin < 0 && ymax > 0) marks.push(Plot.ruleY([0], { stroke: "#999999", strokeWidth: 1 }));
  for (const kind of ["policy", "context", "statistical"] as const) {
    for (const checked of [true, false]) {
      const some = eventRows.filter((e) => e.event.kind === kind && e.event.checked === checked);
      if (some.length === 0) continue;
      marks.push(
        Plot.ruleX(some, {
          x: "date",
          stroke: eventColors[kind],
          strokeWidth: 1.5,
          ...(checked ? {} : { strokeDasharray: uncheckedDash }),
          title: "title",
          className: "migmon-event",
        }),
      );
    }
  }
  marks.push(
    // One line mark per dash pattern: Plot takes a dash as a constant of a mark, not as a channel.
    ...seriesDashes.filter((dash) => rows.some((r) => dashOf(r.key) === dash)).map((dash) =>
      Plot.lineY(rows.filter((r) => dashOf(r.key) === dash), { x: "date", y: "value", z: "key", stroke: "key", strokeWidth: 2, ...(dash === "" ? {} : { strokeDasharray: dash }), className: "migmon-line" })),
    Plot.dot(defined.filter((r) => !isHollow(r.flags)), { x: "date", y: "value", r: 2.5, fill: "key", stroke: "key", title: "title", className: "migmon-point" }),
    Plot.dot(hollow, { x: "date", y: "value", r: 3.5, fill: "white", stroke: "key", strokeWidth: 1.5, title: "title", className: "migmon-point-hollow" }),
    Plot.dot(breaks, { x: "date", y: "value", symbol: breakSymbol, r: 5, stroke: "#111111", strokeWidth: 2, title: "title", className: "migmon-break" }),
  );
  for (let row = 0; row < labelRows; row++) {
    for (const anchor of ["start", "end"] as const) {
      const some = eventRows.filter((_, i) => places[i]?.row === row && places[i]?.anchor === anchor);
      if (some.length === 0) continue;
      marks.push(
        Plot.text(some, {
          x: "date",
          text: "text",
          title: "title",
          frameAnchor: "top",
          lineAnchor: "bottom",
          textAnchor: anchor,
          dx: anchor === "start" ? 3 : -3,
          dy: -6 - row * labelRowHeight,
          fontSize: textSize,
          fill: "#222222",
          className: "migmon-event-label",
        }),
      );
    }
  }

  const svg = Plot.plot({
    document,
    width,
    height,
    marginTop,
    marginLeft,
    marginRight,
    marginBottom: 30,
    style: { background: "white", color: "#222222", ...(textSize === defaultTextSize ? {} : { fontSize: `${textSize}px` }) },
    x: { type: "utc", domain: [new Date(t0), new Date(t1)], label: null, tickFormat: (d: Date) => timeTick(d, lang) },
    y: { label: null, grid: true, nice: true, tickFormat: (v: number) => formatNumber(v, lang) },
    color: { domain: keys, range: keys.map((k) => colorOf.get(k) as string) },
    marks,
  }) as unknown as ChartElement;

  svg.appendChild(createSvgElement(document, "text", { class: "migmon-unit", x: 4, y: textSize + 2, "font-size": textSize, "text-anchor": "start" }, `↑ ${input.unit}`));
  svg.appendChild(legendLayout.group);
  if (ends.length > 0) {
    const y = (svg as unknown as { scale(name: "y"): { apply(value: number): number } }).scale("y");
    svg.appendChild(drawEndLabels(document, ends.map((e) => ({ ...e, y: y.apply(e.value), ...(styleOf.get(e.key) as { color: string; dash: string }) })),
      { x: width - marginRight + 4, room: endRoom, textSize, top: marginTop, bottom: height - 30 }));
  }
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${idPrefix}-title ${idPrefix}-desc`);
  svg.setAttribute("lang", lang);
  const desc = createSvgElement(document, "desc", { id: `${idPrefix}-desc` }, describeLineChart(input));
  const title = createSvgElement(document, "title", { id: `${idPrefix}-title` }, input.title ?? input.unit);
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  return svg;
}

/** The width of the line drawn before an end label, in px. */
const endSwatch = 14;

/** The last figure (not null) of each series, in the order of `keys`; series without any are left out. */
function lastFigures(rows: readonly Row[], keys: readonly string[]): { key: string; label: string; value: number }[] {
  return keys.flatMap((key) => {
    const last = rows.filter((r) => r.key === key && r.value !== null).at(-1);
    return last === undefined ? [] : [{ key, label: last.label, value: last.value as number }];
  });
}

/**
 * The series names at the right of the frame: each level with its last figure, moved apart so no two overlap
 * (top down, then pushed up from the bottom when they run out of the frame), cut with "…" when longer than the
 * room, a short line in the series' colour and dash before it and the text in ink (series colours are too pale
 * for text on white).
 */
function drawEndLabels(
  document: ChartDocument,
  labels: readonly { key: string; label: string; y: number; color: string; dash: string }[],
  place: { x: number; room: number; textSize: number; top: number; bottom: number },
): ChartElement {
  const step = place.textSize + 2;
  const sorted = [...labels].sort((a, b) => a.y - b.y).map((l) => ({ ...l }));
  sorted.forEach((l, i) => { if (i > 0) l.y = Math.max(l.y, (sorted[i - 1] as { y: number }).y + step); });
  for (let i = sorted.length - 1; i >= 0; i--) {
    const limit = i === sorted.length - 1 ? place.bottom : (sorted[i + 1] as { y: number }).y - step;
    (sorted[i] as { y: number }).y = Math.min((sorted[i] as { y: number }).y, limit);
  }
  const chars = Math.max(1, Math.floor((place.room - endSwatch - 6) / characterWidthAt(place.textSize)));
  const group = createSvgElement(document, "g", { class: "migmon-end-labels", "font-size": place.textSize, "text-anchor": "start", "aria-hidden": "true" });
  for (const l of sorted) {
    const text = l.label.length <= chars ? l.label : `${l.label.slice(0, Math.max(1, chars - 1))}…`;
    group.appendChild(createSvgElement(document, "line", { x1: place.x, x2: place.x + endSwatch - 4, y1: l.y, y2: l.y, stroke: l.color, "stroke-width": 2, ...(l.dash === "" ? {} : { "stroke-dasharray": l.dash }) }));
    group.appendChild(createSvgElement(document, "text", { x: place.x + endSwatch, y: l.y, dy: "0.32em", fill: "#222222" }, text));
  }
  return group;
}

/**
 * The rows of one series with a null row put between periods that do not follow each other directly, so that
 * the line breaks where a period is absent as it does at a null value. The added rows draw nothing else.
 */
function withGaps(rows: readonly Row[]): Row[] {
  const out: Row[] = [];
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (previous !== undefined && !followsDirectly(previous.period, row.period)) out.push({ ...previous, value: null, flags: "", title: "" });
    out.push(row);
  });
  return out;
}

/** A time-axis tick: the year for 1 January, else the short month and year in the language. */
function timeTick(date: Date, lang: LineChartInput["lang"]): string {
  if (date.getUTCMonth() === 0 && date.getUTCDate() === 1) return String(date.getUTCFullYear());
  return new Intl.DateTimeFormat(localeOf[lang], { month: "short", timeZone: "UTC" }).format(date);
}

