// Data-to-text: sentences chosen and written from the numbers, in each language's grammar and number format.
// Level ("Op 1 januari 2015 hadden 504.130 inwoners ..."), change (rises / falls / stays about the same, chosen
// by the sign of the change as written), rank (highest, lowest or the ordinal place) and comparison ("hoger dan
// in het Waalse Gewest ... en lager dan ..."). Each sentence carries the references of the figures it states.
import type { Lang } from "../i18n/index.ts";
import { localeOf } from "../i18n/index.ts";
import type { IndicatorResult, IndicatorValue } from "../indicators/result.ts";
import type { AreaNames } from "./areaNames.ts";
import { digitsOfUnit, formatFigure, formatSigned, periodPhrase, periodText } from "./figureFormat.ts";
import { seriesOf } from "./figureSource.ts";
import type { GeneratedSentence } from "./model.ts";
import { capitalise, fillPlaceholders, frenchContractions, ordinal, phrase } from "./phrases.ts";
import { referenceOf } from "./reference.ts";
import type { PhraseBook, SentenceSubject, Trilingual } from "./templateSchema.ts";

/** What every sentence needs: the language, the phrase book, the area names and the edition's as-of date. */
export interface TextContext {
  readonly lang: Lang;
  readonly book: PhraseBook;
  readonly names: AreaNames;
  readonly asOf: string | null;
}

function finish(text: string, lang: Lang): string {
  return capitalise(lang === "fr" ? frenchContractions(text) : text);
}

function figure(result: IndicatorResult, value: number, tc: TextContext): string {
  return formatFigure(value, result.indicator.unit, tc.lang, tc.book);
}

/** The latest value of an area, or its value in `period` when given. */
function valueAt(result: IndicatorResult, geo: string, period?: string): IndicatorValue | undefined {
  const series = seriesOf(result, geo);
  return period === undefined ? series.at(-1) : series.find((v) => v.period === period);
}

/**
 * One sentence per area from a template's pattern: the area's latest figure as `{value}` with, when the block
 * names them, the share and total in the same period as `{share}` and `{total}`. Areas without a figure are skipped.
 */
export function levelSentences(
  main: IndicatorResult, companions: { share?: IndicatorResult; total?: IndicatorResult }, geos: readonly string[], pattern: Trilingual, at: string | undefined, tc: TextContext,
): GeneratedSentence[] {
  const out: GeneratedSentence[] = [];
  for (const geo of geos) {
    const v = valueAt(main, geo, at);
    if (v === undefined || v.value === null) continue;
    const forms = tc.names.forms(geo, tc.lang);
    const params: Record<string, string> = { date: periodText(v.period, tc.lang), value: figure(main, v.value, tc), ofArea: forms.of, inArea: forms.in };
    const references = [referenceOf(main, [geo], [v.period], tc.asOf)];
    let complete = true;
    for (const [name, result] of Object.entries(companions) as [string, IndicatorResult | undefined][]) {
      if (result === undefined) continue;
      const c = valueAt(result, geo, v.period);
      if (c === undefined || c.value === null) { complete = false; continue; }
      params[name] = figure(result, c.value, tc);
      references.push(referenceOf(result, [geo], [v.period], tc.asOf));
    }
    if (!complete) continue;
    out.push({ text: finish(fillPlaceholders(pattern[tc.lang], params, `level sentence of ${main.indicator.id}`), tc.lang), references });
  }
  return out;
}

/** The change between two figures as written: relative in % for positive counts, else the difference in the unit. */
function changeText(result: IndicatorResult, start: number, end: number, tc: TextContext): { text: string; written: number } {
  const unit = result.indicator.unit;
  if (unit !== "percent" && unit !== "percentage points" && !unit.startsWith("per ") && start > 0 && end >= 0) {
    const relative = Number((((end - start) / start) * 100).toFixed(1));
    return { text: formatSigned(formatFigure(Math.abs(relative), "percent", tc.lang, tc.book), relative), written: relative };
  }
  const digits = digitsOfUnit(unit);
  const difference = Number((end - start).toFixed(digits));
  const shownUnit = unit === "percent" ? "percentage points" : unit;
  return { text: formatSigned(formatFigure(Math.abs(difference), shownUnit, tc.lang, tc.book), difference), written: difference };
}

/**
 * Per area: rises, falls or stays about the same between the figure `years` years before its latest and the
 * latest (the nearest later figure when that year has none); "about the same" when the change rounds to 0.
 */
