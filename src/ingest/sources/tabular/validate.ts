import { excerpt, makeSeriesKey, parseFlags, parsePeriodParts, formatPeriod, periodStart } from "../../../core/index.ts";
import type { Observation, Period, PeriodKind } from "../../../core/index.ts";
import { codeListName, isKnownCode, normaliseCode } from "./codes.ts";
import type { ReferenceCodes } from "./codes.ts";
import type { DeclaredTotal, DeliveryDescription } from "./description.ts";
import type { CellValue, DeliveredRows } from "./parse.ts";

/** The kinds of defect a delivery can have; each problem names one. */
export type DeliveryProblemKind =
  | "missing-column" | "unexpected-column" | "row-width" | "empty-cell" | "unknown-code" | "bad-period"
  | "non-numeric" | "bad-flag" | "duplicate-key" | "total-mismatch";

/** One defect of a delivered table, at its row (1-based, header included) and column (null for a whole row). */
export interface DeliveryProblem {
  readonly row: number;
  readonly column: string | null;
  readonly kind: DeliveryProblemKind;
  readonly message: string;
}

/** What checking a delivery gives: every problem found, and the observations (to be loaded only when there is none). */
export interface DeliveryCheck {
  readonly problems: readonly DeliveryProblem[];
  readonly observations: readonly Observation[];
}

/** The codes of a row with a defect as far as they can be trusted: null for a missing, unknown or unreadable one. */
interface DefectiveRow {
  readonly codes: readonly (string | null)[];
  readonly period: string | null;
}

interface CheckedRow {
  readonly row: number;
  readonly codes: readonly string[];
  readonly period: Period;
  readonly date: string;
  readonly value: number | null;
}

/**
 * Checks a delivered table against its description and collects EVERY problem with its row and column: missing
 * or undescribed columns, CSV rows with more or fewer cells than the header, empty cells, codes outside their
 * code list (REFNIS units valid on the period's first day), periods not of the declared form, non-numeric
 * values, unknown flags, duplicate keys (naming the first row), and declared totals that differ from the sum
 * of their parts. Empty value cells and `:` are missing
 * values (null), not defects. When a described column is missing from the header only the header's problems
 * are given: the rows' cells cannot be placed. Pure: the reference code lists are passed in.
 */
