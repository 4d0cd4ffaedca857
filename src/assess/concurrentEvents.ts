// Other things that happened at the same time: the register's policy and context events near the assessed date.
import type { Titles } from "../core/index.ts";
import type { PolicyEvent } from "../events/schema.ts";
import type { AssessedSeries } from "./assessedSeries.ts";
import { eventConcernsSeries } from "./eventApplicability.ts";
import type { PeriodAxis } from "./periodAxis.ts";

/** A register event near the assessed one, with its distance in periods (negative before). */
export interface ConcurrentEvent {
  readonly id: string;
  readonly kind: "policy" | "context";
  readonly title: Titles;
  readonly inForce: string;
  readonly distance: number;
  readonly checked: boolean;
}

/**
 * The policy and context events of the register, other than the assessed one, that concern the series
 * (eventConcernsSeries) and fall within `window` periods of position `at`, nearest first. Statistical events are
 * left to the artefact check.
 */
export function findConcurrentEvents(
  series: AssessedSeries,
  axis: PeriodAxis,
  at: number,
  window: number,
  register: readonly PolicyEvent[],
  assessedId: string,
): ConcurrentEvent[] {
  const found: ConcurrentEvent[] = [];
  for (const e of register) {
    if (e.id === assessedId || e.kind === "statistical" || !eventConcernsSeries(e, series)) continue;
    const distance = axis.firstPeriodInForce(e.inForce) - at;
    if (Math.abs(distance) <= window) found.push({ id: e.id, kind: e.kind, title: e.title, inForce: e.inForce, distance, checked: e.checked });
  }
  return found.sort((a, b) => Math.abs(a.distance) - Math.abs(b.distance) || (a.id < b.id ? -1 : 1));
}
