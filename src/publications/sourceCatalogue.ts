// The source catalogue as a publication ("statistical migration and integration sources mapped"): every dataset
// of data/sources.yaml, grouped by theme, with its publisher, coverage, breakdowns, geography, update cycle,
// licence, known breaks, the indicators that read it and its latest release in the store, linked to its download.
import type { Lang } from "../i18n/index.ts";
import { formatDate, splitDatasetId } from "../i18n/index.ts";
import type { Indicator } from "../indicators/catalogue.ts";
import type { CatalogueEntry } from "../ingest/catalogue.ts";
import { inputsOf } from "./figureSource.ts";
import { escapeHtml } from "./markdown.ts";
import type { Chapter, Publication } from "./model.ts";
import { phrase } from "./phrases.ts";
import type { PhraseBook, PublicationTemplate } from "./templateSchema.ts";

/** The latest release of a dataset in the store, as the caller read it (the composition root owns the store). */
export interface LatestRelease {
  readonly release: number;
  readonly retrievedAt: string;
  readonly sourceUpdatedAt: string | null;
}

const themeOrder = ["flows", "stocks", "processes", "integration", "context", "geography"] as const;

/** The indicators that read a dataset, directly or through their formula, in id order. */
export function indicatorsReading(catalogue: readonly Indicator[], dataset: string): string[] {
  return catalogue.filter((i) => inputsOf(catalogue, i.id).some((x) => x.dataset === dataset)).map((i) => i.id).sort();
}

/**
 * The catalogue publication in one language. `latest` gives each dataset's newest release (absent: not loaded);
 * the edition date is the newest retrieval among them. Chapter titles are the template's, one per theme.
 */
export function buildSourceCatalogue(
  template: PublicationTemplate, entries: readonly CatalogueEntry[], catalogue: readonly Indicator[],
  latest: ReadonlyMap<string, LatestRelease>, lang: Lang, book: PhraseBook, apiBase: string,
): Publication {
  const chapters: Chapter[] = [];
  for (const theme of themeOrder) {
    const chapter = template.chapters.find((c) => c.id === theme);
    const inTheme = entries.filter((e) => e.theme === theme).sort((a, b) => a.id.localeCompare(b.id));
    if (chapter === undefined || inTheme.length === 0) continue;
    chapters.push({
      id: theme, title: chapter.title[lang],
      sections: inTheme.map((e) => {
        const release = latest.get(e.id);
        const used = indicatorsReading(catalogue, e.id);
        const releaseText = release === undefined
          ? escapeHtml(phrase(book, lang, "ui.catalogue.notLoaded"))
          : `${release.release}, ${escapeHtml(formatDate(release.sourceUpdatedAt ?? release.retrievedAt, lang))} · <a href="${escapeHtml(`${apiBase.replace(/\/$/, "")}/api/datasets/${e.id}/observations?format=csv`)}">${escapeHtml(phrase(book, lang, "ui.catalogue.download"))}</a>`;
        const rows: [string, string][] = [
          [phrase(book, lang, "ui.catalogue.publisher"), `${escapeHtml(splitDatasetId(e.id).publisher)} · <a href="${escapeHtml(e.page)}">${escapeHtml(e.code)}</a>`],
          [phrase(book, lang, "ui.catalogue.coverage"), escapeHtml([e.coverage.geography, e.coverage.years].filter((x) => x !== undefined).join("; "))],
          [phrase(book, lang, "ui.catalogue.breakdowns"), escapeHtml(e.coverage.breakdowns.join(", ") || phrase(book, lang, "ui.none"))],
          [phrase(book, lang, "ui.catalogue.update"), escapeHtml(`${e.frequency}; ${e.update}`)],
          [phrase(book, lang, "ui.catalogue.licence"), escapeHtml(e.licence)],
          [phrase(book, lang, "ui.catalogue.breaks"), escapeHtml((e.breaks ?? []).map((b) => `${b.date}: ${b.note}`).join("; ") || phrase(book, lang, "ui.none"))],
          [phrase(book, lang, "ui.catalogue.indicators"), used.length === 0 ? escapeHtml(phrase(book, lang, "ui.none")) : used.map((id) => `<code>${id}</code>`).join(", ")],
          [phrase(book, lang, "ui.catalogue.latest"), releaseText],
        ];
        return { id: e.id.replace(/[^a-z0-9]+/g, "-"), title: `${e.title[lang]} (${e.id})`, blocks: [{ kind: "facts" as const, rows }] };
      }),
    });
  }
  const days = [...latest.values()].map((r) => r.retrievedAt.slice(0, 10)).sort();
  return {
    id: template.id, kind: "catalogue", lang, title: template.title[lang], subtitle: template.subtitle?.[lang] ?? null,
    edition: days.at(-1) ?? "1970-01-01", chapters, annex: { indicators: [], flags: [], releases: [] },
  };
}
