import type { Brand } from "./brand.ts";
import type { Period } from "./period.ts";

/** A dataset id as `<publisher>:<code>`, e.g. `eurostat:migr_imm1ctz`. */
export type DatasetId = Brand<string, "DatasetId">;

/**
 * A series key: the dataset's dimension codes (after mapping to our code lists) joined with `.` in the order of
 * the dataset's dimensions, SDMX style, e.g. `A.NR.T.TOTAL.BE` for freq.unit.sex.age.geo.
 */
export type SeriesKey = Brand<string, "SeriesKey">;

/** A release (vintage) id: one ingest of one dataset, numbered by the store. */
export type ReleaseId = Brand<number, "ReleaseId">;

/**
 * One figure: a dataset's value for one series and one period. `value` is null when the publisher gives no
 * figure (`:`), never NaN or 0; `flags` is the canonical flag string (see flags.ts), empty when there is none.
 */
export interface Observation {
  readonly series: SeriesKey;
  readonly period: Period;
  readonly value: number | null;
  readonly flags: string;
}

export function makeDatasetId(publisher: string, code: string): DatasetId {
  return `${publisher}:${code.toLowerCase()}` as DatasetId;
}

/** Joins dimension codes into a series key; throws if a code contains the separator. */
export function makeSeriesKey(codes: readonly string[]): SeriesKey {
  for (const c of codes) {
    if (c.includes(".")) throw new RangeError(`a series key code cannot contain ".": ${JSON.stringify(c)}`);
  }
  return codes.join(".") as SeriesKey;
}

/** The codes of a series key, in the dataset's dimension order. */
export function splitSeriesKey(key: SeriesKey): string[] {
  return key.split(".");
}
