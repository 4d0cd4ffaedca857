import type { Cell } from "./cell.ts";
import { deriveCell } from "./flags.ts";

/**
 * The gap between two rates or shares in percentage points: `of` minus `against` (e.g. the unemployment rate
 * of foreigners minus that of nationals). Both must be in percent. Flags follow combineInputs (flags.ts).
 */
export function gapInPoints(of: Cell, against: Cell): Cell {
  return deriveCell([of, against], ([a, b]) => (a as number) - (b as number));
}
