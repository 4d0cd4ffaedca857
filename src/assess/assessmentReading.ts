// The plain-language reading of an assessment in one language: the artefact check first, then the numbers, then
// what the design cannot say. Every word comes from the i18n catalogues.
import type { Titles } from "../core/index.ts";
import { formatNumber, t } from "../i18n/index.ts";
import type { Lang } from "../i18n/index.ts";
import type { ArtefactSign } from "./artefactCheck.ts";
import type { AssessedBreak, PolicyEffectAssessment } from "./assessPolicyEffect.ts";

/** A figure to 3 significant digits (whole numbers from 100 on), in the language's number format. */
export function formatFigure(value: number, lang: Lang): string {
  const magnitude = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  const digits = Math.min(6, Math.max(0, 2 - magnitude));
  return formatNumber(Number(value.toFixed(digits)), lang, { fractionDigits: digits });
}

/** A p-value with its relation, as the reading writes it after "p": "= 0.012" (3 decimals), or "< 0.001". */
export function formatP(p: number, lang: Lang): string {
  return p < 0.001 ? t(lang, "assess.pSmall") : `= ${formatNumber(p, lang, { fractionDigits: 3 })}`;
}

function distanceText(distance: number, lang: Lang): string {
  if (distance === 0) return t(lang, "assess.distance.same");
  const count = Math.abs(distance);
  if (distance < 0) return count === 1 ? t(lang, "assess.distance.beforeOne") : t(lang, "assess.distance.before", { count });
  return count === 1 ? t(lang, "assess.distance.afterOne") : t(lang, "assess.distance.after", { count });
}

function textIn(text: Titles | string, lang: Lang): string {
  return typeof text === "string" ? text : text[lang];
}

function signText(sign: ArtefactSign, lang: Lang): string {
  const distance = distanceText(sign.distance, lang);
  switch (sign.kind) {
    case "statistical-event":
      return t(lang, "assess.artefact.statisticalEvent", { title: sign.title[lang], id: sign.id, date: sign.inForce, distance });
    case "break-flag":
      return t(lang, "assess.artefact.breakFlag", { period: sign.period, distance });
    case "definition-break":
      return t(lang, "assess.artefact.definitionBreak", { source: sign.source, date: sign.date, distance, explanation: textIn(sign.explanation, lang) });
  }
}

function breakItem(b: AssessedBreak, lang: Lang): string {
  return b.lower === null || b.upper === null
    ? t(lang, "assess.break.itemOpen", { period: b.lastBefore })
    : t(lang, "assess.break.item", { period: b.lastBefore, lower: b.lower, upper: b.upper });
}

function breakSentences(a: Omit<PolicyEffectAssessment, "reading">, lang: Lang): string[] {
  const bt = a.breakTest;
  if (bt === null) return [t(lang, a.breakTestNote === "gaps" ? "assess.break.gaps" : "assess.break.tooShort")];
  const model = t(lang, bt.trend ? "assess.break.modelTrend" : "assess.break.modelMean");
  const out = [t(lang, "assess.break.supF", { model, statistic: formatFigure(bt.supF.statistic, lang), p: formatP(bt.supF.p, lang), period: bt.supF.lastBefore })];
  if (bt.chosen === 0) {
    const covers = t(lang, bt.bestSingle.coversEvent === true ? "assess.break.coversWord" : "assess.break.notCoversWord");
    out.push(t(lang, "assess.break.noneChosen", { item: breakItem(bt.bestSingle, lang), covers }));
  } else {
    out.push(t(lang, "assess.break.chosen", { count: bt.chosen, list: bt.breaks.map((b) => breakItem(b, lang)).join(t(lang, "citation.join")) }));
    out.push(t(lang, bt.coversEvent ? "assess.break.covers" : "assess.break.notCovered"));
  }
  return out;
}

