// The publication as one standalone HTML file: cover, table of contents, numbered chapters and sections, sentences
// each with a link to the API query behind its figures, numbered figures (SVG from src/charts with its title and
// text alternative) and tables with the source and release under each, and the methodology annex. The same bytes
// for the same model: no clock, no random ids, ordering from the template.
import type { Block, Publication } from "./model.ts";
import { escapeHtml } from "./markdown.ts";
import { phrase } from "./phrases.ts";
import { publicationCss } from "./publicationCss.ts";
import { apiQuery } from "./reference.ts";
import type { FigureReference } from "./reference.ts";
import type { PhraseBook } from "./templateSchema.ts";
import { periodText } from "./figureFormat.ts";

/** How the HTML is written: the API base its query links point at, and the page of each heading when printed. */
export interface HtmlOptions {
  /** Prefix of the API links, e.g. `http://127.0.0.1:8080` (the default of `migmon serve`). */
  readonly apiBase: string;
  /** Page numbers of the table of contents, by heading id (the second pass of the PDF); absent in plain HTML. */
  readonly pages?: ReadonlyMap<string, number>;
}

function refLinks(refs: readonly FigureReference[], base: string, book: PhraseBook, p: Publication): string {
  const label = escapeHtml(phrase(book, p.lang, "ui.query"));
  const title = escapeHtml(phrase(book, p.lang, "ui.queryTitle"));
  return refs.map((r) => `<a class="ref" href="${escapeHtml(base + apiQuery(r))}" title="${title}" data-indicator="${r.indicator}">${label}</a>`).join("");
}

