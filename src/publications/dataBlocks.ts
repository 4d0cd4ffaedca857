// The blocks of a section that show an indicator: sentences (level, change, rank, comparison), a line chart with
// the register's events, a table of the last periods and a municipal or European map. A block whose data the
// store does not hold gives `missing` (the section says which dataset); a chart or map is never drawn empty.
import { choroplethSvg, lineChartSvg } from "../charts/renderSvg.ts";
import { periodLabel } from "../charts/index.ts";
import type { ChartEvent, LineChartInput, MapShape } from "../charts/index.ts";
import { citationText, catalogues, describeFlags } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { IndicatorResult } from "../indicators/result.ts";
import { eventsFor } from "../events/query.ts";
import type { PolicyEvent } from "../events/schema.ts";
import { cellFigure, digitsOfUnit } from "./figureFormat.ts";
import { seriesOf } from "./figureSource.ts";
import type { FigureReader, Figures } from "./figureSource.ts";
import type { Block } from "./model.ts";
import { phrase } from "./phrases.ts";
import { referenceOf } from "./reference.ts";
import { changeSentences, comparisonSentences, levelSentences, rankSentences } from "./sentences.ts";
import type { TextContext } from "./sentences.ts";
import type { TemplateBlock } from "./templateSchema.ts";

/** What the data blocks read: figures, the register (chart events) and map shapes (effects passed in). */
export interface DataBlockInputs {
  readonly reader: FigureReader;
  readonly register: readonly PolicyEvent[];
  readonly shapes: (layer: "municipalities" | "nuts0") => readonly MapShape[];
}

/** A block built, or the datasets that would give it. */
export type BuiltBlock = { readonly block: Block } | Extract<Figures, { kind: "missing" }> | { readonly nothing: true };

/** The indicator's unit in the language, from the catalogue keys the explorer uses (`web.unit.<unit>`). */
export function unitWord(unit: string, lang: Lang): string {
  return (catalogues[lang] as Readonly<Record<string, string>>)[`web.unit.${unit}`] ?? unit;
}

function sentencesBlock(sentences: Block & { kind: "sentences" } | null): BuiltBlock {
  return sentences === null || sentences.sentences.length === 0 ? { nothing: true } : { block: sentences };
}

async function needFigures(reader: FigureReader, id: string, geos: readonly string[]): Promise<Figures> {
  return reader.read(id, geos);
}

/** The register's events for the series that fall within its periods (an event after the last figure would stretch the axis over empty years). */
function chartEvents(register: readonly PolicyEvent[], topics: readonly string[], geo: string, lang: Lang, first: string, last: string): ChartEvent[] {
  return eventsFor(register, topics, geo)
    .filter((e) => e.inForce >= first.slice(0, 4) && e.inForce.slice(0, 7) <= last.slice(0, 7))
    .map((e) => ({ date: e.inForce, label: e.title[lang], kind: e.kind, direction: e.direction, checked: e.checked, summary: e.summary[lang], source: e.sources[0]! }));
}

/** A numbered table of the last `periods` periods: one row per area, one column per period (each labelled). */
function tableOf(result: IndicatorResult, geos: readonly string[], periods: number, takeNumber: () => number, tc: TextContext): Block | null {
  const all = [...new Set(geos.flatMap((g) => seriesOf(result, g).map((v) => v.period)))].sort().slice(-periods);
  const rows = geos.filter((g) => seriesOf(result, g).some((v) => all.includes(v.period))).map((g) => [
    tc.names.label(g, tc.lang),
    ...all.map((p) => {
      const v = seriesOf(result, g).find((x) => x.period === p);
      return v === undefined || v.value === null ? "–" : `${cellFigure(v.value, result.indicator.unit, tc.lang)}${v.flags ? ` ${v.flags}` : ""}`;
    }),
  ]);
  if (rows.length === 0) return null;
  const flags = result.values.filter((v) => all.includes(v.period)).map((v) => v.flags).join("");
  return {
    kind: "table", number: takeNumber(), caption: `${result.indicator.title[tc.lang]} (${unitWord(result.indicator.unit, tc.lang)})`,
    columns: [phrase(tc.book, tc.lang, "ui.area"), ...all.map((p) => periodLabel(p, tc.lang))], rows,
    notes: describeFlags(flags, tc.lang) === "" ? [] : describeFlags(flags, tc.lang).split(", "),
    source: citationText(result, tc.lang), references: [referenceOf(result, geos, all, tc.asOf)],
  };
}

