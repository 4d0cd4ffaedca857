// Writing the documents of a report: each HTML file (and PDF) written atomically into the output folder, the
// edition.json of their sentences and table cells, PDFs printed by one shared Chromium with two pages at a time
// (this is a 2-core machine), and progress on stderr.
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { editionItems } from "../../publications/edition.ts";
import type { EditionDocument } from "../../publications/edition.ts";
import type { ReportDocument } from "../../publications/generateReports.ts";
import { launchPrinter } from "../../publications/pdf.ts";
import type { PdfPrinter } from "../../publications/pdf.ts";
import type { PhraseBook } from "../../publications/templateSchema.ts";
import type { CliContext } from "../context.ts";
import { startProgress } from "../progress.ts";

/** Writes a file through a temporary name and a rename, so a reader never sees half a file. */
export async function writeAtomically(file: string, bytes: string | Uint8Array): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/** Pins the dates Chromium writes into a PDF to the edition's day, so one edition prints to the same bytes. */
export function pinPdfDates(pdf: Uint8Array, edition: string): Uint8Array {
  const text = Buffer.from(pdf).toString("latin1");
  const stamp = `${edition.replaceAll("-", "")}000000`;
  // Same length in and out, so the cross-reference offsets of the PDF stay right.
  const pinned = text.replace(/\/(CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)/g, (whole, _key: string, digits: string, zone: string) =>
    whole.replace(`D:${digits}${zone}`, `D:${stamp}${zone.replace(/\d/g, "0")}`));
  return new Uint8Array(Buffer.from(pinned, "latin1"));
}

/** What writeDocuments did: the files written and the seconds each document took (bench). */
export interface WriteSummary {
  readonly files: string[];
  readonly timings: { name: string; seconds: number }[];
}

/**
 * Writes every document of `documents` into `outDir` as HTML, and as PDF when `pdf` is true, then edition.json.
 * `total` is the number of documents planned (the progress bar's end).
 */
export async function writeDocuments(context: CliContext, documents: AsyncIterable<ReportDocument>, total: number, outDir: string, pdf: boolean, book: PhraseBook, apiBase: string): Promise<WriteSummary> {
  await mkdir(outDir, { recursive: true });
  const progress = startProgress(context, "report", "documents");
  const files: string[] = [];
  const timings: { name: string; seconds: number }[] = [];
  const edition: Record<string, EditionDocument> = {};
  const printer: PdfPrinter | null = pdf ? await launchPrinter() : null;
  const inFlight = new Set<Promise<void>>();
  let done = 0;
  try {
    let started = performance.now();
    for await (const doc of documents) {
      const htmlFile = path.join(outDir, `${doc.name}.html`);
      await writeAtomically(htmlFile, doc.html);
      files.push(htmlFile);
      edition[doc.name] = editionItems(doc.publication);
      const finish = (began: number) => { timings.push({ name: doc.name, seconds: (performance.now() - began) / 1000 }); progress.update(++done, total); };
      if (printer === null) { finish(started); started = performance.now(); continue; }
      const began = started;
      const job = printer.print(doc.publication, book, { apiBase }).then(async (bytes) => {
        const pdfFile = path.join(outDir, `${doc.name}.pdf`);
        await writeAtomically(pdfFile, pinPdfDates(bytes, doc.publication.edition));
        files.push(pdfFile);
        finish(began);
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job)).catch(() => undefined);
      if (inFlight.size >= 2) await Promise.race(inFlight);
      started = performance.now();
    }
    await Promise.all(inFlight);
  } finally {
    await printer?.close();
  }
  const names = Object.keys(edition).sort();
  await writeAtomically(path.join(outDir, "edition.json"), `${JSON.stringify({ documents: Object.fromEntries(names.map((n) => [n, edition[n]])) }, null, 1)}\n`);
  progress.stop(`${done} documents in ${outDir}`);
  return { files: files.sort(), timings };
}
