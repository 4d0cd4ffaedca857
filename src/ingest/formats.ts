import { MigmonError, UsageError } from "../core/index.ts";
import type { Parser } from "../core/index.ts";
import type { CatalogueEntry } from "./catalogue.ts";
import { readFileSync } from "node:fs";
import { readEurostatLabels } from "./sources/eurostat/codes.ts";
import { detectEurostatFormat, makeEurostatParsers } from "./sources/eurostat/parse.ts";
import { detectOecdFormat, oecdParsers } from "./sources/oecd/formats.ts";
import { statbelFileKind, statbelParsers } from "./sources/statbel/parse.ts";
import { detectUndesaFormat, undesaParsers } from "./sources/undesa/formats.ts";
import { detectUnhcrFormat, unhcrParsers } from "./sources/unhcr/formats.ts";
import { detectWorldBankFormat, worldBankParsers } from "./sources/worldbank/formats.ts";

interface PublisherFormats {
  readonly parsers: Readonly<Record<string, Parser>>;
  /** Tells the format of a file from its first bytes (gunzipped) and its name; UsageError when it cannot. */
  readonly detect: (head: Uint8Array, fileName: string) => string;
}

/** The curated table of Eurostat's labels to codes, for the exports that print labels; passed to the parsers. */
export const eurostatLabelsFile = new URL("../../data/reference/eurostat-labels.csv", import.meta.url);

/** The parsers of each Eurostat format, with the label-variant parsers mapping labels through the curated table. */
export const eurostatParsers = makeEurostatParsers(readEurostatLabels(readFileSync(eurostatLabelsFile, "utf8"), "data/reference/eurostat-labels.csv"));

/** The parsers of each publisher, by format name (the names used in data/sources.yaml and `--format`). */
const publishers: Readonly<Record<string, PublisherFormats>> = {
  eurostat: { parsers: eurostatParsers, detect: detectEurostatFormat },
  statbel: { parsers: statbelParsers, detect: (_head, name) => statbelFileKind(name) },
  undesa: { parsers: undesaParsers, detect: detectUndesaFormat },
  unhcr: { parsers: unhcrParsers, detect: detectUnhcrFormat },
  oecd: { parsers: oecdParsers, detect: detectOecdFormat },
  worldbank: { parsers: worldBankParsers, detect: detectWorldBankFormat },
};

/** The formats `migmon ingest --format` accepts for a publisher. */
export function formatsOf(publisher: string): string[] {
  return Object.keys(publishers[publisher]?.parsers ?? {});
}

/** Detects the format of a file from its first bytes (and name), for the publisher's parsers. */
export function detectFormat(publisher: string, head: Uint8Array, fileName: string): string {
  const formats = publishers[publisher];
  if (!formats) throw new UsageError(`no parser is registered for publisher ${publisher}`);
  return formats.detect(head, fileName);
}

/** The parser for a publisher's format; UsageError naming the accepted formats otherwise. */
export function parserFor(publisher: string, format: string, fileName: string): Parser {
  const parser = publishers[publisher]?.parsers[format];
  if (!parser) {
    const known = formatsOf(publisher).join(", ") || "none";
    throw new UsageError(`cannot read ${fileName} as ${JSON.stringify(format)} for ${publisher} (formats: ${known})`);
  }
  return parser;
}

/** Checks that every format the catalogue names has a parser; throws MigmonError naming the entry otherwise. */
export function checkCatalogueFormats(catalogue: readonly CatalogueEntry[]): void {
  for (const entry of catalogue) {
    for (const [field, format] of [["download", entry.download.format], ["offline", entry.offline?.format]] as const) {
      if (format === undefined || entry.publisher === "agency") continue;
      if (!formatsOf(entry.publisher).includes(format)) {
        throw new MigmonError(`data/sources.yaml: ${entry.id}: ${field}.format ${JSON.stringify(format)} is not a ${entry.publisher} format (${formatsOf(entry.publisher).join(", ")})`);
      }
    }
  }
}
