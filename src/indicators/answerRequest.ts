import { MigmonError, UsageError, comparePeriods, parsePeriodParts } from "../core/index.ts";
import { resolveAreas } from "../reference/areaInput.ts";
import { findIndicator } from "./catalogue.ts";
import { computeIndicator } from "./engine.ts";
import type { EngineContext, IndicatorRequest } from "./engine.ts";
import { checkChosenDataset, datasetsOfIndicator } from "./indicatorDatasets.ts";
import type { IndicatorResult } from "./result.ts";

/**
 * An indicator request as a user makes it (CLI `indicator`/`compare`, API `/api/indicators/{id}/data`), checked and
 * answered the same way for both: areas resolved or refused (areaInput.ts), a `dataset` the indicator does not read
 * refused, and what the answer leaves out said in `notes` rather than silently dropped; nothing left at all is
 * NoFiguresError naming the years that do exist.
 */

/** Nothing to show for a request that was valid: exit 1, HTTP 404, with the reason and what does exist. */
export class NoFiguresError extends MigmonError {
  constructor(message: string) {
    super(message, { exitCode: 1, httpStatus: 404 });
  }
}

/** A result with the notes on what was asked but is not in it. */
export interface IndicatorAnswer extends IndicatorResult {
  readonly notes: readonly string[];
}

/** Years as ranges: `2009-2015`, `2000-2004, 2010`. */
export function yearRanges(years: Iterable<number>): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const year = sorted[i]!;
    if (sorted[i + 1] === year + 1) continue;
    parts.push(start === year ? String(year) : `${start}-${year}`);
    start = sorted[i + 1];
  }
  return parts.join(", ");
}

/** A hint for municipalities asked for that began after a merger: earlier figures reach them only on their boundaries. */
function laterUnits(ctx: EngineContext, codes: readonly string[]): string {
  const later = codes.flatMap((code) => {
    if (!ctx.geography.has(code)) return [];
    const first = ctx.geography.versionsOf(code)[0]!;
    return first.level === "municipality" && first.validFrom !== null ? [`${code} exists from ${first.validFrom}`] : [];
  });
  if (later.length === 0) return "";
  const year = later.map((l) => l.slice(-10, -6)).sort().at(-1);
  return ` (${later.join(", ")}; --boundaries ${year} puts the figures of its predecessors on it)`;
}

const yearsOf = (result: IndicatorResult) => result.values.filter((v) => v.value !== null).map((v) => parsePeriodParts(v.period).year);

function rangeText(request: IndicatorRequest): string {
  const from = request.from === undefined ? null : parsePeriodParts(request.from).year;
  const to = request.to === undefined ? null : parsePeriodParts(request.to).year;
  if (from !== null && to !== null) return from === to ? `in ${from}` : `in ${from}-${to}`;
  return from !== null ? `from ${from}` : `up to ${to}`;
}

/**
 * Computes an indicator for a request after checking it (see the module comment). Areas come back under their
 * resolved codes (`Gent` -> 44021, `EL` -> GR). Throws AreaInputError (exit 2, HTTP 400) for unknown or ambiguous
 * areas, UsageError for a dataset the indicator does not read or `from` after `to`, NoFiguresError when nothing is
 * left, and whatever computeIndicator throws (NotFoundError for an unknown indicator or a dataset not loaded).
 */
export async function answerIndicatorRequest(ctx: EngineContext, id: string, request: IndicatorRequest): Promise<IndicatorAnswer> {
  const indicator = findIndicator(ctx.catalogue, id);
  if (request.dataset !== undefined) checkChosenDataset(ctx.catalogue, indicator, request.dataset);
  if (request.from !== undefined && request.to !== undefined && comparePeriods(request.from, request.to) > 0) {
    throw new UsageError(`the first period (${request.from}) is after the last (${request.to})`);
  }
  const notes: string[] = [];
  let geos: string[] | undefined;
  if (request.geos !== undefined) {
    const resolved = resolveAreas(ctx.geography, request.geos);
    for (const r of resolved) if (r.note !== null) notes.push(r.note);
    geos = [...new Set(resolved.map((r) => r.code))];
  }
  const asked: IndicatorRequest = { ...request, ...(geos === undefined ? {} : { geos }) };
  const result = await computeIndicator(ctx, indicator.id, asked);
  const years = yearsOf(result);
  const bounded = request.from !== undefined || request.to !== undefined;
  const fromYear = request.from === undefined ? -Infinity : parsePeriodParts(request.from).year;
  const toYear = request.to === undefined ? Infinity : parsePeriodParts(request.to).year;
  // Only a range the figures do not fill needs the years that exist, which costs a second computation.
  const unfilled = (list: readonly number[]) => list.length === 0
    || (request.from !== undefined && Math.min(...list) > fromYear) || (request.to !== undefined && Math.max(...list) < toYear);
  let existing: number[] | null = null;
  if (bounded && unfilled(years)) {
    const { from: _from, to: _to, ...unbounded } = asked;
    existing = yearsOf(await computeIndicator(ctx, indicator.id, unbounded));
  }
  const reads = datasetsOfIndicator(ctx.catalogue, indicator).map((d) => d.id).join(", ");
  if (years.length === 0) {
    const where = geos === undefined ? `at level ${request.level ?? "?"}` : `for ${geos.join(", ")}`;
    const exist = existing === null ? "" : existing.length === 0 ? `; it has no figures ${where} in any year` : `; figures exist for ${yearRanges(existing)}`;
    throw new NoFiguresError(`no figures for ${indicator.id} ${where}${bounded ? ` ${rangeText(request)}` : ""} (it reads ${reads})${exist}`);
  }
  if (existing !== null) {
    if (unfilled(existing)) notes.push(`figures of ${indicator.id} exist for ${yearRanges(existing)} only; asked ${rangeText(request)}`);
  }
  if (geos !== undefined) {
    const answered = new Set(result.values.filter((v) => v.value !== null || (v.notes ?? []).length > 0).map((v) => v.geo));
    const left = geos.filter((g) => !answered.has(g));
    if (left.length > 0) notes.push(`no figures for ${left.join(", ")}${bounded ? ` ${rangeText(request)}` : ""}: ${indicator.id} reads ${reads}, which give none for ${left.length > 1 ? "them" : "it"}${laterUnits(ctx, left)}`);
  }
  return { ...result, notes };
}
