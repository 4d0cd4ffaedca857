import { DuckDBListValue, DuckDBTimestampValue, timestampValue } from "@duckdb/node-api";
import type { DuckDBValue } from "@duckdb/node-api";
import { MigmonError, UsageError } from "../core/index.ts";

// The DuckDB value boundary: BIGINT comes back as bigint, TIMESTAMP and LIST as objects. Every value read from
// or bound into a statement passes through one of these functions, so the rest of the store sees plain numbers,
// strings and ISO instants.

/** Thrown when a column holds a value of a type the store never writes there (a damaged or foreign file). */
export class StoreValueError extends MigmonError {}

function describe(v: DuckDBValue): string {
  return v === null ? "null" : typeof v === "object" ? v.constructor.name : typeof v;
}

/** Reads an INTEGER, BIGINT or DOUBLE column value as a number; throws StoreValueError naming the column. */
export function readNumber(v: DuckDBValue, column: string): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new StoreValueError(`${column} value ${v} is beyond the safe integer range`);
    }
    return Number(v);
  }
  throw new StoreValueError(`${column} holds ${describe(v)}, expected a number`);
}

/** Reads a nullable numeric column value: SQL NULL is `null`, never NaN or 0. */
export function readNullableNumber(v: DuckDBValue, column: string): number | null {
  return v === null ? null : readNumber(v, column);
}

/** Reads a VARCHAR column value; throws StoreValueError naming the column for anything else. */
export function readString(v: DuckDBValue, column: string): string {
  if (typeof v === "string") return v;
  throw new StoreValueError(`${column} holds ${describe(v)}, expected text`);
}

/** Reads a nullable VARCHAR column value. */
export function readNullableString(v: DuckDBValue, column: string): string | null {
  return v === null ? null : readString(v, column);
}

/** Reads a VARCHAR[] column value as an array of strings. */
export function readStringList(v: DuckDBValue, column: string): string[] {
  if (!(v instanceof DuckDBListValue)) throw new StoreValueError(`${column} holds ${describe(v)}, expected a list`);
  return v.items.map((item) => readString(item, column));
}

/** Reads a TIMESTAMP column value (UTC by convention of this store) as an ISO instant `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export function readInstant(v: DuckDBValue, column: string): string {
  if (!(v instanceof DuckDBTimestampValue)) throw new StoreValueError(`${column} holds ${describe(v)}, expected a timestamp`);
  return new Date(Number(v.micros / 1000n)).toISOString();
}

/**
 * Turns an ISO instant (`2024-03-01T12:00:00Z`, with any offset) into the TIMESTAMP value stored (UTC, to the
 * millisecond). Throws UsageError naming the field when the text is not an instant.
 */
export function toTimestamp(iso: string, field: string): DuckDBTimestampValue {
  const ms = parseInstant(iso, field);
  return timestampValue(BigInt(ms) * 1000n);
}

/** The milliseconds since the epoch of an ISO instant; UsageError naming the field otherwise. */
export function parseInstant(iso: string, field: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new UsageError(`${field} ${JSON.stringify(iso)} is not an ISO instant such as 2024-03-01T12:00:00Z`);
  return ms;
}
