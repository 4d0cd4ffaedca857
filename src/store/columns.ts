import { DuckDBDoubleVector, DuckDBIntegerVector, DuckDBVarCharVector } from "@duckdb/node-api";
import type { DuckDBDataChunk } from "@duckdb/node-api";
import { StoreValueError } from "./convert.ts";

// Columnar reading of a result: a chunk's columns are read through their typed vectors (getItem on an INTEGER or
// DOUBLE vector without NULLs is an array read), so a read of thousands of rows makes no DuckDBValue per value and
// no array per row as getRows() does. Columns that may hold NULL are selected with a stand-in (NaN for a missing
// value, NULL only for text) so the numeric vectors stay free of NULLs and their validity masks are never read.

/** Column `index` of `chunk`, an INTEGER column; StoreValueError naming `column` when it has another type. */
export function integerColumn(chunk: DuckDBDataChunk, index: number, column: string): DuckDBIntegerVector {
  const v = chunk.getColumnVector(index);
  if (!(v instanceof DuckDBIntegerVector)) throw new StoreValueError(`${column} is ${v.type.toString()}, expected INTEGER`);
  return v;
}

/** Column `index` of `chunk`, a DOUBLE column; StoreValueError naming `column` when it has another type. */
export function doubleColumn(chunk: DuckDBDataChunk, index: number, column: string): DuckDBDoubleVector {
  const v = chunk.getColumnVector(index);
  if (!(v instanceof DuckDBDoubleVector)) throw new StoreValueError(`${column} is ${v.type.toString()}, expected DOUBLE`);
  return v;
}

/** Column `index` of `chunk`, a VARCHAR column (items decoded on demand, NULL as null); StoreValueError otherwise. */
export function textColumn(chunk: DuckDBDataChunk, index: number, column: string): DuckDBVarCharVector {
  const v = chunk.getColumnVector(index);
  if (!(v instanceof DuckDBVarCharVector)) throw new StoreValueError(`${column} is ${v.type.toString()}, expected VARCHAR`);
  return v;
}
