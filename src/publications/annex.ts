// The methodology annex of a publication: the definition, quality notes and known breaks of every indicator it
// used, the legend of the flags that occur in its figures, and the citation of every release it read.
import { flagMeaning, citationText, formatDate } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import { flagCodes } from "../core/index.ts";
import type { IndicatorResult } from "../indicators/result.ts";
import type { Annex } from "./model.ts";

/** The annex over the results a publication read (in indicator id order, so editions compare line by line). */
export function buildAnnex(used: ReadonlyMap<string, IndicatorResult>, lang: Lang): Annex {
  const results = [...used.values()].sort((a, b) => a.indicator.id.localeCompare(b.indicator.id));
  const flagsSeen = new Set(results.flatMap((r) => r.values.flatMap((v) => [...v.flags])));
  return {
    indicators: results.map((r) => ({
      id: r.indicator.id,
      title: r.indicator.title[lang],
      definition: r.indicator.definition[lang],
      quality: r.indicator.notes.map((n) => n[lang]),
      breaks: r.indicator.breaks.map((b) => `${formatDate(b.date, lang)}: ${b.explanation[lang]}`),
    })),
    flags: flagCodes.filter((code) => flagsSeen.has(code)).map((code) => ({ code, meaning: flagMeaning(code, lang) })),
    releases: [...new Set(results.map((r) => citationText(r, lang)))],
  };
}

/** The edition date: the as-of date, or the newest retrieval day among the releases read (never the clock). */
export function editionDate(used: ReadonlyMap<string, IndicatorResult>, asOf: string | null): string {
  if (asOf !== null) return asOf.slice(0, 10);
  const days = [...used.values()].flatMap((r) => r.provenance.map((p) => p.retrievedAt.slice(0, 10))).sort();
  return days.at(-1) ?? "1970-01-01";
}
