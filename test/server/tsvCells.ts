// An independent reading of a small Eurostat bulk TSV for the API tests, by plain string splitting (not the
// project's parser): header `dim1,dim2\time<TAB>2019 <TAB>2018 ...`, rows `code1,code2<TAB>12836 <TAB>-27007 e ...`,
// `:` for a missing value, a letter after the number for flags.
import { readFileSync } from "node:fs";

/** One cell of the file: its codes, period, value (null for `:`) and flags. */
export interface TsvCell {
  readonly codes: readonly string[];
  readonly period: string;
  readonly value: number | null;
  readonly flags: string;
}

/** Every cell of the TSV file, in file order. */
export function readTsvCells(file: string): TsvCell[] {
  const [header, ...rows] = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "");
  const periods = (header ?? "").split("\t").slice(1).map((p) => p.trim());
  const cells: TsvCell[] = [];
  for (const row of rows) {
    const [key, ...values] = row.split("\t");
    values.forEach((text, i) => {
      const [number, flags] = text.trim().split(/\s+/);
      cells.push({
        codes: (key ?? "").split(","),
        period: periods[i] as string,
        value: number === ":" ? null : Number(number),
        flags: flags ?? "",
      });
    });
  }
  return cells;
}
