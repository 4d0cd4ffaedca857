// The reference every generated sentence, table and figure carries: which indicator, areas, periods and
// releases its figures come from, and the API query (GET /api/indicators/{id}/data) that returns them.
import type { IndicatorResult } from "../indicators/result.ts";

/** A release of a dataset a figure was computed from. */
export interface ReleaseRef {
  readonly dataset: string;
  readonly release: number;
}

/** Where a sentence's or table's figures come from. */
export interface FigureReference {
  readonly indicator: string;
  readonly geos: readonly string[];
  /** Every area of this level instead of `geos` (a municipal map). */
  readonly level?: "municipality";
  readonly from: string;
  readonly to: string;
  /** The edition's as-of date, or null for the latest releases. */
  readonly asOf: string | null;
  readonly releases: readonly ReleaseRef[];
}

/** The API query that returns a reference's figures: `/api/indicators/<id>/data?geo=..&from=..&to=..[&asOf=..]`. */
export function apiQuery(ref: FigureReference): string {
  const params = new URLSearchParams(ref.level === undefined ? { geo: ref.geos.join(",") } : { level: ref.level });
  params.set("from", ref.from);
  params.set("to", ref.to);
  if (ref.asOf !== null) params.set("asOf", ref.asOf);
  return `/api/indicators/${ref.indicator}/data?${params.toString().replaceAll("%2C", ",")}`;
}

/** The reference of some figures of a result: the areas and period range named, the releases the result read. */
export function referenceOf(result: IndicatorResult, geos: readonly string[], periods: readonly string[], asOf: string | null): FigureReference {
  const sorted = [...new Set(periods)].sort();
  return {
    indicator: result.indicator.id,
    geos: [...new Set(geos)],
    from: sorted[0] ?? "",
    to: sorted.at(-1) ?? "",
    asOf,
    releases: result.provenance.map((p) => ({ dataset: p.dataset, release: Number(p.release) })).sort((a, b) => a.dataset.localeCompare(b.dataset)),
  };
}