/**
 * Writes the reading of an assessment in one language, as one paragraph per part: the title; the artefact check
 * (first, because a measured change at a statistical break says nothing about the event); the interrupted time
 * series; the unknown-date tests; the placebo dates; the concurrent events; and the caveats (no causal claim
 * without a comparison design, few values, autocorrelation, unchecked or unlinked events, coarse dates, gaps).
 */
export function writeAssessmentReading(a: Omit<PolicyEffectAssessment, "reading">, lang: Lang): string {
  const parts: string[] = [];
  parts.push(t(lang, "assess.title", { event: a.event.title[lang], date: a.event.inForce, series: a.series, first: a.first, last: a.last, period: a.interventionPeriod }));
  if (a.artefact.possible) {
    parts.push([t(lang, "assess.artefact.lead", { period: a.interventionPeriod }), ...a.artefact.signs.map((s) => signText(s, lang))].join(" "));
  } else {
    parts.push(t(lang, "assess.artefact.none", { window: a.window, period: a.interventionPeriod }));
  }
  const its = a.its;
  parts.push(
    [
      t(lang, "assess.its", {
        n: a.n,
        before: its.before,
        after: its.after,
        period: a.interventionPeriod,
        level: formatFigure(its.levelChange.estimate, lang),
        levelSe: formatFigure(its.levelChange.se, lang),
        levelP: formatP(its.levelChange.p, lang),
        slope: formatFigure(its.slopeChange.estimate, lang),
        slopeSe: formatFigure(its.slopeChange.se, lang),
        slopeP: formatP(its.slopeChange.p, lang),
      }),
      ...(its.seasonal ? [t(lang, "assess.its.seasonal")] : []),
      t(lang, its.lagChoice === "rule" ? "assess.lag.rule" : "assess.lag.given", { lag: its.lag }),
    ].join(" "),
  );
  parts.push(breakSentences(a, lang).join(" "));
  const pl = a.placebo;
  parts.push(
    pl.p === null
      ? t(lang, "assess.placebo.none")
      : t(lang, pl.count === 1 ? "assess.placebo.one" : "assess.placebo", { count: pl.count, atLeast: pl.atLeastAsLarge, p: formatNumber(pl.p, lang, { fractionDigits: 3 }), min: formatNumber(1 / pl.count, lang, { fractionDigits: 3 }) }),
  );
  parts.push(
    a.concurrent.length === 0
      ? t(lang, "assess.concurrent.none", { window: a.window })
      : t(lang, "assess.concurrent.lead", {
          window: a.window,
          list: a.concurrent.map((c) => t(lang, "assess.concurrent.item", { title: c.title[lang], id: c.id, date: c.inForce, distance: distanceText(c.distance, lang) })).join(t(lang, "citation.join")),
        }),
  );
  const caveatTexts = [t(lang, "assess.caveat.causal")];
  if (a.n < 30) caveatTexts.push(t(lang, "assess.caveat.fewPoints", { n: a.n }));
  caveatTexts.push(t(lang, "assess.caveat.autocorrelation"));
  if (!a.event.checked) caveatTexts.push(t(lang, "assess.caveat.unchecked", { id: a.event.id }));
  if (!a.event.concernsSeries) caveatTexts.push(t(lang, "assess.caveat.notLinked"));
  if (a.matchedOn === "area") caveatTexts.push(t(lang, "assess.caveat.areaOnly"));
  if (a.matchedOn === "nothing") caveatTexts.push(t(lang, "assess.caveat.unmatched"));
  if (a.event.inForce.length === 4) caveatTexts.push(t(lang, "assess.caveat.precisionYear", { date: a.event.inForce }));
  if (a.event.inForce.length === 7) caveatTexts.push(t(lang, "assess.caveat.precisionMonth", { date: a.event.inForce }));
  if (a.missing > 0) caveatTexts.push(t(lang, "assess.caveat.missing", { count: a.missing }));
  parts.push(caveatTexts.join(" "));
  return parts.join("\n\n");
}
