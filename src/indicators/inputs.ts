import { MigmonError, NotFoundError, hasFlag } from "../core/index.ts";
import type { DatasetId, Period } from "../core/index.ts";
import type { AggregatedObservation, Store } from "../store/store.ts";
import type { Cell } from "./cell.ts";
import type { IndicatorInput } from "./catalogue.ts";
import { missingInputNote, withheldNote } from "./flags.ts";
import { sumNationalityGroups } from "./nationalityGroupSums.ts";
import type { Provenance } from "./result.ts";

/** One reduced figure of an input: an area (in the dataset's own coding), a period, a breakdown and a cell. */
export interface InputFigure {
  readonly geo: string;
  readonly period: Period;
  /** Breakdown codes in the order of `input.breakdown`; empty without a breakdown. */
  readonly breakdown: readonly string[];
  readonly cell: Cell;
}

/**
 * The cell of a figure: the observation itself when it is alone, else the sum under the flag rule (flags.ts): a
 * confidential part withholds it, a missing part makes it missing.
 */
function cellOf(g: AggregatedObservation): Cell {
  if (g.cells === 1) return { value: g.value, flags: g.flags };
  if (hasFlag(g.flags, "c")) return { value: null, flags: g.flags, notes: [withheldNote] };
  if (g.value === null) return { value: null, flags: g.flags, notes: [missingInputNote] };
  return { value: g.value, flags: g.flags };
}

/** How a missing input dataset gets into the store, for the message that says it is missing. */
function howToLoad(id: DatasetId, availability: IndicatorInput["availability"]): string {
  switch (availability) {
    case "live": return "live only: `migmon update`";
    case "delivery": return `an agency's delivery: \`migmon ingest ${id} --file F --describe D.yaml\``;
    case "offline": return `\`migmon ingest ${id}\` or \`migmon update --offline\``;
  }
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
 * be ambiguous). The store does the sums (`Store.sum`); an input with `groups` then sums its countries into
 * nationality groups (nationalityGroupSums.ts). Returns the figures and the provenance: the newest release
 * of each figure, which published every part of it as it is read.
 */
export async function readInput(store: Store, input: IndicatorInput, geoCodes: readonly string[] | null, range: ReadRange):
  Promise<{ figures: InputFigure[]; provenance: Provenance[] }> {
  const id = input.dataset as DatasetId;
  const dataset = await store.getDataset(id).catch((error: unknown) => {
    if (error instanceof NotFoundError) {
      throw new NotFoundError(`dataset ${id} is not in the store (${howToLoad(id, input.availability)})`);
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
  // The store adds up the cells (one GROUP BY in DuckDB); only the figures cross into JS.
  const sums = await store.sum(query, [input.geo, ...input.breakdown]);
  const excluded = input.breakdown.map((d) => new Set(input.exclude[d] ?? []));
  const figures: InputFigure[] = [];
  const releases = new Set<number>();
  for (const g of sums) {
    const [geo, ...breakdown] = g.codes as [string, ...string[]];
    if (breakdown.some((c, k) => excluded[k]!.has(c))) continue;
    figures.push({ geo, period: g.period, breakdown, cell: cellOf(g) });
    releases.add(g.release);
  }
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
  return { figures: input.groups === undefined ? figures : sumNationalityGroups(figures, input), provenance };
}
