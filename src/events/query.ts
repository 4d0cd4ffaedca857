import { NotFoundError } from "../core/index.ts";
import type { EventKind, EventLevel, PolicyArea, PolicyEvent } from "./schema.ts";
import { dateEnd, dateStart } from "./dates.ts";
import { appliesToGeography } from "./geography.ts";

export type Language = "nl" | "fr" | "en";

/** A filter on the register; every field is optional and they combine with AND. */
export interface EventFilter {
  readonly level?: EventLevel;
  readonly area?: PolicyArea;
  readonly kind?: EventKind;
  /** Keep events whose in-force date can fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly from?: string;
  /** Keep events whose in-force date can fall on or before this date. */
  readonly to?: string;
}

/** The events that pass every condition of the filter, in the order given. */
export function filterEvents(events: readonly PolicyEvent[], filter: EventFilter): PolicyEvent[] {
  const from = filter.from === undefined ? null : dateStart(filter.from);
  const to = filter.to === undefined ? null : dateEnd(filter.to);
  return events.filter(
    (e) =>
      (filter.level === undefined || e.level === filter.level) &&
      (filter.area === undefined || e.area === filter.area) &&
      (filter.kind === undefined || e.kind === filter.kind) &&
      (from === null || dateEnd(e.inForce) >= from) &&
      (to === null || dateStart(e.inForce) <= to),
  );
}

/** The event with this id. Throws NotFoundError naming the id. */
export function findEvent(events: readonly PolicyEvent[], id: string): PolicyEvent {
  const found = events.find((e) => e.id === id);
  if (found === undefined) throw new NotFoundError(`no event "${id}" in the register`);
  return found;
}

/**
 * The events that apply to one series: one of the series' topics (the register's names for what an event
 * touches; an indicator of data/indicators lists its own in `topics`) is among the event's `indicators`, and the series'
 * geography lies in one of the event's geographies (`appliesToGeography`: EU events apply to every EU
 * geography, federal ones to Belgium, its regions and municipalities, a regional or community event only to
 * its own area and its municipalities, a neighbour's event only to that country). Sorted by date, then id.
 */
export function eventsFor(events: readonly PolicyEvent[], topics: string | readonly string[], geoCode: string): PolicyEvent[] {
  const wanted = typeof topics === "string" ? [topics] : topics;
  return events
    .filter((e) => e.indicators.some((t) => wanted.includes(t)) && appliesToGeography(e.geography, geoCode))
    .sort((a, b) => (dateStart(a.inForce) < dateStart(b.inForce) ? -1 : dateStart(a.inForce) > dateStart(b.inForce) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What a chart draws for an event: where, the short label in one language, and how to style it. */
export interface EventMark {
  readonly id: string;
  readonly date: string;
  readonly label: string;
  readonly kind: EventKind;
  readonly direction: -1 | 0 | 1;
  readonly level: EventLevel;
  readonly checked: boolean;
}

/** Turns events into chart marks with the title in the chosen language. */
export function toMarks(events: readonly PolicyEvent[], lang: Language): EventMark[] {
  return events.map((e) => ({ id: e.id, date: e.inForce, label: e.title[lang], kind: e.kind, direction: e.direction, level: e.level, checked: e.checked }));
}
