// The blocks that come from the register, the assessment and the authors rather than from one indicator: the
// register's policy events with dates and sources, the `assess` reading of a key event with its limits, and the
// commentary with its review flag.
import { assessPolicyEffect } from "../assess/assessPolicyEffect.ts";
import { readIndicatorSeries } from "../assess/readSeries.ts";
import type { SeriesSources } from "../assess/readSeries.ts";
import { MigmonError } from "../core/index.ts";
import type { Lang } from "../i18n/index.ts";
import { findEvent } from "../events/query.ts";
import type { PolicyEvent } from "../events/schema.ts";
import { figuresFingerprint } from "./commentary.ts";
import type { CommentaryReader } from "./commentary.ts";
import type { FigureReader } from "./figureSource.ts";
import { markdownToHtml } from "./markdown.ts";
import type { Block, EventItem } from "./model.ts";
import { phrase } from "./phrases.ts";
import type { TemplateBlock } from "./templateSchema.ts";
import type { BuiltBlock } from "./dataBlocks.ts";
import { periodText } from "./figureFormat.ts";
import { situationBlock } from "./profiles.ts";
import type { ProfileSubject } from "./profiles.ts";
import type { TextContext } from "./sentences.ts";

/** What the context blocks read (effects passed in). */
export interface ContextBlockInputs {
  readonly reader: FigureReader;
  readonly register: readonly PolicyEvent[];
  readonly series: SeriesSources;
  readonly commentary: CommentaryReader;
  readonly template: string;
  /** The areas a profile is about (its situation block); absent for other publications. */
  readonly subject?: ProfileSubject;
}

function eventItems(register: readonly PolicyEvent[], levels: readonly string[], areas: readonly string[], lang: Lang, asOf: string | null): EventItem[] {
  return register
    .filter((e) => e.kind === "policy" && levels.includes(e.level) && (areas.length === 0 || (e.area !== null && areas.includes(e.area))))
    .filter((e) => asOf === null || e.inForce <= asOf)
    .sort((a, b) => a.inForce.localeCompare(b.inForce) || a.id.localeCompare(b.id))
    .map((e) => ({ date: /^\d{4}-\d{2}-\d{2}$/.test(e.inForce) ? periodText(e.inForce, lang) : e.inForce, title: e.title[lang], summary: e.summary[lang], source: e.sources[0]!, checked: e.checked }));
}

/** The query of GET /api/analysis/assess that returns the same assessment. */
export function assessQuery(indicator: string, geo: string, event: string, asOf: string | null): string {
  const params = new URLSearchParams({ event, indicator, geo });
  if (asOf !== null) params.set("asOf", asOf);
  return `/api/analysis/assess?${params.toString()}`;
}

/** Builds a register, assess or commentary block; an assessment the data cannot carry gives the datasets it needs. */
export async function buildContextBlock(block: TemplateBlock, inputs: ContextBlockInputs, tc: TextContext): Promise<BuiltBlock> {
  const { lang, book } = tc;
  const asOf = inputs.reader.asOf;
  switch (block.kind) {
    case "register": {
      const items = eventItems(inputs.register, block.levels, block.areas, lang, asOf);
      return items.length === 0 ? { nothing: true } : { block: { kind: "events", items } };
    }
    case "assess": {
      const event = findEvent(inputs.register, block.event);
      const figures = await inputs.reader.read(block.indicator, [block.geo]);
      if (figures.kind === "missing") return figures;
      try {
        const series = await readIndicatorSeries(inputs.series, { indicator: block.indicator, geo: block.geo, ...(asOf === null ? {} : { asOf }) }, {
          breakdown: (i) => `${i} has a breakdown`, keyLength: (k) => `bad key ${k}`, empty: (label) => `${label} has no figures`,
        });
        const assessment = assessPolicyEffect(series, event, inputs.register);
        const block2: Block = {
          kind: "assessment", title: event.title[lang], reading: assessment.reading[lang], limits: phrase(book, lang, "ui.assessLimits"),
          query: assessQuery(block.indicator, block.geo, block.event, asOf),
        };
        return { block: block2 };
      } catch (error) {
        // Too few figures on either side of the event: the section says what it would need rather than guess.
        if (error instanceof MigmonError && error.exitCode !== 0) return { nothing: true };
        throw error;
      }
    }
    case "situation":
      return inputs.subject?.geo === undefined ? { nothing: true } : { block: situationBlock(inputs.subject, tc.names, lang, book) };
    case "commentary": {
      const text = inputs.commentary(inputs.template, block.id, lang);
      if (text === null) return { nothing: true };
      const figures = await inputs.reader.read(block.indicator, block.geos);
      const now = figures.kind === "figures" ? figuresFingerprint(figures.result, figures.geos) : null;
      const needsReview = now === null || text.fingerprint !== now;
      return { block: { kind: "commentary", html: markdownToHtml(text.markdown), needsReview, fingerprint: now } };
    }
    default:
      throw new MigmonError(`buildContextBlock: ${block.kind} is not a context block`);
  }
}
