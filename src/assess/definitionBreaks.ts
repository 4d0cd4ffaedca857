// The known definition breaks of a series: those its indicator declares and those of the datasets it is read from.
import type { Titles } from "../core/index.ts";
import type { DefinitionBreak } from "./assessedSeries.ts";

/** A dataset's declared breaks as the source catalogue (data/sources.yaml) gives them. */
export interface DatasetBreaks {
  readonly id: string;
  readonly breaks?: readonly { readonly date: string; readonly note: string }[] | undefined;
}

/**
 * Joins the breaks of an indicator (`breaks` in data/indicators, explanations in nl/fr/en) and of its datasets
 * (`breaks` in data/sources.yaml, a note in English) into one list, each naming where it is declared; a dataset
 * listed twice contributes once.
 */
export function collectDefinitionBreaks(
  indicator: { readonly id: string; readonly breaks: readonly { readonly date: string; readonly explanation: Titles }[] } | null,
  datasets: readonly DatasetBreaks[],
): DefinitionBreak[] {
  const out: DefinitionBreak[] = [];
  for (const b of indicator?.breaks ?? []) out.push({ date: b.date, source: `indicator ${indicator?.id}`, explanation: b.explanation });
  const seen = new Set<string>();
  for (const d of datasets) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    for (const b of d.breaks ?? []) out.push({ date: b.date, source: `dataset ${d.id}`, explanation: b.note });
  }
  return out;
}