function lineFigure(result: IndicatorResult, geos: readonly string[], from: string | undefined, register: readonly PolicyEvent[], topics: readonly string[], takeNumber: () => number, tc: TextContext): Block | null {
  const series = geos.map((g) => ({ key: g, label: tc.names.label(g, tc.lang), points: seriesOf(result, g).filter((v) => from === undefined || v.period >= from).map((v) => ({ period: v.period, value: v.value, flags: v.flags })) }))
    .filter((s) => s.points.length > 0);
  if (series.length === 0 || series.every((s) => s.points.length < 2)) return null;
  const periods = series.flatMap((s) => s.points.map((p) => p.period)).sort();
  const title = result.indicator.title[tc.lang];
  const input: LineChartInput = {
    series, unit: unitWord(result.indicator.unit, tc.lang), lang: tc.lang, title, fractionDigits: digitsOfUnit(result.indicator.unit),
    events: chartEvents(register, topics, geos[0]!, tc.lang, periods[0]!, periods.at(-1)!),
  };
  const number = takeNumber();
  return {
    kind: "figure", number, title, svg: lineChartSvg(input, { width: 680, height: 340, idPrefix: `figure-${number}` }),
    source: citationText(result, tc.lang), references: [referenceOf(result, series.map((s) => s.key), periods, tc.asOf)],
  };
}

function mapFigure(result: IndicatorResult, shapes: readonly MapShape[], layer: "municipalities" | "nuts0", takeNumber: () => number, tc: TextContext): Block | null {
  const known = new Set(shapes.map((s) => s.properties.code));
  const latest = result.values.filter((v) => v.value !== null).map((v) => v.period).sort().at(-1);
  if (latest === undefined) return null;
  const values = Object.fromEntries(result.values.filter((v) => v.period === latest && known.has(v.geo)).map((v) => [v.geo, { value: v.value, flags: v.flags }]));
  if (Object.keys(values).length === 0) return null;
  const names = Object.fromEntries(Object.keys(values).map((code) => [code, tc.names.label(code, tc.lang)]));
  const title = `${result.indicator.title[tc.lang]}, ${periodLabel(latest, tc.lang)}`;
  const number = takeNumber();
  const svg = choroplethSvg({ shapes, values, names, unit: unitWord(result.indicator.unit, tc.lang), lang: tc.lang, title, projection: layer === "nuts0" ? "europe" : "belgium", fractionDigits: digitsOfUnit(result.indicator.unit) }, { width: 680, idPrefix: `figure-${number}` });
  return {
    kind: "figure", number, title, svg, source: citationText(result, tc.lang),
    references: [{ ...referenceOf(result, [], [latest], tc.asOf), level: "municipality" }],
  };
}

/**
 * Builds one data block of a template. `nextNumber` gives the number of the next figure or table (called only
 * when one is drawn, so numbers have no holes).
 */
