import { UsageError } from "../core/index.ts";
import type { Parser } from "../core/index.ts";
import { detectEurostatFormat, eurostatParsers } from "./sources/eurostat/parse.ts";
import { statbelFileKind, statbelParsers } from "./sources/statbel/parse.ts";

/** The parsers of each publisher, by format name (the names used in data/sources.yaml and `--format`). */
const parsersByPublisher: Readonly<Record<string, Readonly<Record<string, Parser>>>> = {
  eurostat: eurostatParsers,
  statbel: statbelParsers,
};

/** The formats `migmon ingest --format` accepts for a publisher. */
export function formatsOf(publisher: string): string[] {
  return Object.keys(parsersByPublisher[publisher] ?? {});
}

/** Detects the format of a file from its first bytes (and name), for the publisher's parsers. */
export function detectFormat(publisher: string, head: Uint8Array, fileName: string): string {
  if (publisher === "eurostat") return detectEurostatFormat(head, fileName);
  if (publisher === "statbel") return statbelFileKind(fileName);
  throw new UsageError(`no parser is registered for publisher ${publisher}`);
}

/** The parser for a publisher's format; UsageError naming the accepted formats otherwise. */
export function parserFor(publisher: string, format: string, fileName: string): Parser {
  const parser = parsersByPublisher[publisher]?.[format];
  if (!parser) {
    const known = formatsOf(publisher).join(", ") || "none";
    throw new UsageError(`cannot read ${fileName} as ${JSON.stringify(format)} for ${publisher} (formats: ${known})`);
  }
  return parser;
}
