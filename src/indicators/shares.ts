import type { Cell } from "./cell.ts";
import { deriveCell } from "./flags.ts";

/**
 * The share of a part in a whole, in percent by default (part / whole x per): null with a note when the whole
 * is 0. Flags follow combineInputs (flags.ts): provisional in, provisional out; confidential in, withheld out.
 */
export function share(part: Cell, whole: Cell, per = 100): Cell {
  return deriveCell([part, whole], ([a, b]) => (b === 0 ? null : ((a as number) / (b as number)) * per), "undefined: the whole is 0");
}