export async function buildDataBlock(block: TemplateBlock, inputs: DataBlockInputs, tc: TextContext, nextNumber: (kind: "figure" | "table") => number): Promise<BuiltBlock> {
  const { reader } = inputs;
  switch (block.kind) {
    case "level": {
      const main = await needFigures(reader, block.indicator, block.geos);
      if (main.kind === "missing") return main;
      const companions: { share?: IndicatorResult; total?: IndicatorResult } = {};
      for (const name of ["share", "total"] as const) {
        const id = block[name];
        if (id === undefined) continue;
        const c = await needFigures(reader, id, block.geos);
        if (c.kind === "missing") return c;
        companions[name] = c.result;
      }
      return sentencesBlock({ kind: "sentences", sentences: levelSentences(main.result, companions, main.geos, block.pattern, block.at, tc) });
    }
    case "change": {
      const f = await needFigures(reader, block.indicator, block.geos);
      return f.kind === "missing" ? f : sentencesBlock({ kind: "sentences", sentences: changeSentences(f.result, f.geos, block.subject, block.years, tc) });
    }
    case "rank": {
      const f = await needFigures(reader, block.indicator, block.among);
      return f.kind === "missing" ? f : sentencesBlock({ kind: "sentences", sentences: rankSentences(f.result, block.focus, f.geos, block.subject, tc) });
    }
    case "comparison": {
      const f = await needFigures(reader, block.indicator, [...block.focus, ...block.others]);
      return f.kind === "missing" ? f : sentencesBlock({ kind: "sentences", sentences: comparisonSentences(f.result, block.focus, block.others, block.subject, tc) });
    }
    case "chart": {
      const f = await needFigures(reader, block.indicator, block.geos);
      if (f.kind === "missing") return f;
      const topics = reader.indicator(block.indicator).topics;
      const drawn = lineFigure(f.result, f.geos, block.from, inputs.register, topics, () => nextNumber("figure"), tc);
      return drawn === null ? { nothing: true } : { block: drawn };
    }
    case "table": {
      const f = await needFigures(reader, block.indicator, block.geos);
      if (f.kind === "missing") return f;
      const table = tableOf(f.result, f.geos, block.periods, () => nextNumber("table"), tc);
      return table === null ? { nothing: true } : { block: table };
    }
    case "map": {
      const f = await reader.readMunicipalities(block.indicator);
      if (f.kind === "missing") return f;
      const drawn = mapFigure(f.result, inputs.shapes(block.layer), block.layer, () => nextNumber("figure"), tc);
      return drawn === null ? { nothing: true } : { block: drawn };
    }
    case "breakdown":
      return buildBreakdownBlock(block, reader, tc, () => nextNumber("table"));
    default:
      throw new Error(`buildDataBlock: ${block.kind} is not a data block`);
  }
}

/** The breakdown table of a group profile: one row per code of the breakdown (a country of citizenship or birth) in one area. */
export async function buildBreakdownBlock(block: Extract<TemplateBlock, { kind: "breakdown" }>, reader: FigureReader, tc: TextContext, nextNumber: () => number): Promise<BuiltBlock> {
  const f = await reader.read(block.indicator, [block.geo]);
  if (f.kind === "missing") return f;
  const result = f.result;
  const dim = result.breakdownDimensions[0];
  if (dim === undefined) return { nothing: true };
  const values = result.values.filter((v) => v.geo === block.geo && v.breakdown !== undefined && block.codes.includes(v.breakdown[dim] ?? ""));
  const periods = [...new Set(values.filter((v) => v.value !== null).map((v) => v.period))].sort().slice(-block.periods);
  const rows = block.codes.filter((c) => values.some((v) => v.breakdown![dim] === c && periods.includes(v.period) && v.value !== null)).map((code) => [
    tc.names.label(code, tc.lang),
    ...periods.map((p) => {
      const v = values.find((x) => x.breakdown![dim] === code && x.period === p);
      return v === undefined || v.value === null ? "–" : `${cellFigure(v.value, result.indicator.unit, tc.lang)}${v.flags ? ` ${v.flags}` : ""}`;
    }),
  ]);
  if (rows.length === 0) return { nothing: true };
  const flags = values.filter((v) => periods.includes(v.period)).map((v) => v.flags).join("");
  return { block: {
    kind: "table", number: nextNumber(), caption: `${result.indicator.title[tc.lang]}, ${tc.names.label(block.geo, tc.lang)} (${unitWord(result.indicator.unit, tc.lang)})`,
    columns: [phrase(tc.book, tc.lang, "ui.area"), ...periods.map((p) => periodLabel(p, tc.lang))], rows,
    notes: describeFlags(flags, tc.lang) === "" ? [] : describeFlags(flags, tc.lang).split(", "),
    source: citationText(result, tc.lang), references: [referenceOf(result, [block.geo], periods, tc.asOf)],
  } };
}