export function checkDelivery(description: DeliveryDescription, table: DeliveredRows, reference: ReferenceCodes): DeliveryCheck {
  const problems: DeliveryProblem[] = [];
  const add = (row: number, column: string | null, kind: DeliveryProblemKind, message: string) => problems.push({ row, column, kind, message });
  const columnIndex = new Map(table.header.map((name, i) => [name, i]));
  const periodColumn = "column" in description.period ? description.period.column : null;
  const wanted = [
    ...description.dimensions.map((d) => d.column), ...(periodColumn === null ? [] : [periodColumn]), description.value.column,
    ...(description.flags ? [description.flags.column] : []),
  ];
  for (const name of wanted) {
    if (!columnIndex.has(name)) add(table.headerRow, name, "missing-column", `column ${excerpt(name)} is missing from the header`);
  }
  // Sets, not indexOf or includes: a header (and the description's ignored columns) may have 100,000 names
  const known = new Set([...wanted, ...description.ignoredColumns]);
  const seen = new Set<string>();
  for (const [i, name] of table.header.entries()) {
    if (seen.has(name)) add(table.headerRow, name, "unexpected-column", `column ${excerpt(name)} occurs twice in the header`);
    else if (!known.has(name)) add(table.headerRow, name || `column ${i + 1}`, "unexpected-column", `column ${excerpt(name)} is not in the description`);
    seen.add(name);
  }
  if (wanted.some((name) => !columnIndex.has(name))) return { problems, observations: [] };

  const cell = (cells: readonly CellValue[], name: string) => cells[columnIndex.get(name)!] ?? null;
  const checked: CheckedRow[] = [];
  const observations: Observation[] = [];
  const firstRowOfKey = new Map<string, number>();
  const defective: DefectiveRow[] = [];
  const legible: CheckedRow[] = [];
  for (const { row, cells } of table.rows) {
    const before = problems.length;
    // A spreadsheet row ends at its last filled cell, so only a CSV row can be told to be short.
    const short = description.format.type === "csv" && cells.length < table.header.length;
    if (cells.length > table.header.length || short) {
      add(row, null, "row-width", `the row has ${cells.length} cells, the header ${table.header.length}`);
    }
    const period = "fixed" in description.period
      ? readPeriod(description.period.fixed, null)
      : readPeriod(cell(cells, description.period.column), description.period.form);
    if (typeof period === "string" && "column" in description.period) {
      add(row, description.period.column, period === "" ? "empty-cell" : "bad-period", periodMessage(period, description.period.form));
    }
    const date = typeof period === "string" ? null : period.date;
    const codes: string[] = [];
    const readable: (string | null)[] = [];
    for (const dim of description.dimensions) {
      const raw = cell(cells, dim.column);
      if (raw === null) {
        add(row, dim.column, "empty-cell", `no ${dim.id} code`);
        readable.push(null);
        continue;
      }
      const code = normaliseCode(dim.codes, String(raw).trim());
      codes.push(code);
      readable.push(code);
      // A REFNIS code can only be judged on a date; the period's own problem is reported already.
      const judged = dim.codes !== "refnis" || date !== null;
      if (code.includes(".") || (judged && !isKnownCode(dim.codes, code, date ?? "", reference))) {
        const when = dim.codes === "refnis" && date !== null ? ` on ${date}` : "";
        add(row, dim.column, "unknown-code", `unknown ${dim.id} code ${excerpt(code)} (not in ${codeListName(dim.codes)}${when})`);
        readable[readable.length - 1] = null;
      }
    }
    const value = readValue(cell(cells, description.value.column), description.format.type === "csv" ? description.format.decimal : ".");
    if (value === undefined) {
      add(row, description.value.column, "non-numeric", valueMessage(cell(cells, description.value.column)));
    }
    let flags = "";
    if (description.flags) {
      const text = cell(cells, description.flags.column);
      try {
        flags = parseFlags(text === null ? "" : String(text));
      } catch {
        add(row, description.flags.column, "bad-flag", `flags ${excerpt(text)} are not Eurostat/SDMX flag letters`);
      }
    }
    const periodKey = typeof period === "string" ? null : period.period;
    const key = `${codes.join("\u0000")}\u0000${periodKey}`;
    const first = firstRowOfKey.get(key);
    if (problems.length > before || typeof period === "string" || value === undefined) {
      // A row whose problem leaves its codes, period and value readable (a bad flag, a cell too many) still counts in
      // the declared totals, so that a wrong total is named in the same report as the row's own problem.
      if (typeof period !== "string" && value !== undefined && readable.every((c) => c !== null) && first === undefined) {
        firstRowOfKey.set(key, row);
        legible.push({ row, codes, period: period.period, date: period.date, value });
      } else {
        defective.push({ codes: readable, period: periodKey });
      }
      continue;
    }
    if (first !== undefined) {
      const what = description.dimensions.map((d, i) => `${d.id}=${codes[i]}`).join(", ");
      add(row, null, "duplicate-key", `${what}, period ${periodKey} already occurs in row ${first}`);
      defective.push({ codes: readable, period: periodKey });
      continue;
    }
    firstRowOfKey.set(key, row);
    checked.push({ row, codes, period: period.period, date: period.date, value });
    observations.push({ series: makeSeriesKey(codes), period: period.period, value, flags });
  }
  for (const total of description.totals) checkTotal(description, total, [...checked, ...legible], defective, reference, add);
  problems.sort((a, b) => a.row - b.row);
  return { problems, observations };
}

/** A period cell (or the fixed period) in canonical form with its first day; the text when it is not of `form`. */
function readPeriod(raw: CellValue, form: PeriodKind | null): { period: Period; date: string } | string {
  if (raw === null) return "";
  const text = String(raw).trim();
  try {
    const parts = parsePeriodParts(text);
    if (form !== null && parts.kind !== form) return text;
    return { period: formatPeriod(parts), date: periodStart(parts) };
  } catch {
    return text;
  }
}

