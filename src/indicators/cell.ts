/**
 * One figure inside the engine: a value (null when missing or withheld, never NaN or 0), its canonical flags and,
 * where a value is missing or qualified, why in plain words. Every formula module reads and writes cells.
 */
export interface Cell {
  readonly value: number | null;
  readonly flags: string;
  readonly notes?: readonly string[];
}

/** A cell with an exact confidence interval, for rates built from a count. */
export interface IntervalCell extends Cell {
  readonly lower: number | null;
  readonly upper: number | null;
}
