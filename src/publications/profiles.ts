// Profiles: a template whose areas are placeholders, filled for one municipality ($geo, its $parents and its
// $similar municipalities, like the Flemish "lokale integratiescan") or one group of countries ($members).
// The similar municipalities are those of src/indicators/comparison.ts (size and share of non-Belgians).
import { UsageError } from "../core/index.ts";
import { municipalityWithParents, similarMunicipalities } from "../indicators/comparison.ts";
import type { MunicipalityFeatures } from "../indicators/comparison.ts";
import type { Lang } from "../i18n/index.ts";
import { localeOf, t } from "../i18n/index.ts";
import type { AreaNames } from "./areaNames.ts";
import type { FigureReader } from "./figureSource.ts";
import type { Block } from "./model.ts";
import { capitalise, phrase } from "./phrases.ts";
import type { PhraseBook, PublicationTemplate, TemplateBlock } from "./templateSchema.ts";

/** What a profile's placeholders stand for. */
export interface ProfileSubject {
  readonly geo?: string;
  readonly parents?: readonly string[];
  readonly similar?: readonly string[];
  readonly members?: readonly string[];
}

function fill(codes: readonly string[], subject: ProfileSubject): string[] {
  return codes.flatMap((code) => {
    switch (code) {
      case "$geo": return subject.geo === undefined ? [] : [subject.geo];
      case "$parents": return [...(subject.parents ?? [])];
      case "$similar": return [...(subject.similar ?? [])];
      case "$members": return [...(subject.members ?? [])];
      default: return [code];
    }
  });
}

function fillBlock(block: TemplateBlock, s: ProfileSubject): TemplateBlock {
  switch (block.kind) {
    case "level": case "change": case "chart": case "table": case "commentary": return { ...block, geos: fill(block.geos, s) };
    case "rank": return { ...block, focus: fill(block.focus, s), among: fill(block.among, s) };
    case "comparison": return { ...block, focus: fill(block.focus, s), others: fill(block.others, s) };
    case "assess": return { ...block, geo: fill([block.geo], s)[0] ?? block.geo };
    case "breakdown": return { ...block, codes: fill(block.codes, s) };
    default: return block;
  }
}

/** The template with every placeholder replaced by the subject's areas. */
export function fillTemplate(template: PublicationTemplate, subject: ProfileSubject): PublicationTemplate {
  return { ...template, chapters: template.chapters.map((c) => ({ ...c, sections: c.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => fillBlock(b, subject)) })) })) };
}

/**
 * A municipality's subject: itself, its arrondissement, province (none in Brussels), region and Belgium, and its
 * `k` most similar municipalities on the latest 1 January it has a population for. Throws UsageError for a code
 * that is not a municipality.
 */
export async function municipalSubject(reader: FigureReader, code: string, k = 5): Promise<ProfileSubject> {
  const chain = municipalityWithParents(reader.ctx.geography, code);
  const population = await reader.readMunicipalities("population");
  const share = await reader.readMunicipalities("share_non_belgian");
  if (population.kind === "missing" || share.kind === "missing") throw new UsageError(`profile of ${code}: the store holds no municipal population (${population.kind === "missing" ? population.datasets.join(", ") : ""})`);
  const latest = population.result.values.filter((v) => v.geo === code && v.value !== null).map((v) => v.period).sort().at(-1);
  const shares = new Map(share.result.values.filter((v) => v.period === latest).map((v) => [v.geo, v.value]));
  const features = new Map<string, MunicipalityFeatures>();
  for (const v of population.result.values) {
    const s = shares.get(v.geo);
    if (v.period === latest && v.value !== null && v.value > 0 && s !== undefined && s !== null) features.set(v.geo, { population: v.value, shareNonNationals: s });
  }
  return { geo: code, parents: chain.slice(1), similar: similarMunicipalities(code, features, k) };
}

/** The municipalities of a profile edition: those on the boundaries of the latest 1 January with a municipal population. */
export async function profileMunicipalities(reader: FigureReader): Promise<string[]> {
  const population = await reader.readMunicipalities("population");
  if (population.kind === "missing") throw new UsageError(`municipal profiles need ${population.datasets.join(", ")} in the store`);
  const latest = population.result.values.filter((v) => v.value !== null).map((v) => v.period).sort().at(-1)!;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(latest) ? latest : `${latest.slice(0, 4)}-01-01`;
  const codes = new Set(population.result.values.filter((v) => v.period === latest && v.value !== null).map((v) => v.geo));
  return reader.ctx.geography.on(day).filter((u) => u.level === "municipality" && codes.has(u.code)).map((u) => u.code).sort();
}

/** The situation block of a municipal profile: where it lies and which municipalities resemble it. */
export function situationBlock(subject: ProfileSubject, names: AreaNames, lang: Lang, book: PhraseBook): Block {
  const list = new Intl.ListFormat(localeOf[lang], { type: "conjunction" });
  const parents = (subject.parents ?? []).filter((p) => p !== "BE").map((p) => names.forms(p, lang).name);
  const sentences = [{ text: capitalise(phrase(book, lang, "ui.situation", { name: names.label(subject.geo!, lang), parents: list.format(parents) })), references: [] }];
  if ((subject.similar ?? []).length > 0) {
    sentences.push({ text: `${phrase(book, lang, "ui.similar")}${t(lang, "text.colon")}${list.format(subject.similar!.map((c) => names.label(c, lang)))}.`, references: [] });
  }
  return { kind: "sentences", sentences };
}
