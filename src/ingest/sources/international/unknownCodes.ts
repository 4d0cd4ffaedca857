import { UnknownCodeError } from "../../../core/index.ts";

/**
 * Codes of one dimension that no code list knows, each with the first line it was seen on. The message lists
 * every code with that line (`unknown origin codes "XYZ" (line 12), "QQQ" (line 40) in f.csv line 12`);
 * `codes` holds them all in order of appearance and `firstLines` maps each to its line.
 */
export class UnknownCodesError extends UnknownCodeError {
  readonly firstLines: ReadonlyMap<string, number>;
  constructor(source: string, dimension: string, firstLines: ReadonlyMap<string, number>) {
    const codes = [...firstLines.keys()];
    const first = Math.min(...firstLines.values());
    super(source, dimension, codes, first);
    this.firstLines = firstLines;
    const label = codes.length === 1 ? "code" : "codes";
    const listed = codes.map((c) => `${JSON.stringify(c)} (line ${firstLines.get(c)})`).join(", ");
    this.message = `unknown ${dimension} ${label} ${listed} in ${source} line ${first}`;
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

  /** Throws UnknownCodesError listing every unknown code seen so far, with its first line; else does nothing. */
  throwIfUnknown(source: string): void {
    if (this.unknown.size > 0) throw new UnknownCodesError(source, this.dimension, this.unknown);
  }
}

/**
 * Throws the UnknownCodesError of the first mapper (in the order given) that saw unknown codes, so that all the
 * unknown codes of that dimension are listed.
 */
export function throwIfAnyUnknown(source: string, mappers: readonly CodeMapper[]): void {
  for (const mapper of mappers) mapper.throwIfUnknown(source);
}
