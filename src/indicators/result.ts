import type { DatasetId, Period, ReleaseId, Titles } from "../core/index.ts";

/**
 * One computed figure of an indicator: an area, a period, optionally a breakdown (e.g. `{ citizen: "MA" }` for
 * population by nationality), the value (null when missing or withheld), the canonical flags, and the exact
 * Poisson confidence bounds where the indicator is a rate built from a count.
 */
export interface IndicatorValue {
  readonly geo: string;
  readonly period: Period;
  readonly breakdown?: Readonly<Record<string, string>>;
  readonly value: number | null;
  readonly flags: string;
  readonly lower?: number | null;
  readonly upper?: number | null;
  /** Why a value is missing or qualified, in plain words (e.g. "withheld: built from a confidential count"). */
  readonly notes?: readonly string[];
}

/** Which dataset and release a result was computed from, and the store query that read it. */
export interface Provenance {
  readonly dataset: DatasetId;
  readonly datasetTitle: Titles;
  readonly release: ReleaseId;
  readonly retrievedAt: string;
  readonly sourceUpdatedAt: string | null;
  readonly licence: string;
  readonly query: string;
}

/** What an export needs to know of the indicator itself: texts in nl/fr/en, unit, breaks and notes. */
export interface IndicatorMeta {
  readonly id: string;
  readonly title: Titles;
  readonly definition: Titles;
  readonly unit: string;
  readonly notes: readonly Titles[];
  readonly breaks: readonly { readonly date: string; readonly explanation: Titles }[];
}

/** An indicator computed for a set of areas and periods, with everything needed to cite it. */
export interface IndicatorResult {
  readonly indicator: IndicatorMeta;
  /** Breakdown dimension ids present in `values` (empty when there is none), in display order. */
  readonly breakdownDimensions: readonly string[];
  readonly values: readonly IndicatorValue[];
  readonly provenance: readonly Provenance[];
  /** As published on this date, when the result was computed as of a date. */
  readonly asOf: string | null;
}
