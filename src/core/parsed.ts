import type { Observation } from "./observation.ts";

/**
 * Bounds on reading one input, so a corrupt or hostile file is refused early with a clear message instead of
 * exhausting time or memory. The defaults and the environment variables that raise them are in
 * src/ingest/sources/input/limits.ts.
 */
export interface InputLimits {
  /** The longest line, in bytes, of a line-based input. */
  readonly maxLineBytes: number;
  /** The most bytes a gzip input may inflate to. */
  readonly maxInflatedBytes: number;
  /** The most cells a cube may declare (the product of a JSON-stat `size`). */
  readonly maxDeclaredCells: number;
  /** The largest YAML description of an agency delivery, in bytes. */
  readonly maxDescriptionBytes: number;
}

/** The bytes of one input (a file or an HTTP body), read as a stream; `name` is used in error messages. */
export interface ParseInput {
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array>;
  /** Reading limits; the defaults when absent. */
  readonly limits?: InputLimits;
}

/** What a parser learns before the first observation: the table's dimensions and what the input says of itself. */
export interface ParsedHeader {
  /** Dimension ids in the input's order, lower case, without the time dimension (e.g. `["freq","unit","geo"]`). */
  readonly dimensions: readonly string[];
  /** The publisher's last-update timestamp stated in the input (ISO 8601), if any. */
  readonly sourceUpdatedAt: string | null;
  /** The dataset code the input names itself (e.g. `MIGR_ASYAPPCTZA`), if it does. */
  readonly datasetCode: string | null;
}

/**
 * A parsed input: the header, then the observations in batches (so memory stays flat). The series keys of the
 * observations use the dimensions of the header in its order, with codes already mapped to our code lists by
 * the publisher's codes.ts. Iterating the batches throws InputError (file, line, problem) on bad content.
 */
export interface ParsedTable {
  readonly header: ParsedHeader;
  readonly batches: AsyncIterable<readonly Observation[]>;
}

/** Every parser has this shape: bytes in, a parsed table out; pure apart from reading the given stream. */
export type Parser = (input: ParseInput) => Promise<ParsedTable>;
