// Printing publications to PDF with Debian's Chromium through playwright-core (DESIGN.md §10: /usr/bin/chromium,
// the offline flags, a fresh profile). One browser is shared by every document and pages print concurrently.
// The table of contents gets its page numbers in a second pass: the first print is read back with poppler's
// pdftotext (pages split at form feeds) to find the page each heading landed on. The PDF is tagged (headings,
// figures with their SVG title and description as alternative text) and carries an outline.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import type { BrowserContext } from "playwright-core";
import { MigmonError } from "../core/index.ts";
import type { Publication } from "./model.ts";
import { hasAnnex, isCompact, publicationHtml } from "./html.ts";
import type { HtmlOptions } from "./html.ts";
import { escapeHtml } from "./markdown.ts";
import { phrase } from "./phrases.ts";
import type { PhraseBook } from "./templateSchema.ts";
import { periodText } from "./figureFormat.ts";

/** The Chromium binary (Debian's package) and the flags of DESIGN.md §10. */
export const chromiumPath = "/usr/bin/chromium";
export const chromiumFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] as const;

/** The text of each page of a PDF (poppler's pdftotext splits pages with a form feed). */
export function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile("pdftotext", ["-enc", "UTF-8", "-", "-"], { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (error, stdout) => {
      if (error) reject(new MigmonError(`pdftotext (poppler-utils) failed: ${error.message.split("\n")[0]}`));
      else resolve(stdout.split("\f").slice(0, -1));
    });
    child.stdin!.end(Buffer.from(pdf));
  });
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The page (1-based) of each heading of the table of contents, found in the printed text: the contents end on the
 * page naming the annex; each heading is then searched from the page of the one before it (headings are in order).
 */
export function headingPages(p: Publication, pages: readonly string[], book: PhraseBook): Map<string, number> {
  const texts = pages.map(squash);
  const annex = squash(phrase(book, p.lang, "ui.annex"));
  // The contents end on the page naming the annex (or, without one, the last section's title).
  const lastHeading = hasAnnex(p) ? annex : squash(p.chapters.at(-1)?.sections.at(-1)?.title ?? "");
  let cursor = texts.findIndex((t) => t.includes(lastHeading)) + 1;
  const found = new Map<string, number>();
  const seek = (id: string, heading: string) => {
    const at = texts.findIndex((t, i) => i >= cursor && t.includes(squash(heading)));
    if (at >= 0) { found.set(id, at + 1); cursor = at; }
  };
  p.chapters.forEach((c, ci) => {
    seek(`ch-${c.id}`, `${ci + 1}. ${c.title}`);
    c.sections.forEach((s, si) => seek(`sec-${c.id}-${s.id}`, `${ci + 1}.${si + 1} ${s.title}`));
  });
  if (hasAnnex(p)) seek("annex", annex);
  return found;
}

/** A running Chromium that prints publications; `close` stops it and removes its profile. */
export interface PdfPrinter {
  print(p: Publication, book: PhraseBook, options: HtmlOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

function pdfOptions(p: Publication, book: PhraseBook) {
  const style = "font-family:'DejaVu Sans',sans-serif;font-size:7pt;color:#555;width:100%;margin:0 16mm;";
  const page = phrase(book, p.lang, "ui.page", { page: "{page}", pages: "{pages}" })
    .replace("{page}", '<span class="pageNumber"></span>').replace("{pages}", '<span class="totalPages"></span>');
  return {
    format: "A4", printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, displayHeaderFooter: true,
    headerTemplate: `<div style="${style}"><span>${escapeHtml(p.title)}</span><span style="float:right">${escapeHtml(phrase(book, p.lang, "ui.edition", { date: periodText(p.edition, p.lang) }))}</span></div>`,
    footerTemplate: `<div style="${style}text-align:center">${page}</div>`,
  } as const;
}

async function printOnce(context: BrowserContext, html: string, options: ReturnType<typeof pdfOptions>): Promise<Uint8Array> {
  const page = await context.newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    return new Uint8Array(await page.pdf(options));
  } finally {
    await page.close();
  }
}

/** Starts the shared browser. `pageTexts` reads a PDF back (pdftotext by default; tests may pass another reader). */
export async function launchPrinter(pageTexts: (pdf: Uint8Array) => Promise<string[]> = pdfPageTexts): Promise<PdfPrinter> {
  const profile = mkdtempSync(path.join(tmpdir(), "migmon-print-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: [...chromiumFlags], locale: "en-GB", timezoneId: "UTC" });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new MigmonError(`cannot start Chromium at ${chromiumPath} for PDF output (apt install chromium): ${(error as Error).message.split("\n")[0]}`);
  }
  return {
    async print(p, book, options) {
      const pdfOpts = pdfOptions(p, book);
      if (isCompact(p)) return printOnce(context, publicationHtml(p, book, options), pdfOpts);
      // First pass with every page number as 0, so the contents take as many lines as in the final print.
      const zeros = new Map<string, number>();
      p.chapters.forEach((c) => { zeros.set(`ch-${c.id}`, 0); c.sections.forEach((s) => zeros.set(`sec-${c.id}-${s.id}`, 0)); });
      zeros.set("annex", 0);
      const first = await printOnce(context, publicationHtml(p, book, { ...options, pages: zeros }), pdfOpts);
      const pages = headingPages(p, await pageTexts(first), book);
      return printOnce(context, publicationHtml(p, book, { ...options, pages }), pdfOpts);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