export function changeSentences(result: IndicatorResult, geos: readonly string[], subject: SentenceSubject, years: number, tc: TextContext): GeneratedSentence[] {
  const out: GeneratedSentence[] = [];
  for (const geo of geos) {
    const series = seriesOf(result, geo);
    const last = series.at(-1);
    if (last === undefined || last.value === null) continue;
    const startYear = Number(last.period.slice(0, 4)) - years;
    const first = series.find((v) => Number(v.period.slice(0, 4)) >= startYear && v.period.slice(4) === last.period.slice(4));
    if (first === undefined || first === last || first.value === null) continue;
    const change = changeText(result, first.value, last.value, tc);
    const key = change.written > 0 ? "change.rises" : change.written < 0 ? "change.falls" : "change.stable";
    const text = phrase(tc.book, tc.lang, key, {
      subject: subject[tc.lang], inArea: tc.names.forms(geo, tc.lang).in,
      start: figure(result, first.value, tc), from: periodPhrase(first.period, tc.lang, tc.book),
      end: figure(result, last.value, tc), to: periodPhrase(last.period, tc.lang, tc.book), change: change.text,
    }, { gender: subject.frGender });
    out.push({ text: finish(text, tc.lang), references: [referenceOf(result, [geo], [first.period, last.period], tc.asOf)] });
  }
  return out;
}

/** The latest period in which every area has a figure, else null. */
function commonPeriod(result: IndicatorResult, geos: readonly string[]): string | null {
  const sets = geos.map((g) => new Set(seriesOf(result, g).map((v) => v.period)));
  const all = [...(sets[0] ?? [])].filter((p) => sets.every((s) => s.has(p))).sort();
  return all.at(-1) ?? null;
}

/** The rank of each focus area among the areas with a figure in the latest period they all share. */
export function rankSentences(result: IndicatorResult, focus: readonly string[], among: readonly string[], subject: SentenceSubject, tc: TextContext): GeneratedSentence[] {
  const present = among.filter((g) => seriesOf(result, g).length > 0);
  const period = commonPeriod(result, present);
  if (period === null || present.length < 3) return [];
  const ranked = present.map((geo) => ({ geo, value: valueAt(result, geo, period)!.value! })).sort((a, b) => b.value - a.value);
  const out: GeneratedSentence[] = [];
  for (const geo of focus) {
    const place = ranked.findIndex((r) => r.geo === geo);
    if (place < 0) continue;
    const forms = tc.names.forms(geo, tc.lang);
    const params = {
      value: figure(result, ranked[place]!.value, tc), subject: subject[tc.lang], inArea: forms.in, area: forms.name,
      count: String(ranked.length), period: periodText(period, tc.lang), ordinal: ordinal(tc.book, tc.lang, place + 1),
    };
    const key = place === 0 ? "rank.highest" : place === ranked.length - 1 ? "rank.lowest" : "rank.other";
    out.push({ text: finish(phrase(tc.book, tc.lang, key, params, { gender: subject.frGender }), tc.lang), references: [referenceOf(result, present, [period], tc.asOf)] });
  }
  return out;
}

/** "X is higher than in A (a) and B (b) and lower than in C (c)": each other area in the focus area's latest period, or its own latest (stated). */
export function comparisonSentences(result: IndicatorResult, focus: readonly string[], others: readonly string[], subject: SentenceSubject, tc: TextContext): GeneratedSentence[] {
  const list = new Intl.ListFormat(localeOf[tc.lang], { type: "conjunction" });
  const out: GeneratedSentence[] = [];
  for (const geo of focus) {
    const own = valueAt(result, geo);
    if (own === undefined || own.value === null) continue;
    const shownOwn = figure(result, own.value, tc);
    const higher: string[] = [];
    const lower: string[] = [];
    const periods = [own.period];
    const used = [geo];
    for (const other of others) {
      const v = valueAt(result, other, own.period) ?? valueAt(result, other);
      if (v === undefined || v.value === null) continue;
      const shown = figure(result, v.value, tc);
      if (shown === shownOwn) continue;
      const dated = v.period !== own.period;
      const item = phrase(tc.book, tc.lang, dated ? "comparison.itemDated" : "comparison.item", { inArea: tc.names.forms(other, tc.lang).in, value: shown, period: periodText(v.period, tc.lang) });
      (own.value > v.value ? higher : lower).push(item);
      periods.push(v.period);
      used.push(other);
    }
    if (higher.length === 0 && lower.length === 0) continue;
    const key = higher.length > 0 && lower.length > 0 ? "comparison.both" : higher.length > 0 ? "comparison.higher" : "comparison.lower";
    const text = phrase(tc.book, tc.lang, key, {
      subject: subject[tc.lang], inArea: tc.names.forms(geo, tc.lang).in, value: shownOwn,
      higher: list.format(higher), lower: list.format(lower), period: periodText(own.period, tc.lang),
    }, { gender: subject.frGender });
    out.push({ text: finish(text, tc.lang), references: [referenceOf(result, used, periods, tc.asOf)] });
  }
  return out;
}
