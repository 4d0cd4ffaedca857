import { DOUBLE, DuckDBTableFunction, INTEGER } from "@duckdb/node-api";
import type { DuckDBConnection, DuckDBVector } from "@duckdb/node-api";

/** Rows the buffer holds before it must be written (4 columns, 20 bytes a row: 5 MB). */
const capacity = 1 << 18;
/** Rows per call of the table function: DuckDB's vector size. */
const vectorRows = 2048;

/**
 * Observations held in JS as four numeric columns (series id, period id, flags index x 2 + missing bit, value) and
 * readable in SQL through a table function, so that an `INSERT … SELECT … FROM <scan>` moves them straight into
 * a table: nothing is staged in DuckDB, and memory stays at one buffer however large the release. `scan` is the
 * table expression (`migmon_buffer_N()`, columns `series_id, period_id, fmiss, value`); fill the arrays up to
 * `length`, run the statement, then set `length` back to 0.
 */
export class ObservationBuffer {
  readonly capacity = capacity;
  readonly seriesIds = new Int32Array(capacity);
  readonly periodIds = new Int32Array(capacity);
  readonly flagsAndMissing = new Int32Array(capacity);
  readonly values = new Float64Array(capacity);
  length = 0;
  position = 0;

  constructor(readonly scan: string) {}

  /** Writes the next rows (up to one vector) into the four output vectors; returns how many, 0 at the end. */
  nextVector(columns: readonly DuckDBVector[]): number {
    const [s, p, f, v] = columns;
    if (!s || !p || !f || !v) throw new Error("observation buffer scan lost a column");
    const from = this.position;
    const rows = Math.min(vectorRows, this.length - from);
    for (let r = 0; r < rows; r++) {
      s.setItem(r, this.seriesIds[from + r] as number);
      p.setItem(r, this.periodIds[from + r] as number);
      f.setItem(r, this.flagsAndMissing[from + r] as number);
      v.setItem(r, this.values[from + r] as number);
    }
    s.flush(); p.flush(); f.flush(); v.flush();
    this.position += rows;
    return rows;
  }
}

const buffers = new WeakMap<DuckDBConnection, ObservationBuffer>();
let registered = 0;

/**
 * The observation buffer of `conn`, registering its table function on first use (one per connection; DuckDB
 * calls it on its own thread while the JS thread awaits the statement, and only one scan runs at a time because a
 * connection runs one statement at a time). Call it outside a transaction: the registration is a catalog entry,
 * and a rollback would undo it.
 */
export function observationBuffer(conn: DuckDBConnection): ObservationBuffer {
  let buffer = buffers.get(conn);
  if (buffer !== undefined) return buffer;
  registered++;
  const name = `migmon_buffer_${registered}`;
  const created = new ObservationBuffer(`${name}()`);
  const fn = DuckDBTableFunction.create({
    name,
    bindFunction: (bind) => {
      bind.addResultColumn("series_id", INTEGER);
      bind.addResultColumn("period_id", INTEGER);
      bind.addResultColumn("fmiss", INTEGER);
      bind.addResultColumn("value", DOUBLE);
      bind.setCardinality(created.length, true);
    },
    // One thread: the rows must reach the INSERT in buffer order.
    initFunction: (init) => { init.setMaxThreads(1); created.position = 0; },
    mainFunction: (info, out) => {
      try {
        const rows = Math.min(vectorRows, created.length - created.position);
        out.rowCount = rows;
        if (rows > 0) created.nextVector([0, 1, 2, 3].map((i) => out.getColumnVector(i)));
      } catch (error) {
        info.setError(error instanceof Error ? error.message : String(error));
      }
    },
  });
  conn.registerTableFunction(fn);
  buffer = created;
  buffers.set(conn, buffer);
  return buffer;
}
