import { listValue } from "@duckdb/node-api";
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { UsageError } from "../core/index.ts";
import type { Period } from "../core/index.ts";
import { positionOfPeriod } from "./period-order.ts";
import type { PeriodPosition } from "./period-order.ts";
import type { ReadCache } from "./read-cache.ts";
import type { ObservationQuery } from "./store.ts";
import { resolveVersion } from "./versions.ts";

/** The rows a query selects, as SQL: series `s` joined with observations `o` (and periods `p` for a range). */
export interface Selection {
  /** The dataset's dimensions, in order (dimension i is column `s.dim{i+1}`). */
  readonly dimensions: readonly string[];
  /** `FROM … WHERE …` over `s` and `o`, every user value a parameter. */
  readonly fromWhere: string;
  readonly params: readonly DuckDBValue[];
}

function periodBound(p: Period, name: string): PeriodPosition {
  try {
    return positionOfPeriod(p);
  } catch {
    throw new UsageError(`${name} ${JSON.stringify(p)} is not a period`);
  }
}

/**
 * The observations `q` selects as one join of the series (filtered by their dimension columns) with the
 * observations; DuckDB passes the min and max of the matching series ids to the observation scan, whose zonemaps
 * then skip every row group outside them. Codes travel as list parameters and the release as a number, so the text
 * depends only on which dimensions are filtered, the kind of version and whether a period bound is given (one
 * prepared statement each). Null when the answer is empty whatever the data (no codes asked for, or a date before
 * the first release). `joinPeriods` joins the periods `p` even without a period bound. Throws NotFoundError for an
 * unknown dataset or release, UsageError for an unknown dimension, a bad period or asOf.
 */
export async function selectObservations(conn: DuckDBConnection, cache: ReadCache, q: ObservationQuery,
  options: { readonly joinPeriods?: boolean } = {}): Promise<Selection | null> {
  const dimensions = await cache.dimensionsOf(conn, q.dataset);
  const version = await resolveVersion(conn, q.dataset, q);
  if (version.kind === "none") return null;
  const params: DuckDBValue[] = [q.dataset];
  const param = (v: DuckDBValue) => { params.push(v); return `$${params.length}`; };
  const conditions = ["s.dataset = $1"];
  for (const [dimension, codes] of Object.entries(q.where ?? {})) {
    const i = dimensions.indexOf(dimension);
    if (i < 0) throw new UsageError(`dataset ${q.dataset} has no dimension ${JSON.stringify(dimension)}; it has ${dimensions.join(", ")}`);
    if (codes.length === 0) return null;
    conditions.push(codes.length === 1 ? `s.dim${i + 1} = ${param(codes[0] as string)}` : `list_contains(${param(listValue([...codes]))}, s.dim${i + 1})`);
  }
  if (version.kind === "latest") conditions.push("o.valid_to IS NULL");
  else {
    const r = param(version.release);
    conditions.push(`o.valid_from <= ${r} AND (o.valid_to IS NULL OR o.valid_to > ${r})`);
  }
  let from = "series s JOIN observations o ON o.series_id = s.id";
  // A page (query-page.ts) orders and resumes by the period's position, so it joins the periods without a range.
  if (options.joinPeriods === true || q.from !== undefined || q.to !== undefined) from += " JOIN periods p ON p.id = o.period_id";
  if (q.from !== undefined || q.to !== undefined) {
    if (q.from !== undefined) {
      const b = periodBound(q.from, "from");
      const start = param(b.start);
      conditions.push(`p.period_start >= ${start}::DATE AND (p.period_start > ${start}::DATE OR p.period_kind >= ${param(b.kind)})`);
    }
    if (q.to !== undefined) {
      const b = periodBound(q.to, "to");
      const start = param(b.start);
      conditions.push(`p.period_start <= ${start}::DATE AND (p.period_start < ${start}::DATE OR p.period_kind <= ${param(b.kind)})`);
    }
  }
  return { dimensions, fromWhere: `FROM ${from} WHERE ${conditions.join(" AND ")}`, params };
}
