import type { Observation, Period, SeriesKey } from "../../../core/index.ts";
import { mergeFlags } from "../../../core/index.ts";

interface Cell {
  value: number | null;
  flags: string;
}

/**
 * Observations of an input in which several rows may add up to one cell (the same series and period): their
 * values are summed and their flags merged. A cell is null if any of its parts is null (an unknown part makes the
 * sum unknown). Cells come out in the order they were first seen.
 */
export class SummedCells {
  private readonly cells = new Map<string, Cell>();

  /** Adds a part to the cell of this series and period. */
  add(series: SeriesKey, period: Period, value: number | null, flags: string): void {
    const key = `${series}\u0000${period}`;
    const cell = this.cells.get(key);
    if (cell === undefined) {
      this.cells.set(key, { value, flags });
      return;
    }
    cell.value = cell.value === null || value === null ? null : cell.value + value;
    if (flags !== "" && flags !== cell.flags) cell.flags = mergeFlags(cell.flags, flags);
  }

  /** The cells as observations, in batches of at most `size`. */
  *batches(size: number): Generator<readonly Observation[]> {
    let batch: Observation[] = [];
    for (const [key, cell] of this.cells) {
      const cut = key.indexOf("\u0000");
      batch.push({ series: key.slice(0, cut) as SeriesKey, period: key.slice(cut + 1) as Period, value: cell.value, flags: cell.flags });
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}
