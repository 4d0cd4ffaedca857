import type { DuckDBConnection } from "@duckdb/node-api";
import { NotFoundError } from "../core/index.ts";
import type { DatasetId, Period } from "../core/index.ts";
import { readNumber, readString, readStringList } from "./convert.ts";

/** A period as the read path sorts it: its text and one integer that orders as `comparePeriods`. */
export interface CachedPeriod {
  readonly period: Period;
  /** (days from 1970-01-01 to period_start) x 8 + period_kind: sorts exactly as (period_start, period_kind). */
  readonly order: number;
}

/**
 * What every read connection may remember between reads because it never changes once committed: the dimensions
 * of a dataset (fixed by its first release) and the text and sort position of a period id (periods are only ever
 * added). Readers see committed rows only, so nothing a rolled-back load wrote can get in here.
 */
export class ReadCache {
  private readonly dimensions = new Map<string, readonly string[]>();
  private periods = new Map<number, CachedPeriod>();

  /** The dimensions of dataset `id`; throws NotFoundError naming it when the store does not have it. */
  async dimensionsOf(conn: DuckDBConnection, id: DatasetId): Promise<readonly string[]> {
    const known = this.dimensions.get(id);
    if (known !== undefined) return known;
    const found = (await conn.runAndReadAll(`SELECT dimensions FROM datasets WHERE id = $1`, [id])).getRows();
    if (found[0] === undefined) throw new NotFoundError(`dataset ${id} not found`);
    const dims = readStringList(found[0][0] ?? null, "datasets.dimensions");
    this.dimensions.set(id, dims);
    return dims;
  }

  /**
   * The periods by id, read again from the table when one of `ids` is not known yet (a load added periods since).
   * An id the table does not have either stays missing from the map (the caller names it).
   */
  async periodsFor(conn: DuckDBConnection, ids: Iterable<number>): Promise<ReadonlyMap<number, CachedPeriod>> {
    for (const id of ids) {
      if (this.periods.has(id)) continue;
      const rows = (await conn.runAndReadAll(
        `SELECT id, period, (period_start - DATE '1970-01-01')::INTEGER * 8 + period_kind FROM periods`)).getRows();
      const next = new Map<number, CachedPeriod>();
      for (const r of rows) {
        next.set(readNumber(r[0] ?? null, "periods.id"), {
          period: readString(r[1] ?? null, "periods.period") as Period,
          order: readNumber(r[2] ?? null, "periods.period_start"),
        });
      }
      this.periods = next;
      break;
    }
    return this.periods;
  }
}
