// An edition's figures and sentences as data (`edition.json` beside the HTML and PDF files), and the difference
// between two editions: every sentence and table cell that changed, was added or went away. Keys name the
// document, section and row/column, so the same place in two editions is compared whatever its text.
import { InputError } from "../core/index.ts";
import type { Publication } from "./model.ts";

/** One document's sentences and table cells, keyed by where they stand. */
export interface EditionDocument {
  readonly edition: string;
  readonly items: Readonly<Record<string, string>>;
}

/** The whole edition: its documents by file name. */
export interface EditionRecord {
  readonly documents: Readonly<Record<string, EditionDocument>>;
}

/** The sentences and table cells of a publication, keyed `<chapter>/<section> sentence <i>` and `<chapter>/<section> <caption-less table> [<row>, <column>]`. */
export function editionItems(p: Publication): EditionDocument {
  const items: Record<string, string> = {};
  for (const c of p.chapters) {
    for (const s of c.sections) {
      const where = `${c.id}/${s.id}`;
      let sentence = 0;
      let table = 0;
      for (const b of s.blocks) {
        if (b.kind === "sentences") for (const x of b.sentences) items[`${where} sentence ${++sentence}`] = x.text;
        if (b.kind === "assessment") items[`${where} assessment`] = b.reading;
        if (b.kind === "omitted") items[`${where} omitted`] = b.text;
        if (b.kind === "table") {
          table += 1;
          for (const row of b.rows) row.slice(1).forEach((cell, i) => { items[`${where} table ${table} [${row[0]}, ${b.columns[i + 1]}]`] = cell; });
        }
      }
    }
  }
  return { edition: p.edition, items };
}

/** One difference between two editions. */
export interface EditionChange {
  readonly kind: "changed" | "added" | "removed";
  readonly document: string;
  readonly key: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** Reads an edition.json text; throws InputError naming the file when it is not one. */
export function parseEdition(text: string, file: string): EditionRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new InputError(file, undefined, "not JSON: an edition folder holds the edition.json that `migmon report` writes");
  }
  if (typeof data !== "object" || data === null || typeof (data as { documents?: unknown }).documents !== "object") {
    throw new InputError(file, undefined, "no `documents`: not an edition.json written by `migmon report`");
  }
  return data as EditionRecord;
}

/** Every sentence and cell that differs between two editions, in document and key order. */
export function diffEditions(a: EditionRecord, b: EditionRecord): EditionChange[] {
  const out: EditionChange[] = [];
  const documents = [...new Set([...Object.keys(a.documents), ...Object.keys(b.documents)])].sort();
  for (const document of documents) {
    const before = a.documents[document]?.items ?? {};
    const after = b.documents[document]?.items ?? {};
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const x = before[key];
      const y = after[key];
      if (x === y) continue;
      out.push({ kind: x === undefined ? "added" : y === undefined ? "removed" : "changed", document, key, before: x ?? null, after: y ?? null });
    }
  }
  return out;
}
