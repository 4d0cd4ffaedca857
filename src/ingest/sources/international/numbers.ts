import { InputError, excerpt } from "../../../core/index.ts";

/**
 * Reads a publisher's number (`5`, `-25000.0`, `3e+05`, `5.57`) for the named column. The empty string is null
 * (no figure), never 0. Throws InputError naming the column, the text, the input and the line for anything else.
 */
export function readNumber(text: string, column: string, source: string, line: number): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) {
    throw new InputError(source, line, `not a number in column ${excerpt(column)}: ${excerpt(text)}`);
  }
  return value;
}

/**
 * Reads a year written as an integer or as a float with a zero fraction (`1990`, `1990.0`, as pandas writes
 * them) and returns it as the canonical year period text. Throws InputError for anything else.
 */
export function readYear(text: string, column: string, source: string, line: number): string {
  const m = /^\s*(\d{4})(\.0+)?\s*$/.exec(text);
  if (!m || m[1] === undefined) {
    throw new InputError(source, line, `not a year in column ${excerpt(column)}: ${excerpt(text)}`);
  }
  return m[1];
}
