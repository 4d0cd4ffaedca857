// The one way the analysis turns `(number | null)[]` inputs into the Float64Arrays its methods take, so that
// every method treats missing values alike: a row is dropped when any aligned column is null there.
import { MigmonError } from "../core/index.ts";

/** What dropMissing kept: the complete columns, the original positions of the kept rows and the count dropped. */
export interface MissingDropped<T extends readonly (readonly (number | null)[])[]> {
  /** One Float64Array per input column, in the input order, holding only the complete rows. */
  readonly columns: { -readonly [K in keyof T]: Float64Array };
  /** For each kept row, its position in the input (so results can be mapped back to periods). */
  readonly kept: Int32Array;
  /** How many rows had at least one null and were dropped. */
  readonly dropped: number;
}

/**
 * Drops every row in which any of the aligned columns is null (missing is a value, never NaN or 0) and returns
 * the complete rows as Float64Arrays with their original positions. Throws MigmonError when the columns differ
 * in length or hold NaN or an infinite number (missing values must be null, so a NaN is a bug upstream).
 */
export function dropMissing<T extends readonly (readonly (number | null)[])[]>(...columns: T): MissingDropped<T> {
  const n = columns[0]?.length ?? 0;
  columns.forEach((column, j) => {
    if (column.length !== n) {
      throw new MigmonError(`dropMissing: column ${j} has ${column.length} values, column 0 has ${n}`);
    }
  });
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    let complete = true;
    for (let j = 0; j < columns.length; j++) {
      const value = (columns[j] as readonly (number | null)[])[i];
      if (value === null || value === undefined) {
        complete = false;
      } else if (!Number.isFinite(value)) {
        throw new MigmonError(`dropMissing: column ${j} position ${i} holds ${value}; missing values must be null`);
      }
    }
    if (complete) keep.push(i);
  }
  const out = columns.map((column) => Float64Array.from(keep, (i) => column[i] as number));
  return {
    columns: out as unknown as { -readonly [K in keyof T]: Float64Array },
    kept: Int32Array.from(keep),
    dropped: n - keep.length,
  };
}
