import type { Period } from "../../core/index.ts";
import type { ConsistencyCheck } from "./declaration.ts";

/**
 * One failing comparison. For a parent-sum check: the parent's value, the sum of its children (null when a
 * child is missing), their difference and the children missing. For a cross-source check: this dataset's value,
 * the other dataset's, their difference; `unit` is the matched code (empty for one total each).
 */
export interface CheckFailure {
  /** The codes of the other dimensions, e.g. `indic_de=CNMIGRAT`. */
  readonly series: string;
  readonly unit: string;
  readonly period: Period;
  readonly value: number;
  readonly compared: number | null;
  readonly difference: number | null;
  /** Children without a value (parent-sum); empty for cross-source. */
  readonly missing: readonly string[];
}

/** What one declared check found: how many comparisons it made and which failed. */
export interface CheckOutcome {
  readonly check: ConsistencyCheck;
  readonly label: string;
  readonly compared: number;
  readonly failures: readonly CheckFailure[];
}
