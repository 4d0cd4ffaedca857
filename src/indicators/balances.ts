import type { Cell } from "./cell.ts";
import { deriveCell } from "./flags.ts";

/**
 * A balance: the inflow less the outflow (e.g. net migration = immigration - emigration), in the unit of both.
 * Flags follow combineInputs (flags.ts).
 */
export function balance(plus: Cell, minus: Cell): Cell {
  return deriveCell([plus, minus], ([a, b]) => (a as number) - (b as number));
}

/** The sum of cells (a total over areas or groups); flags follow combineInputs, so one missing part makes it missing. */
export function sumCells(cells: readonly Cell[]): Cell {
  if (cells.length === 0) return { value: null, flags: "", notes: ["missing: nothing to sum"] };
  return deriveCell(cells, (values) => values.reduce((s, v) => s + v, 0));
}
