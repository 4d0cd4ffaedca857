// Large answers written row by row: a JSON object whose last member is a list, or CSV, produced as a stream of
// chunks of a few hundred rows, so an answer of 100,000 observations never exists as one string (which would
// double the memory of the rows it is made from, and keep it until the last byte is sent).
import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";

/** Rows serialised per chunk: enough to keep the per-chunk overhead small, few enough to keep chunks ~50 kB. */
const rowsPerChunk = 500;

/**
 * A JSON object with the members of `head` and, last, `name`: the rows (each serialised on its own), as a stream.
 * Parses as `{ ...head, [name]: rows }`.
 */
export function jsonRowStream(head: Readonly<Record<string, unknown>>, name: string, rows: readonly unknown[]): Readable {
  const opening = JSON.stringify(head);
  const prefix = `${opening.slice(0, -1)}${opening === "{}" ? "" : ","}${JSON.stringify(name)}:[`;
  return Readable.from((function* () {
    yield prefix;
    for (let i = 0; i < rows.length; i += rowsPerChunk) {
      const part = rows.slice(i, i + rowsPerChunk).map((row) => JSON.stringify(row)).join(",");
      yield i === 0 ? part : `,${part}`;
    }
    yield "]}";
  })(), { objectMode: false });
}

/** CSV with a header line of `columns`, then one line per record of `recordOf(row)`, as a stream. */
export function csvRowStream<T>(columns: readonly string[], rows: readonly T[], recordOf: (row: T) => readonly unknown[]): Readable {
  return Readable.from((function* () {
    yield stringify([[...columns]]);
    for (let i = 0; i < rows.length; i += rowsPerChunk) {
      yield stringify(rows.slice(i, i + rowsPerChunk).map((row) => [...recordOf(row)]));
    }
  })(), { objectMode: false });
}
