import { stringify } from "csv-stringify/sync";
import { UsageError } from "../core/index.ts";
import type { CliContext } from "./context.ts";

export const outputFormats = ["table", "csv", "json"] as const;
export type OutputFormat = (typeof outputFormats)[number];

export type Cell = string | number | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

/** The format asked for, or a table on a terminal and CSV when stdout is a pipe or a file (STYLE.md rule 15). */
export function chooseFormat(context: CliContext, asked: string | undefined): OutputFormat {
  if (asked === undefined) return context.stdout.isTTY ? "table" : "csv";
  if (!(outputFormats as readonly string[]).includes(asked)) {
    throw new UsageError(`--format must be one of ${outputFormats.join(", ")}, not ${JSON.stringify(asked)}`);
  }
  return asked as OutputFormat;
}

/** Writes rows to stdout: an aligned table, CSV with a header, or a JSON array of objects. */
export function writeRows(context: CliContext, columns: readonly string[], rows: readonly Row[], format: OutputFormat): void {
  if (format === "json") {
    context.stdout.write(`${JSON.stringify(rows.map((r) => pick(r, columns)), null, 2)}\n`);
    return;
  }
  if (format === "csv") {
    context.stdout.write(stringify(rows.map((r) => columns.map((c) => r[c] ?? "")), { header: true, columns: [...columns] }));
    return;
  }
  context.stdout.write(formatTable(columns, rows));
}

function pick(row: Row, columns: readonly string[]): Row {
  const out: Record<string, Cell> = {};
  for (const c of columns) out[c] = row[c] ?? null;
  return out;
}

/** Lays rows out as a plain-text table; numbers right-aligned, missing values as `:` (Eurostat's sign). */
export function formatTable(columns: readonly string[], rows: readonly Row[]): string {
  const text = (v: Cell | undefined) => (v === null || v === undefined ? ":" : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => typeof r[c] === "number" || r[c] === null));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ").trimEnd();
  const out = [line([...columns]), line(widths.map((w) => "-".repeat(w)))];
  for (const r of rows) out.push(line(columns.map((c) => text(r[c]))));
  return `${out.join("\n")}\n`;
}
