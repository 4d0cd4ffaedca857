// A view's citation as a BibTeX entry (@misc, as data sets are cited in BibTeX without biblatex's @dataset):
// the monitor as author, the indicator and areas as title, the year of the newest release retrieved, the citation
// sentence (datasets and releases) as note and the view's permalink as url. Pure, so it is tested without a browser.

/** What a BibTeX entry of a view says. */
export interface BibtexSource {
  readonly indicator: string;
  readonly title: string;
  readonly author: string;
  /** ISO dates of retrieval of the releases used; the newest gives the year. */
  readonly retrieved: readonly string[];
  readonly note: string;
  readonly url: string;
}

/** Escapes the characters BibTeX (LaTeX) reads as commands: \ { } % & $ # _ ^ ~. */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => (c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\^{}" : c === "~" ? "\\~{}" : `\\${c}`));
}

/** The @misc entry; its key is `migmon_<indicator>_<year>`. Throws RangeError when no release date is given. */
export function bibtexEntry(source: BibtexSource): string {
  const newest = [...source.retrieved].sort().at(-1);
  if (newest === undefined) throw new RangeError(`the citation of ${source.indicator} has no release to date it`);
  const year = newest.slice(0, 4);
  const key = `migmon_${source.indicator.replace(/[^A-Za-z0-9]/g, "_")}_${year}`;
  return [
    `@misc{${key},`,
    `  author = {{${bibtexEscape(source.author)}}},`,
    `  title = {${bibtexEscape(source.title)}},`,
    `  year = {${year}},`,
    `  note = {${bibtexEscape(source.note)}},`,
    `  url = {${source.url}},`,
    "}",
  ].join("\n");
}