function periodMessage(text: string, form: string): string {
  return text === "" ? "no period" : `period ${excerpt(text)} is not a ${form}`;
}

/** Why a value cell is not a number; a date (a spreadsheet date cell reads as its ISO day) is said to be one. */
function valueMessage(raw: CellValue): string {
  const text = String(raw).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `value ${excerpt(text)} is a date, not a number`;
  return `value ${excerpt(text)} is not a number`;
}

const numberPattern = { ".": /^[+-]?(\d+(\.\d*)?|\.\d+)$/, ",": /^[+-]?(\d+(,\d*)?|,\d+)$/ } as const;

/** A value cell as a number; null for an empty cell or `:` (missing); undefined when it is not a number. */
function readValue(raw: CellValue, decimal: "." | ","): number | null | undefined {
  if (raw === null) return null;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  const text = raw.trim().replace(/\s/g, "");
  if (text === "" || text === ":") return null;
  if (!numberPattern[decimal].test(text)) return undefined;
  return Number(decimal === "," ? text.replace(",", ".") : text);
}

/**
 * Compares each declared total with the sum of its parts, group by group (the same codes in the other dimensions
 * and the same period). Rows with a problem that leaves their codes, period and value readable are among `rows`.
 * A group that an unreadable row may belong to is not judged: the row's own problem is reported already, and a
 * sum without it would name a difference that is only its consequence.
 */
function checkTotal(
  description: DeliveryDescription, total: DeclaredTotal, rows: readonly CheckedRow[], defective: readonly DefectiveRow[],
  reference: ReferenceCodes, add: (row: number, column: string | null, kind: DeliveryProblemKind, message: string) => void,
): void {
  const d = description.dimensions.findIndex((x) => x.id === total.dimension);
  const code = normaliseCode(description.dimensions[d]!.codes, total.code);
  const touched = (r: CheckedRow) => defective.some((bad) =>
    (bad.period === null || bad.period === r.period) && bad.codes.every((c, i) => i === d || c === null || c === r.codes[i]));
  const groups = new Map<string, CheckedRow[]>();
  for (const r of rows) {
    const key = `${r.codes.filter((_, i) => i !== d).join("\u0000")}\u0000${r.period}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  for (const group of groups.values()) {
    const totalRow = group.find((r) => r.codes[d] === code);
    if (totalRow === undefined || totalRow.value === null || touched(totalRow)) continue;
    let parts: CheckedRow[];
    if (total.parts === "others") parts = group.filter((r) => r !== totalRow);
    else if (total.parts === "municipalities") {
      const inside = new Set(reference.municipalitiesIn(code, totalRow.date));
      parts = group.filter((r) => inside.has(r.codes[d] ?? ""));
    } else {
      const wanted = total.parts;
      parts = group.filter((r) => wanted.includes(r.codes[d] ?? ""));
      const absent = wanted.filter((c) => !parts.some((r) => r.codes[d] === c));
      if (absent.length > 0) {
        add(totalRow.row, description.value.column, "total-mismatch",
          `declared total ${total.dimension}=${total.code} has no rows for its parts ${absent.join(", ")}`);
        continue;
      }
    }
    if (parts.length === 0) continue;
    const gaps = parts.filter((r) => r.value === null);
    if (gaps.length > 0) {
      add(totalRow.row, description.value.column, "total-mismatch",
        `declared total ${total.dimension}=${total.code} cannot be checked: parts in rows ${gaps.map((r) => r.row).join(", ")} have no value`);
      continue;
    }
    const sum = parts.reduce((s, r) => s + (r.value as number), 0);
    // Sums of decimal figures differ from the total in the last binary digits only.
    if (Math.abs(sum - totalRow.value) > 1e-9 * Math.max(1, Math.abs(sum), Math.abs(totalRow.value))) {
      add(totalRow.row, description.value.column, "total-mismatch",
        `declared total ${total.dimension}=${total.code} is ${totalRow.value} but its ${parts.length} parts (${describeParts(total)}) sum to ${roundForMessage(sum)}`);
    }
  }
}

function describeParts(total: DeclaredTotal): string {
  return typeof total.parts === "string" ? total.parts : total.parts.join(", ");
}

function roundForMessage(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
