import { UnknownCodeError, excerpt } from "../../../core/index.ts";

/**
 * Codes that no code list knows, by dimension, each with the first line it was seen on. The message lists every
 * code of every dimension with that line (`unknown origin codes "XYZ" (line 12), "QQQ" (line 40); unknown sex code
 * "x" (line 7) in f.csv line 7`); `dimension` names the dimensions, `codes` holds all the codes in order of
 * dimension then appearance, `byDimension` the lines.
 */
export class UnknownCodesError extends UnknownCodeError {
  readonly byDimension: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The first line of each code (of the first dimension that has it). */
  readonly firstLines: ReadonlyMap<string, number>;
  constructor(source: string, byDimension: ReadonlyMap<string, ReadonlyMap<string, number>>) {
    const codes = [...byDimension.values()].flatMap((lines) => [...lines.keys()]);
    const first = Math.min(...[...byDimension.values()].flatMap((lines) => [...lines.values()]));
    super(source, [...byDimension.keys()].join(" and "), codes, first);
    this.byDimension = byDimension;
    const firstLines = new Map<string, number>();
    for (const lines of byDimension.values()) for (const [code, line] of lines) if (!firstLines.has(code)) firstLines.set(code, line);
    this.firstLines = firstLines;
    const parts = [...byDimension].map(([dimension, lines]) => {
      const label = lines.size === 1 ? "code" : "codes";
      const listed = [...lines].map(([code, line]) => `${excerpt(code)} (line ${line})`).join(", ");
      return `unknown ${dimension} ${label} ${listed}`;
    });
    this.message = `${parts.join("; ")} in ${source} line ${first}`;
  }
}

/**
 * Maps the codes of one dimension with a lookup, remembering every code that maps nowhere and the first line it
 * was on, so that a whole input is read before the error is raised and the error lists them all.
 */
export class CodeMapper {
  readonly dimension: string;
  private readonly lookup: (code: string) => string | undefined;
  private readonly cache = new Map<string, string | undefined>();
  private readonly unknown = new Map<string, number>();

  constructor(dimension: string, lookup: (code: string) => string | undefined) {
    this.dimension = dimension;
    this.lookup = lookup;
  }

  /** Our code for a publisher's code, or null when none is known (the code and line are remembered). */
  map(code: string, line: number): string | null {
    let mapped = this.cache.get(code);
    if (mapped === undefined && !this.cache.has(code)) {
      mapped = this.lookup(code);
      this.cache.set(code, mapped);
    }
    if (mapped !== undefined) return mapped;
    if (!this.unknown.has(code)) this.unknown.set(code, line);
    return null;
  }

  /** The codes seen so far that map nowhere, each with its first line. */
  unknownCodes(): ReadonlyMap<string, number> {
    return this.unknown;
  }

  /** Throws UnknownCodesError listing every unknown code seen so far, with its first line; else does nothing. */
  throwIfUnknown(source: string): void {
    throwIfAnyUnknown(source, [this]);
  }
}

/**
 * Throws one UnknownCodesError listing the unknown codes of every mapper (in the order given) that saw any, so
 * that a user sees all of them at once; does nothing when every code was known.
 */
export function throwIfAnyUnknown(source: string, mappers: readonly CodeMapper[]): void {
  const byDimension = new Map<string, ReadonlyMap<string, number>>();
  for (const mapper of mappers) {
    const unknown = mapper.unknownCodes();
    if (unknown.size > 0) byDimension.set(mapper.dimension, new Map(unknown));
  }
  if (byDimension.size > 0) throw new UnknownCodesError(source, byDimension);
}
