import type { Lang } from "./language.ts";
import { isoDate } from "./dateFormat.ts";
import { t } from "./translate.ts";

/**
 * What a citation needs of an indicator result (src/indicators/result.ts IndicatorResult has this shape; i18n may
 * import only core, so the shape is stated here).
 */
export interface CitationSource {
  readonly indicator: { readonly id: string };
  readonly provenance: readonly {
    readonly dataset: string;
    readonly release: number;
    readonly retrievedAt: string;
    readonly sourceUpdatedAt: string | null;
  }[];
  readonly asOf: string | null;
}

/** Publishers' names as they sign their data; a dataset id is `<publisher>:<code>`. */
const publisherNames: Readonly<Record<string, string>> = {
  eurostat: "Eurostat",
  statbel: "Statbel",
  undesa: "UN DESA",
  unhcr: "UNHCR",
  oecd: "OECD",
  worldbank: "World Bank",
};

/** The publisher's name and the dataset code of a dataset id (`eurostat:migr_imm1ctz` -> Eurostat, migr_imm1ctz). */
export function splitDatasetId(dataset: string): { publisher: string; code: string } {
  const colon = dataset.indexOf(":");
  if (colon < 0) return { publisher: dataset, code: dataset };
  const prefix = dataset.slice(0, colon);
  return { publisher: publisherNames[prefix] ?? prefix, code: dataset.slice(colon + 1) };
}

/**
 * The citation sentence of a result in a language, naming every dataset and release it was computed from, e.g.
 * `Source: Eurostat, migr_imm1ctz (release 3 of 2025-03-14, retrieved 2025-03-20); computed by Migration
 * Monitor, indicator immigration.` The release date is the publisher's own update date (left out when the input
 * stated none); dates are ISO days in every language, so the sentence reads the same in a machine file. The
 * same dataset and release listed twice is named once. Throws RangeError for a result with no provenance, since
 * a figure that cannot say where it comes from must not leave the system.
 */
export function citationText(result: CitationSource, lang: Lang): string {
  if (result.provenance.length === 0) {
    throw new RangeError(`indicator ${result.indicator.id} has no provenance to cite`);
  }
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const p of result.provenance) {
    const key = `${p.dataset}|${p.release}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { publisher, code } = splitDatasetId(p.dataset);
    const params = { publisher, dataset: code, release: p.release, retrieved: isoDate(p.retrievedAt) };
    parts.push(p.sourceUpdatedAt === null
      ? t(lang, "citation.releaseUndated", params)
      : t(lang, "citation.release", { ...params, updated: isoDate(p.sourceUpdatedAt) }));
  }
  const params = { sources: parts.join(t(lang, "citation.join")), app: t(lang, "app.name"), indicator: result.indicator.id };
  return result.asOf === null
    ? t(lang, "citation.sentence", params)
    : t(lang, "citation.sentenceAsOf", { ...params, asOf: isoDate(result.asOf) });
}
