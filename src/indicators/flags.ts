import { hasFlag, mergeFlags } from "../core/index.ts";
import type { Cell } from "./cell.ts";

/** The note on a value withheld because it was built from a confidential figure. */
export const withheldNote = "withheld: built from a confidential figure";
/** The note on a value that is missing because one of its inputs is missing. */
export const missingInputNote = "missing: an input figure is missing";

/**
 * The flag rule of every formula (issue 5): the output carries the union of its inputs' flags, so a figure built
 * from a provisional (p), estimated (e), break (b) or low-reliability (u) input is flagged alike; an input flagged
 * confidential (c) withholds the output (value null, flag c, a note); a missing input makes the output missing.
 * Returns the blocked cell when the output cannot be computed, or null with the merged flags otherwise.
 */
export function combineInputs(inputs: readonly Cell[]): { readonly flags: string; readonly blocked: Cell | null } {
  const flags = mergeFlags(...inputs.map((c) => c.flags));
  const notes = [...new Set(inputs.flatMap((c) => c.notes ?? []))];
  if (hasFlag(flags, "c")) return { flags, blocked: { value: null, flags, notes: [...new Set([withheldNote, ...notes])] } };
  if (inputs.some((c) => c.value === null)) {
    return { flags, blocked: { value: null, flags, notes: notes.length > 0 ? notes : [missingInputNote] } };
  }
  return { flags, blocked: null };
}

/**
 * Applies a formula to cells under the flag rule of `combineInputs`: `formula` receives the input values (all
 * present) and returns the output value, or null when it is undefined (e.g. a division by zero, named by `why`).
 */
export function deriveCell(inputs: readonly Cell[], formula: (values: readonly number[]) => number | null, why = "undefined: division by zero"): Cell {
  const { flags, blocked } = combineInputs(inputs);
  if (blocked !== null) return blocked;
  const value = formula(inputs.map((c) => c.value as number));
  if (value === null || !Number.isFinite(value)) return { value: null, flags, notes: [why] };
  return { value, flags };
}

/** A copy of a cell with extra flags (canonical order kept). */
export function withFlags(cell: Cell, ...flags: string[]): Cell {
  return { ...cell, flags: mergeFlags(cell.flags, ...flags) };
}
