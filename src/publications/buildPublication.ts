// A template and the figures of one as-of date become a publication in one language: each block built from the
// numbers, figures and tables numbered in reading order, a section without data left out with one sentence that
// names the dataset a live update would bring, a section with nothing at all (no events, no figure) dropped, and
// the annex over everything read.
import { localeOf, splitDatasetId } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import { buildAnnex, editionDate } from "./annex.ts";
import { buildContextBlock } from "./contextBlocks.ts";
import type { ContextBlockInputs } from "./contextBlocks.ts";
import { buildDataBlock } from "./dataBlocks.ts";
import type { BuiltBlock, DataBlockInputs } from "./dataBlocks.ts";
import type { Block, Chapter, Publication, Section } from "./model.ts";
import { phrase } from "./phrases.ts";
import type { TextContext } from "./sentences.ts";
import type { PublicationTemplate, TemplateSection } from "./templateSchema.ts";

/** Everything a publication reads, passed in: figures, register, shapes, assessment sources, commentary. */
export type PublicationInputs = DataBlockInputs & ContextBlockInputs;

const contextKinds = new Set(["register", "assess", "commentary", "situation"]);

/** Blocks that only make sense beside figures (a commentary on numbers the section no longer shows is left out with them). */
const dependentKinds = new Set(["commentary"]);

async function buildSection(section: TemplateSection, inputs: PublicationInputs, tc: TextContext, numbers: { figure: number; table: number }): Promise<Section | null> {
  const built: { kind: string; out: BuiltBlock }[] = [];
  for (const block of section.blocks) {
    const out = contextKinds.has(block.kind)
      ? await buildContextBlock(block, inputs, tc)
      : await buildDataBlock(block, inputs, tc, (kind) => ++numbers[kind]);
    built.push({ kind: block.kind, out });
  }
  const blocks: Block[] = built.flatMap((b) => ("block" in b.out ? [b.out.block] : []));
  if (blocks.some((b) => b.kind !== "commentary") || (blocks.length > 0 && built.every((b) => dependentKinds.has(b.kind)))) {
    return { id: section.id, title: section.title[tc.lang], blocks };
  }
  const missing = built.flatMap((b) => ("kind" in b.out ? [b.out] : []));
  if (missing.length === 0) return null;
  const live = missing.some((m) => m.live);
  const datasets = [...new Set(missing.filter((m) => m.live === live).flatMap((m) => m.datasets))].sort();
  const named = datasets.map((d) => { const { publisher, code } = splitDatasetId(d); return `${publisher} ${code}`; });
  const list = new Intl.ListFormat(localeOf[tc.lang], { type: "conjunction" }).format(named);
  const text = phrase(tc.book, tc.lang, live ? "omitted" : "omittedNoFigure", { datasets: list });
  return { id: section.id, title: section.title[tc.lang], blocks: [{ kind: "omitted", text }] };
}

/**
 * Builds a template into a publication in `lang` at the reader's as-of date. Chapters without any section are
 * dropped. The template must already have its placeholders ($geo, $members, ...) filled (profiles.ts).
 */
export async function buildPublication(template: PublicationTemplate, inputs: PublicationInputs, tc: TextContext, overrides: { title?: string; subtitle?: string } = {}): Promise<Publication> {
  inputs.reader.takeUsed();
  const numbers = { figure: 0, table: 0 };
  const chapters: Chapter[] = [];
  for (const chapter of template.chapters) {
    const sections: Section[] = [];
    for (const section of chapter.sections) {
      const built = await buildSection(section, inputs, tc, numbers);
      if (built !== null) sections.push(built);
    }
    if (sections.length > 0) chapters.push({ id: chapter.id, title: chapter.title[tc.lang], sections });
  }
  const used = inputs.reader.takeUsed();
  return {
    id: template.id, kind: template.kind, lang: tc.lang as Lang,
    title: overrides.title ?? template.title[tc.lang],
    subtitle: overrides.subtitle ?? template.subtitle?.[tc.lang] ?? null,
    edition: editionDate(used, inputs.reader.asOf),
    chapters, annex: buildAnnex(used, tc.lang),
  };
}
