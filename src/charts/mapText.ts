import type { Lang } from "../i18n/index.ts";
import { formatNumber, t } from "../i18n/index.ts";
import type { ClassBreaks } from "./classBreaks.ts";
import type { ChoroplethInput } from "./choroplethInput.ts";
import type { MapArea } from "./mapClasses.ts";
import { figureText } from "./valueText.ts";

/** A class's bounds as the legend writes them, `1.234 – 5.678` (one figure when both are equal). */
export function classLabel(bound: readonly [number, number], lang: Lang, fractionDigits?: number): string {
  const f = (v: number) => formatNumber(v, lang, fractionDigits === undefined ? {} : { fractionDigits });
  return bound[0] === bound[1] ? f(bound[0]) : `${f(bound[0])} – ${f(bound[1])}`;
}

/**
 * The text alternative of a choropleth: what is mapped for how many areas in how many classes by which method,
 * the lowest and highest areas with their figures, and how many areas have no figure or a figure of low
 * reliability (flag u).
 */
export function describeMap(input: ChoroplethInput, breaks: ClassBreaks | null, areas: readonly MapArea[]): string {
  const lang = input.lang;
  const sentences: string[] = [];
  const known = areas.filter((a) => a.value !== null).sort((a, b) => (a.value as number) - (b.value as number) || a.code.localeCompare(b.code));
  if (breaks !== null) {
    sentences.push(
      t(lang, "chart.map.intro", { unit: input.unit, count: areas.length, classes: breaks.bounds.length, method: t(lang, `chart.method.${breaks.method}`) }),
    );
  }
  const low = known[0];
  const high = known[known.length - 1];
  if (low !== undefined && high !== undefined) {
    sentences.push(
      t(lang, "chart.map.range", {
        minName: low.name,
        min: figureText(low.value, lang, input.fractionDigits),
        maxName: high.name,
        max: figureText(high.value, lang, input.fractionDigits),
      }),
    );
  }
  const missing = areas.length - known.length;
  if (missing > 0) sentences.push(t(lang, "chart.map.missing", { count: missing }));
  const unreliable = known.filter((a) => a.flags.includes("u")).length;
  if (unreliable > 0) sentences.push(t(lang, "chart.map.lowReliability", { count: unreliable }));
  return sentences.join(" ");
}
