// Which register events concern a series: the register's own rule (indicator listed, geography enclosing).
import { appliesToGeography } from "../events/geography.ts";
import type { PolicyEvent } from "../events/schema.ts";
import type { AssessedSeries } from "./assessedSeries.ts";

/**
 * Whether a register event concerns the series: its `indicators` list one of the series' register ids and its geography is
 * the series' area or encloses it (appliesToGeography). A part the series does not state (no indicator, no area)
 * is not used to exclude, so a series from a CSV without an area is matched on its indicator alone, and one with
 * neither on nothing (every event is kept: the assessment then says that the match was not checked).
 */
export function eventConcernsSeries(event: PolicyEvent, series: AssessedSeries): boolean {
  if (series.registerIndicators !== null && !series.registerIndicators.some((id) => event.indicators.includes(id))) return false;
  if (series.geo !== null && !appliesToGeography(event.geography, series.geo)) return false;
  return true;
}
