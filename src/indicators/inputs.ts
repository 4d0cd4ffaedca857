import { MigmonError, NotFoundError, hasFlag, parseFlags, splitSeriesKey } from "../core/index.ts";
import type { DatasetId, Period } from "../core/index.ts";
import type { Store } from "../store/store.ts";
import type { Cell } from "./cell.ts";
import type { IndicatorInput } from "./catalogue.ts";
import { missingInputNote, withheldNote } from "./flags.ts";
import type { Provenance } from "./result.ts";

/** One reduced figure of an input: an area (in the dataset's own coding), a period, a breakdown and a cell. */
export interface InputFigure {
  readonly geo: string;
  readonly period: Period;
  /** Breakdown codes in the order of `input.breakdown`; empty without a breakdown. */
  readonly breakdown: readonly string[];
  readonly cell: Cell;
}

/** The running sum of the observations of one group (area, period, breakdown) while a dataset is reduced. */
interface Accumulator {
  readonly geo: string;
  readonly period: Period;
  readonly breakdown: readonly string[];
  sum: number;
  flags: string;
  parts: number;
  missing: boolean;
  readonly first: { readonly value: number | null; readonly flags: string };
}

/** The cell of a group: the observation itself when it is alone, else the sum under the flag rule (flags.ts). */
function cellOf(g: Accumulator): Cell {
  if (g.parts === 1) return { value: g.first.value, flags: g.first.flags };
  const flags = parseFlags(g.flags);
  if (hasFlag(flags, "c")) return { value: null, flags, notes: [withheldNote] };
  if (g.missing) return { value: null, flags, notes: [missingInputNote] };
  return { value: g.sum, flags };
}

/** The period range and vintage of a read. */
export interface ReadRange {
  readonly from?: Period;
  readonly to?: Period;
  readonly asOf?: string;
}

/**
 * Reads one input of a count indicator from the store and reduces it: filter codes applied, `sum` dimensions
 * added up (flags follow flags.ts), `breakdown` dimensions kept, excluded codes left out. `geoCodes` limits the
 * areas (null: every area of the dataset). Throws MigmonError naming the dataset and the dimension when a
 * dimension of the dataset is neither the area, filtered to one code, summed nor a breakdown (the figure would
 * be ambiguous). Returns the figures and the provenance of the releases they come from.
 */
export async function readInput(store: Store, input: IndicatorInput, geoCodes: readonly string[] | null, range: ReadRange):
  Promise<{ figures: InputFigure[]; provenance: Provenance[] }> {
  const id = input.dataset as DatasetId;
  const dataset = await store.getDataset(id).catch((error: unknown) => {
    if (error instanceof NotFoundError) {
      throw new NotFoundError(`dataset ${id} is not in the store (${input.availability === "live" ? "live only: `migmon update`" : `\`migmon ingest ${id}\` or \`migmon update --offline\``})`);
    }
    throw error;
  });
  const dims = dataset.dimensions;
  const geoIndex = dims.indexOf(input.geo);
  if (geoIndex < 0) throw new MigmonError(`indicator input ${id} has no dimension ${input.geo} (dimensions: ${dims.join(", ")})`);
  for (const d of dims) {
    if (d === input.geo || input.sum.includes(d) || input.breakdown.includes(d)) continue;
    if ((input.filter[d]?.length ?? 0) === 1) continue;
    throw new MigmonError(`indicator input ${id}: dimension ${d} is neither filtered to one code, summed nor a breakdown`);
  }
  const where: Record<string, readonly string[]> = {};
  for (const [d, codes] of Object.entries(input.filter)) {
    if (!dims.includes(d)) throw new MigmonError(`indicator input ${id} filters on ${d}, which the dataset does not have (dimensions: ${dims.join(", ")})`);
    where[d] = codes;
  }
  if (geoCodes !== null) where[input.geo] = geoCodes;
  const query = { dataset: id, where, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}), ...(range.asOf ? { asOf: range.asOf } : {}) };
  const observations = await store.query(query);

  const breakdownIndex = input.breakdown.map((d) => dims.indexOf(d));
  const excluded = input.breakdown.map((d) => new Set(input.exclude[d] ?? []));
  // Per series, once: its area, breakdown and the prefix of its group key (null when a breakdown code is excluded).
  const seriesInfo = new Map<string, { geo: string; breakdown: string[]; prefix: string } | null>();
  const groups = new Map<string, Accumulator>();
  const releases = new Set<number>();
  for (const o of observations) {
    let info = seriesInfo.get(o.series);
    if (info === undefined) {
      const codes = splitSeriesKey(o.series);
      const breakdown = breakdownIndex.map((i) => codes[i] as string);
      const geo = codes[geoIndex] as string;
      info = breakdown.some((c, k) => excluded[k]!.has(c)) ? null : { geo, breakdown, prefix: `${geo}|${breakdown.join(".")}|` };
      seriesInfo.set(o.series, info);
    }
    if (info === null) continue;
    const key = info.prefix + o.period;
    let group = groups.get(key);
    if (group === undefined) {
      group = { geo: info.geo, period: o.period, breakdown: info.breakdown, sum: 0, flags: "", parts: 0, missing: false, first: o };
      groups.set(key, group);
    }
    group.parts++;
    if (o.value === null) group.missing = true;
    else group.sum += o.value;
    if (o.flags !== "" && !group.flags.includes(o.flags)) group.flags += o.flags;
    releases.add(o.release);
  }
  const figures: InputFigure[] = [];
  for (const g of groups.values()) figures.push({ geo: g.geo, period: g.period, breakdown: g.breakdown, cell: cellOf(g) });
  const provenance: Provenance[] = [];
  if (releases.size > 0) {
    const all = await store.listReleases(id);
    const where = Object.entries(query.where).map(([d, c]) => `${d} in (${c.length > 8 ? `${c.slice(0, 8).join(",")},... ${c.length} codes` : c.join(",")})`);
    const text = [`dataset ${id}`, ...where, range.from ? `from ${range.from}` : "", range.to ? `to ${range.to}` : "", range.asOf ? `as of ${range.asOf}` : ""]
      .filter(Boolean).join("; ");
    for (const r of all) {
      if (!releases.has(r.id)) continue;
      provenance.push({ dataset: id, datasetTitle: dataset.title, release: r.id, retrievedAt: r.retrievedAt, sourceUpdatedAt: r.sourceUpdatedAt, licence: dataset.licence, query: text });
    }
  }
  return { figures, provenance };
}
