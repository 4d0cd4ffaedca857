// The artefact check: is there a reason in the data itself (a statistical break of the register, a `b` flag, a
// declared definition break) why the series could change near the event's date without anything happening?
import { hasFlag } from "../core/index.ts";
import type { Period, Titles } from "../core/index.ts";
import type { PolicyEvent } from "../events/schema.ts";
import type { AssessedSeries } from "./assessedSeries.ts";
import { eventConcernsSeries } from "./eventApplicability.ts";
import type { PeriodAxis } from "./periodAxis.ts";

/** One reason why a change near the date may be an artefact of measurement. */
export type ArtefactSign =
  | {
      readonly kind: "statistical-event";
      /** The register event (kind `statistical`) and where it falls, in periods from the assessed date. */
      readonly id: string;
      readonly title: Titles;
      readonly inForce: string;
      readonly distance: number;
    }
  | {
      readonly kind: "break-flag";
      /** A period of the series flagged `b` (break in series) by its publisher. */
      readonly period: Period;
      readonly distance: number;
    }
  | {
      readonly kind: "definition-break";
      readonly source: string;
      readonly date: string;
      readonly explanation: Titles | string;
      readonly distance: number;
    };

/**
 * Finds every sign, within `window` periods of the position `at` (the first period under the assessed event), that
 * a change there may be an artefact: statistical events of the register that concern the series (the assessed
 * event itself included when it is one), periods flagged `b`, and declared definition breaks of the indicator or
 * its datasets. Distances are in periods (negative before `at`); signs are sorted by absolute distance.
 */
export function findArtefactSigns(
  series: AssessedSeries,
  axis: PeriodAxis,
  at: number,
  window: number,
  register: readonly PolicyEvent[],
): ArtefactSign[] {
  const signs: ArtefactSign[] = [];
  for (const e of register) {
    if (e.kind !== "statistical" || !eventConcernsSeries(e, series)) continue;
    const distance = axis.firstPeriodInForce(e.inForce) - at;
    if (Math.abs(distance) <= window) signs.push({ kind: "statistical-event", id: e.id, title: e.title, inForce: e.inForce, distance });
  }
  series.flags.forEach((flags, i) => {
    const distance = i - at;
    if (hasFlag(flags, "b") && Math.abs(distance) <= window) signs.push({ kind: "break-flag", period: series.periods[i] as Period, distance });
  });
  for (const b of series.definitionBreaks) {
    const distance = axis.firstPeriodInForce(b.date) - at;
    if (Math.abs(distance) <= window) signs.push({ kind: "definition-break", source: b.source, date: b.date, explanation: b.explanation, distance });
  }
  return signs.sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance));
}