function blockHtml(block: Block, p: Publication, book: PhraseBook, base: string): string {
  switch (block.kind) {
    case "sentences":
      return block.sentences.map((s) => `<p class="sentence">${escapeHtml(s.text)}${refLinks(s.references, base, book, p)}</p>`).join("\n");
    case "figure":
      return `<figure id="figure-${block.number}"><figcaption>${escapeHtml(phrase(book, p.lang, "ui.figure", { n: String(block.number) }))}. ${escapeHtml(block.title)}</figcaption>\n${block.svg}\n` +
        `<p class="source">${escapeHtml(block.source)}${refLinks(block.references, base, book, p)}</p></figure>`;
    case "table": {
      const head = `<tr>${block.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr>`;
      const rows = block.rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join("")}</tr>`).join("\n");
      const notes = block.notes.length === 0 ? "" : `<p class="notes">${escapeHtml(block.notes.join("; "))}</p>`;
      return `<table id="table-${block.number}"><caption>${escapeHtml(phrase(book, p.lang, "ui.table", { n: String(block.number) }))}. ${escapeHtml(block.caption)}</caption>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody></table>\n` +
        `${notes}<p class="source">${escapeHtml(block.source)}${refLinks(block.references, base, book, p)}</p>`;
    }
    case "events":
      return `<ul class="events">\n${block.items.map((e) => `<li><span class="date">${escapeHtml(e.date)}</span> ${escapeHtml(e.title)}${e.checked ? "" : ` (${escapeHtml(phrase(book, p.lang, "ui.unchecked"))})`}. ` +
        `${escapeHtml(e.summary)} <a href="${escapeHtml(e.source)}">${escapeHtml(new URL(e.source).hostname)}</a></li>`).join("\n")}\n</ul>`;
    case "commentary":
      return block.needsReview
        ? `<div class="commentary review"><p class="review-note">${escapeHtml(phrase(book, p.lang, "ui.review"))}${block.fingerprint === null ? "" : ` (figures: ${block.fingerprint})`}</p>\n${block.html}</div>`
        : `<div class="commentary">${block.html}</div>`;
    case "assessment":
      return `<h4>${escapeHtml(block.title)}</h4><p class="assessment">${escapeHtml(block.reading)}<a class="ref" href="${escapeHtml(base + block.query)}">${escapeHtml(phrase(book, p.lang, "ui.query"))}</a></p>\n<p class="notes">${escapeHtml(block.limits)}</p>`;
    case "facts":
      return `<table class="facts"><tbody>${block.rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${v}</td></tr>`).join("")}</tbody></table>`;
    case "omitted":
      return `<p class="omitted">${escapeHtml(block.text)}</p>`;
  }
}

function tocEntry(id: string, title: string, pages: ReadonlyMap<string, number> | undefined): string {
  const page = pages?.get(id);
  return `<a href="#${id}">${escapeHtml(title)}</a>${pages === undefined ? "" : `<span class="page">${page ?? ""}</span>`}`;
}

/** Whether a publication is printed compact: a profile, without cover page and table of contents. */
export function isCompact(p: Publication): boolean {
  return p.kind === "profile";
}

/** Whether a publication has an annex (the source catalogue reads no indicator and has none). */
export function hasAnnex(p: Publication): boolean {
  return p.annex.indicators.length > 0 || p.annex.releases.length > 0;
}

function annexHtml(p: Publication, book: PhraseBook): string {
  if (!hasAnnex(p)) return "";
  const a = p.annex;
  const defs = a.indicators.map((i) => `<dt id="def-${i.id}">${escapeHtml(i.title)} <code>${i.id}</code></dt><dd>${escapeHtml(i.definition)}` +
    `${i.quality.map((q) => `<br>${escapeHtml(phrase(book, p.lang, "ui.qualityNote"))}: ${escapeHtml(q)}`).join("")}` +
    `${i.breaks.map((b) => `<br>${escapeHtml(phrase(book, p.lang, "ui.breakNote"))}: ${escapeHtml(b)}`).join("")}</dd>`).join("\n");
  const flags = a.flags.length === 0 ? `<p>${escapeHtml(phrase(book, p.lang, "ui.none"))}</p>` : `<dl>${a.flags.map((f) => `<dt>${f.code}</dt><dd>${escapeHtml(f.meaning)}</dd>`).join("")}</dl>`;
  return `<section class="annex" id="annex" aria-labelledby="annex-title"><h2 id="annex-title">${escapeHtml(phrase(book, p.lang, "ui.annex"))}</h2>\n` +
    `<h3 id="annex-definitions">${escapeHtml(phrase(book, p.lang, "ui.definitions"))}</h3>\n<dl>\n${defs}\n</dl>\n` +
    `<h3 id="annex-flags">${escapeHtml(phrase(book, p.lang, "ui.flagsLegend"))}</h3>\n${flags}\n` +
    `<h3 id="annex-releases">${escapeHtml(phrase(book, p.lang, "ui.releases"))}</h3>\n<ol>\n${a.releases.map((r) => `<li>${escapeHtml(r)}</li>`).join("\n")}\n</ol></section>`;
}

/** Writes the publication as HTML (see the module comment). */
export function publicationHtml(p: Publication, book: PhraseBook, options: HtmlOptions): string {
  const base = options.apiBase.replace(/\/$/, "");
  const pages = options.pages;
  const toc = p.chapters.map((c, ci) => `<li>${tocEntry(`ch-${c.id}`, `${ci + 1}. ${c.title}`, pages)}<ol>${c.sections.map((s, si) => `<li>${tocEntry(`sec-${c.id}-${s.id}`, `${ci + 1}.${si + 1} ${s.title}`, pages)}</li>`).join("")}</ol></li>`).join("\n");
  const chapters = p.chapters.map((c, ci) => `<section class="chapter" id="ch-${c.id}" aria-labelledby="h-${c.id}"><h2 id="h-${c.id}">${ci + 1}. ${escapeHtml(c.title)}</h2>\n` +
    c.sections.map((s, si) => `<section id="sec-${c.id}-${s.id}"><h3>${ci + 1}.${si + 1} ${escapeHtml(s.title)}</h3>\n${s.blocks.map((b) => blockHtml(b, p, book, base)).join("\n")}\n</section>`).join("\n") + "\n</section>").join("\n");
  const edition = phrase(book, p.lang, "ui.edition", { date: periodText(p.edition, p.lang) });
  // A profile is one or two pages: a heading instead of a cover page, no table of contents.
  const front = isCompact(p)
    ? `<header class="compact"><h1>${escapeHtml(p.title)}</h1><p class="edition">${escapeHtml(edition)}. ${escapeHtml(phrase(book, p.lang, "ui.generated"))}</p></header>\n`
    : `<header class="cover"><h1>${escapeHtml(p.title)}</h1>${p.subtitle === null ? "" : `<p class="subtitle">${escapeHtml(p.subtitle)}</p>`}` +
      `<p class="edition">${escapeHtml(edition)}</p><p>${escapeHtml(phrase(book, p.lang, "ui.generated"))}</p></header>\n` +
      `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">${escapeHtml(phrase(book, p.lang, "ui.contents"))}</h2><ol>\n${toc}\n${hasAnnex(p) ? `<li>${tocEntry("annex", phrase(book, p.lang, "ui.annex"), pages)}</li>` : ""}</ol></nav>\n`;
  return `<!doctype html>\n<html lang="${p.lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(p.title)}</title>\n` +
    `<meta name="migmon-edition" content="${p.edition}">\n<style>${publicationCss}</style>\n</head>\n<body${isCompact(p) ? ' class="compact"' : ""}>\n` + front +
    `<main>\n${chapters}\n${annexHtml(p, book)}\n</main>\n</body>\n</html>\n`;
}
