import { DOUBLE, DuckDBDataChunk, INTEGER } from "@duckdb/node-api";
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import type { Dataset, Observation } from "../core/index.ts";
import { ObservationCoder } from "./observation-coder.ts";
import { positionOfPeriod } from "./period-order.ts";

/** The temporary tables a load stages into; connection-local, never written to the database file. */
export const stageTables = ["stage_obs", "stage_series", "stage_periods", "stage_flags"] as const;

/** What staging learnt about the input. */
export interface StageSummary {
  readonly observations: number;
  readonly series: number;
  /** False when the input was too wide for the in-memory duplicate check; the caller must check in SQL. */
  readonly duplicatesChecked: boolean;
}

const chunkRows = 2048;

/**
 * Stages a release's observations into temporary tables on `conn`: `stage_obs(sidx, pidx, fmiss, value)` holds
 * one row per observation with the series, period and flags as indexes into `stage_series(idx, series_key)`,
 * `stage_periods(idx, period, period_start, period_kind)` and `stage_flags(idx, flags)`; `fmiss` is the flags
 * index times 2, plus 1 when the value is missing (`value` is then 0 and means nothing). Numbers only cross the
 * JS/DuckDB boundary per observation, in DataChunks of 2048 rows, which is what makes millions per second possible.
 * Duplicate series/period pairs are caught here (see PairSet).
 * Throws InputError (naming `source`) for a duplicate, a series key with the wrong number of codes, a period or flag that
 * cannot be read, or a value that is NaN or infinite; errors from the batches iterator pass through unchanged.
 */
export async function stageObservations(
  conn: DuckDBConnection,
  dataset: Dataset,
  source: string,
  batches: AsyncIterable<readonly Observation[]>,
  onProgress?: (staged: number) => void,
): Promise<StageSummary> {
  await dropStageTables(conn);
  await conn.run(`CREATE TEMP TABLE stage_obs (sidx INTEGER, pidx INTEGER, fmiss INTEGER, value DOUBLE)`);
  await conn.run(`CREATE TEMP TABLE stage_series (idx INTEGER, series_key VARCHAR)`);
  await conn.run(`CREATE TEMP TABLE stage_periods (idx INTEGER, period VARCHAR, period_start VARCHAR, period_kind INTEGER)`);
  await conn.run(`CREATE TEMP TABLE stage_flags (idx INTEGER, flags VARCHAR)`);

  const coder = new ObservationCoder(dataset, source);

  const appender = await conn.createAppender("stage_obs", "main", "temp");
  const chunk = DuckDBDataChunk.create([INTEGER, INTEGER, INTEGER, DOUBLE]);
  const sidx = new Int32Array(chunkRows);
  const pidx = new Int32Array(chunkRows);
  const fmiss = new Int32Array(chunkRows);
  const values = new Float64Array(chunkRows);
  let filled = 0;
  let staged = 0;

  const flush = () => {
    chunk.rowCount = filled;
    const [vs, vp, vf, vv] = [0, 1, 2, 3].map((i) => chunk.getColumnVector(i));
    if (!vs || !vp || !vf || !vv) throw new Error("stage chunk lost a column");
    for (let r = 0; r < filled; r++) {
      vs.setItem(r, sidx[r] as number);
      vp.setItem(r, pidx[r] as number);
      vf.setItem(r, fmiss[r] as number);
      vv.setItem(r, values[r] as number);
    }
    vs.flush(); vp.flush(); vf.flush(); vv.flush();
    appender.appendDataChunk(chunk);
    filled = 0;
  };

  try {
    for await (const batch of batches) {
      for (const o of batch) {
        coder.code(o);
        sidx[filled] = coder.series;
        pidx[filled] = coder.period;
        fmiss[filled] = coder.flagsAndMissing;
        values[filled] = coder.value;
        filled++;
        if (filled === chunkRows) flush();
      }
      staged += batch.length;
      onProgress?.(staged);
    }
    if (filled > 0) flush();
    appender.flushSync();
  } finally {
    appender.closeSync();
  }

  await appendRows(conn, "stage_series", coder.seriesKeys, (a, key, i) => { a.appendInteger(i); a.appendVarchar(key); });
  await appendRows(conn, "stage_periods", coder.periods, (a, period, i) => {
    const position = positionOfPeriod(period);
    a.appendInteger(i); a.appendVarchar(period); a.appendVarchar(position.start); a.appendInteger(position.kind);
  });
  await appendRows(conn, "stage_flags", coder.flags, (a, flags, i) => { a.appendInteger(i); a.appendVarchar(flags); });
  return { observations: staged, series: coder.seriesKeys.length, duplicatesChecked: coder.duplicatesChecked };
}

/** Appends one row per entry of `keys` (with its index) to the temporary table `table` on `conn`. */
export async function appendRows(conn: DuckDBConnection, table: string, keys: readonly string[],
  write: (a: DuckDBAppender, key: string, i: number) => void): Promise<void> {
  const appender = await conn.createAppender(table, "main", "temp");
  try {
    for (let i = 0; i < keys.length; i++) {
      write(appender, keys[i] as string, i);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** Drops the staging tables of an earlier or failed load on `conn`. */
export async function dropStageTables(conn: DuckDBConnection): Promise<void> {
  for (const t of [...stageTables, "stage_map", "period_map", "changes"]) await conn.run(`DROP TABLE IF EXISTS temp.${t}`);
}
