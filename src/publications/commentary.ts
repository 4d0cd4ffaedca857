// The authors' commentary: Markdown blocks per language kept in data/publications/commentary/<template>/
// <id>.<lang>.md, carried from one edition to the next. Each file starts with the fingerprint of the figures it
// was written against (`<!-- figures: <hex> -->`); when the figures now give another fingerprint, the block is
// flagged for review in the publication and the new fingerprint is named, for the author to copy once reread.
import { createHash } from "node:crypto";
import type { IndicatorResult } from "../indicators/result.ts";

/** A commentary block as read from its file: the fingerprint it was written against and its Markdown. */
export interface CommentaryText {
  readonly fingerprint: string | null;
  readonly markdown: string;
}

/** Reads the text of a commentary block (effect passed in); null when the block has no text in that language. */
export type CommentaryReader = (template: string, id: string, lang: string) => CommentaryText | null;

const fingerprintLine = /^<!--\s*figures:\s*([0-9a-f]{16})\s*-->\s*\n/;

/** Splits a commentary file into its fingerprint line and its Markdown. */
export function parseCommentary(text: string): CommentaryText {
  const m = fingerprintLine.exec(text);
  return m ? { fingerprint: m[1]!, markdown: text.slice(m[0].length) } : { fingerprint: null, markdown: text };
}

/**
 * The fingerprint of the figures a block talks about: SHA-256 (first 16 hex digits) over the area, period, value
 * and flags of every figure, sorted, so that any revised, added or removed figure changes it.
 */
export function figuresFingerprint(result: IndicatorResult, geos: readonly string[]): string {
  const rows = result.values.filter((v) => geos.includes(v.geo)).map((v) => `${v.geo}|${v.period}|${v.value ?? ""}|${v.flags}`).sort();
  return createHash("sha256").update(`${result.indicator.id}\n${rows.join("\n")}`).digest("hex").slice(0, 16);
}
