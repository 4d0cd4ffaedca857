import type { DuckDBConnection } from "@duckdb/node-api";
import { UsageError, parseFlags } from "../core/index.ts";
import type { ReleaseId } from "../core/index.ts";
import { doubleColumn, integerColumn, textColumn } from "./columns.ts";
import { StoreValueError, readString } from "./convert.ts";
import type { ReadCache } from "./read-cache.ts";
import { selectObservations } from "./selection.ts";
import type { StatementCache } from "./statements.ts";
import type { AggregatedObservation, ObservationQuery, SumOptions } from "./store.ts";

/**
 * The observations `q` selects, added up over every dimension not in `keep`: one `GROUP BY` of the kept dimension
 * columns and the period in DuckDB, so only the figures cross into JS. Per figure: the sum (null when a cell is
 * missing, unless `nullIsZero`), the union of the cells' flags (the non-empty flag texts concatenated in SQL,
 * then parseFlags), the number of cells and the newest release among them. Sorted by the kept codes (JS
 * string order), then period (comparePeriods order). Throws as queryObservations does, and UsageError for a kept
 * dimension the dataset does not have or one named twice.
 */
export async function sumObservations(conn: DuckDBConnection, q: ObservationQuery, keep: readonly string[], options: SumOptions,
  cache: ReadCache, statements: StatementCache): Promise<AggregatedObservation[]> {
  if (new Set(keep).size !== keep.length) throw new UsageError(`sum: a kept dimension is named twice (${keep.join(", ")})`);
  const dimensions = await cache.dimensionsOf(conn, q.dataset);
  const columns = keep.map((d) => {
    const i = dimensions.indexOf(d);
    if (i < 0) throw new UsageError(`dataset ${q.dataset} has no dimension ${JSON.stringify(d)} to keep; it has ${dimensions.join(", ")}`);
    return `s.dim${i + 1}`;
  });
  const selection = await selectObservations(conn, cache, q);
  if (selection === null) return [];
  const grouped = [...columns, "o.period_id"].join(", ");
  // A missing cell makes the sum missing: count(o.value) < count(*) is written as NaN, the stand-in the columnar
  // reader turns back into null (the store never holds NaN). sum() of cells that are all missing is NULL too.
  const total = options.nullIsZero === true
    ? "coalesce(sum(o.value), 0)"
    : "CASE WHEN count(o.value) = count(*) THEN sum(o.value) ELSE 'NaN'::DOUBLE END";
  const sql = `SELECT ${columns.map((c) => `${c}`).join(", ")}${columns.length > 0 ? ", " : ""}o.period_id, ${total},
      count(*)::INTEGER, max(o.valid_from), string_agg(o.flags, '') FILTER (WHERE o.flags <> '')
    ${selection.fromWhere} GROUP BY ${grouped}`;
  const result = await statements.run(conn, sql, selection.params);
  const k = columns.length;
  const rows: { codes: string[]; periodId: number; value: number; cells: number; release: number; flags: string }[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const codeCols = columns.map((_, j) => textColumn(chunk, j, `series.dim (${keep[j]})`));
    const periodCol = integerColumn(chunk, k, "observations.period_id");
    const valueCol = doubleColumn(chunk, k + 1, "sum(observations.value)");
    const cellCol = integerColumn(chunk, k + 2, "count(*)");
    const releaseCol = integerColumn(chunk, k + 3, "max(observations.valid_from)");
    const flagCol = textColumn(chunk, k + 4, "observations.flags");
    for (let i = 0, n = chunk.rowCount; i < n; i++) {
      rows.push({
        codes: codeCols.map((col, j) => readString(col.getItem(i), `series.dim (${keep[j]})`)),
        periodId: periodCol.getItem(i) as number,
        value: valueCol.getItem(i) as number,
        cells: cellCol.getItem(i) as number,
        release: releaseCol.getItem(i) as number,
        flags: flagCol.getItem(i) ?? "",
      });
    }
  }
  const periods = await cache.periodsFor(conn, new Set(rows.map((r) => r.periodId)));
  const periodOf = (id: number) => {
    const p = periods.get(id);
    if (p === undefined) throw new StoreValueError(`observations.period_id ${id} is not in the periods table`);
    return p;
  };
  const out = rows.map((r): AggregatedObservation & { order: number } => ({
    codes: r.codes,
    period: periodOf(r.periodId).period,
    value: Number.isNaN(r.value) ? null : r.value,
    flags: r.flags === "" ? "" : parseFlags(r.flags),
    cells: r.cells,
    release: r.release as ReleaseId,
    order: periodOf(r.periodId).order,
  }));
  out.sort((a, b) => {
    for (let j = 0; j < k; j++) {
      const x = a.codes[j] as string;
      const y = b.codes[j] as string;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a.order - b.order;
  });
  return out.map(({ order: _order, ...figure }) => figure);
}
