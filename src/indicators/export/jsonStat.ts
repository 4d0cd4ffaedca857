import { comparePeriods, UsageError } from "../../core/index.ts";
import type { IndicatorResult } from "../result.ts";
import type { ExportOptions } from "./exportLocale.ts";
import { resultRows } from "./resultRows.ts";

/** A JSON-stat 2.0 dimension object: category ids in order, labels where known, units for the metric. */
interface JsonStatDimension {
  label: string;
  category: {
    index: string[];
    label?: Record<string, string>;
    unit?: Record<string, { label: string }>;
  };
}

/** The JSON-stat 2.0 dataset a result becomes (see https://json-stat.org/full/). */
export interface JsonStatDataset {
  version: "2.0";
  class: "dataset";
  label: string;
  source: string;
  updated?: string;
  note: string[];
  id: string[];
  size: number[];
  role: { time: string[]; geo: string[]; metric: string[] };
  dimension: Record<string, JsonStatDimension>;
  value: (number | null)[];
  status: Record<string, string>;
  extension: {
    citation: string;
    indicator: string;
    lang: string;
    asOf: string | null;
    provenance: IndicatorResult["provenance"];
    breaks: IndicatorResult["indicator"]["breaks"];
    lower: (number | null)[];
    upper: (number | null)[];
    notes: Record<string, string[]>;
  };
}

/** The most cells a JSON-stat cube may hold here: `value` is dense, so the file grows with the cube, not the values. */
export const jsonStatMaxCells = 50_000_000;

function firstSeen(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

/**
 * Builds the JSON-stat 2.0 dataset of a result: dimensions `indicator` (the metric, one category carrying the
 * unit), `geo`, the breakdown dimensions and `time` (periods in time order; other categories in order of first
 * appearance), `value` dense in row-major order with null for a missing value or an absent cell, `status` with
 * the flags of every flagged cell (sparse object form), the indicator's title as label, the citation as
 * `source`, quality notes as `note`, and as `updated` the latest of the publishers' update dates (the retrieval
 * time where a source states none). What JSON-stat has no field for goes in `extension`: the citation again,
 * the provenance, the breaks, the confidence bounds (`lower`, `upper`, aligned with `value`) and the notes of
 * each cell (keyed by its index). Texts are in the chosen language. Throws UsageError for a cube of more than
 * jsonStatMaxCells cells and MigmonError for an inconsistent result.
 */
export function toJsonStat(result: IndicatorResult, options: ExportOptions): JsonStatDataset {
  const { locale } = options;
  const lang = locale.lang;
  const rows = resultRows(result);
  const dims = result.breakdownDimensions;
  const geos = firstSeen(rows.map((r) => r.geo));
  const breakdowns = dims.map((_, i) => firstSeen(rows.map((r) => r.breakdown[i] as string)));
  const periods = firstSeen(rows.map((r) => r.period)).sort(comparePeriods);
  const categories = [[result.indicator.id], geos, ...breakdowns, periods];
  const size = categories.map((c) => c.length);
  const positions = categories.map((c) => new Map(c.map((code, i) => [code, i])));
  const total = size.reduce((a, b) => a * b, 1);
  if (total > jsonStatMaxCells) {
    throw new UsageError(`the JSON-stat cube of indicator ${result.indicator.id} would hold ${total} cells, more than `
      + `${jsonStatMaxCells}: choose csv or parquet, or narrow the query`);
  }
  const value: (number | null)[] = new Array<number | null>(total).fill(null);
  const lower: (number | null)[] = new Array<number | null>(total).fill(null);
  const upper: (number | null)[] = new Array<number | null>(total).fill(null);
  const status: Record<string, string> = {};
  const notes: Record<string, string[]> = {};
  for (const r of rows) {
    const codes = [result.indicator.id, r.geo, ...r.breakdown, r.period];
    let index = 0;
    codes.forEach((code, d) => { index = index * (size[d] as number) + (positions[d]?.get(code) as number); });
    value[index] = r.value;
    lower[index] = r.lower;
    upper[index] = r.upper;
    if (r.flags !== "") status[String(index)] = r.flags;
    if (r.notes.length > 0) notes[String(index)] = [...r.notes];
  }
  const dimension: Record<string, JsonStatDimension> = {
    indicator: {
      label: locale.text("label.indicator"),
      category: {
        index: [result.indicator.id],
        label: { [result.indicator.id]: result.indicator.title[lang] },
        unit: { [result.indicator.id]: { label: result.indicator.unit } },
      },
    },
    geo: { label: locale.text("column.geo"), category: { index: geos } },
  };
  dims.forEach((d, i) => { dimension[d] = { label: d, category: { index: breakdowns[i] as string[] } }; });
  dimension.time = { label: locale.text("column.period"), category: { index: periods } };
  const updated = result.provenance.map((p) => p.sourceUpdatedAt ?? p.retrievedAt).sort().at(-1);
  const citation = locale.citation(result);
  return {
    version: "2.0",
    class: "dataset",
    label: result.indicator.title[lang],
    source: citation,
    ...(updated === undefined ? {} : { updated }),
    note: result.indicator.notes.map((n) => n[lang]),
    id: ["indicator", "geo", ...dims, "time"],
    size,
    role: { time: ["time"], geo: ["geo"], metric: ["indicator"] },
    dimension,
    value,
    status,
    extension: {
      citation,
      indicator: result.indicator.id,
      lang,
      asOf: result.asOf,
      provenance: result.provenance,
      breaks: result.indicator.breaks,
      lower,
      upper,
      notes,
    },
  };
}

/** Writes a result as JSON-stat 2.0 text (see toJsonStat). Throws MigmonError for an inconsistent result. */
export function exportJsonStat(result: IndicatorResult, options: ExportOptions): string {
  return JSON.stringify(toJsonStat(result, options));
}
