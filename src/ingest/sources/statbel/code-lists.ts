import { InputError, UnknownCodeError, excerpt } from "../../../core/index.ts";
import type { ParsedTable } from "../../../core/index.ts";

/** A code of one dimension as a Statbel file describes it: its labels, its level and its parent in the hierarchy. */
export interface CodeEntry {
  readonly code: string;
  /** 0 for the top of the dimension's hierarchy. */
  readonly level: number;
  readonly parent: string | null;
  readonly label: { readonly nl: string | null; readonly fr: string | null };
}

/** The codes of each dimension met in a file (by dimension id, then by code). */
export type CodeLists = Map<string, Map<string, CodeEntry>>;

/**
 * A parsed Statbel table: the observations plus the code lists (labels in nl and fr, hierarchy) read from the
 * file's code/label columns. The code lists are complete once the batches have been iterated to the end.
 */
export interface StatbelTable extends ParsedTable {
  readonly codeLists: CodeLists;
}

/**
 * Adds a code to a code list; the first description of a code is kept. Throws InputError naming the line when
 * the same code is given another parent, since the hierarchy would then be ambiguous.
 */
export function recordCode(lists: CodeLists, dimension: string, entry: CodeEntry, source: string, line: number): void {
  let list = lists.get(dimension);
  if (list === undefined) {
    list = new Map();
    lists.set(dimension, list);
  }
  const known = list.get(entry.code);
  if (known === undefined) {
    list.set(entry.code, entry);
    return;
  }
  if (known.parent !== entry.parent) {
    throw new InputError(source, line, `${dimension} code ${excerpt(entry.code)} has parent ${excerpt(entry.parent)} here and ${excerpt(known.parent)} before`);
  }
}

/** Collects codes outside a closed code list, so that all of them are reported at once at the end of the file. */
export class UnknownCodes {
  private readonly found = new Map<string, { codes: Set<string>; firstLine: number }>();

  /** Notes `code` as unknown for `dimension` unless `known` has it. */
  check(dimension: string, code: string, known: ReadonlySet<string>, line: number): void {
    if (known.has(code)) return;
    const entry = this.found.get(dimension) ?? { codes: new Set<string>(), firstLine: line };
    entry.codes.add(code);
    this.found.set(dimension, entry);
  }

  /** Throws UnknownCodeError listing the unknown codes of the first dimension that had any. */
  throwIfAny(source: string): void {
    for (const [dimension, { codes, firstLine }] of this.found) {
      throw new UnknownCodeError(source, dimension, [...codes].sort(), firstLine);
    }
  }
}

/** Finds a column by any of its names (Statbel renamed some columns between years); -1 when absent. */
export function columnIndex(header: readonly string[], ...names: string[]): number {
  for (const n of names) {
    const i = header.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** Like columnIndex, but throws InputError (line 1) naming the column when it is absent. */
export function requireColumn(header: readonly string[], source: string, ...names: string[]): number {
  const i = columnIndex(header, ...names);
  if (i < 0) throw new InputError(source, 1, `missing column ${names.join(" or ")}`);
  return i;
}

/** Reads a count: a non-negative integer. Throws InputError naming the line and the text otherwise. */
export function readCount(text: string, source: string, line: number): number {
  const t = text.trim();
  if (!/^\d+$/.test(t)) throw new InputError(source, line, `not a count: ${excerpt(text)}`);
  return Number(t);
}
