import { UsageError, mergeFlags, parsePeriodParts, periodStart, comparePeriods } from "../core/index.ts";
import type { DatasetId, Period } from "../core/index.ts";
import type { Geography, GeoLevel } from "../reference/geography.ts";
import { sameTerritoryCodes, sameTerritoryOn } from "../reference/recodes.ts";
import type { Store } from "../store/store.ts";
import { cellsOnBoundaries, municipalitiesByUnit, requireSummable, sumMunicipalities } from "./aggregation.ts";
import { codeInInput, readArea } from "./areas.ts";
import type { Area } from "./areas.ts";
import type { Cell } from "./cell.ts";
import { findIndicator, referencesOf } from "./catalogue.ts";
import type { Indicator, IndicatorInput, IndicatorLevel } from "./catalogue.ts";
import { applyFormula } from "./formulas.ts";
import type { Evaluated, Row } from "./formulas.ts";
import { readInput } from "./inputs.ts";
import { periodContains } from "./periodSpan.ts";
import type { ReadRange } from "./inputs.ts";
import type { IndicatorResult, IndicatorValue, Provenance } from "./result.ts";

/** What the engine reads: the store, the indicator catalogue and the Belgian geography (effects passed in). */
export interface EngineContext {
  readonly store: Store;
  readonly catalogue: readonly Indicator[];
  readonly geography: Geography;
}

/** Which figures to compute: areas by code, or every area of a level; a period range; a vintage; boundaries. */
export interface IndicatorRequest {
  /** REFNIS, Belgian NUTS, country or EU aggregate codes; results are reported under these codes. */
  readonly geos?: readonly string[];
  /** Every area of a level (used when `geos` is absent). */
  readonly level?: IndicatorLevel;
  readonly from?: Period;
  readonly to?: Period;
  readonly asOf?: string;
  /** Municipal figures on the municipalities of 1 January of this year (merger crosswalk; summable only). */
  readonly boundaries?: number;
  /** Use only this dataset among an indicator's inputs (e.g. Statbel rather than Eurostat for Belgium). */
  readonly dataset?: string;
}

interface Work {
  readonly ctx: EngineContext;
  readonly request: IndicatorRequest;
  readonly provenance: Map<string, Provenance>;
  /** Whether the store holds a dataset, asked once per dataset and computation. */
  readonly loaded: Map<string, Promise<boolean>>;
}

/**
 * The inputs an indicator reads by default: those that are not an alternative publisher's figure, and of these
 * the ones whose dataset the store holds (a live-only table that was never downloaded gives way to its offline
 * copy, e.g. migr_imm1ctz to the derived long table). When the store holds none, all of them, so that the
 * message names the datasets to load. The choice is made once per indicator, so one series never mixes sources.
 */
async function defaultInputs(inputs: readonly IndicatorInput[], w: Work): Promise<readonly IndicatorInput[]> {
  const own = inputs.filter((i) => !i.alternative);
  const held = await Promise.all(own.map((i) => {
    let known = w.loaded.get(i.dataset);
    if (!known) {
      known = w.ctx.store.getDataset(i.dataset as DatasetId).then(() => true, () => false);
      w.loaded.set(i.dataset, known);
    }
    return known;
  }));
  const present = own.filter((_, k) => held[k]);
  return present.length > 0 ? present : own;
}

const belgianLevels: ReadonlySet<IndicatorLevel> = new Set(["municipality", "arrondissement", "province", "region"]);

/** The areas of a request: its codes, or every unit of a Belgian level (countries of a level come from the data). */
function areasOf(ctx: EngineContext, request: IndicatorRequest): Area[] | "all" {
  if (request.geos && request.geos.length > 0) return request.geos.map((g) => readArea(ctx.geography, g));
  if (request.level === undefined) throw new UsageError("give the areas (--geo) or a level (--level)");
  if (!belgianLevels.has(request.level)) return "all";
  const codes = [...new Set(ctx.geography.units.filter((u) => u.level === request.level).map((u) => u.code))];
  return codes.map((code) => ({ code, level: request.level!, refnis: code, nuts: null }));
}

/** The input that gives an area directly, or null. */
function directInput(inputs: readonly IndicatorInput[], area: Area, w: Work): IndicatorInput | null {
  for (const input of inputs) {
    if (input.levels.includes(area.level) && codeInInput(w.ctx.geography, area, input) !== null) return input;
  }
  return null;
}

async function evaluateCount(indicator: Indicator, inputs: readonly IndicatorInput[], w: Work, range: ReadRange): Promise<Evaluated> {
  const { ctx, request } = w;
  const areas = areasOf(ctx, request);
  const dims = inputs[0]!.breakdown;
  const rows: Row[] = [];
  const record = (p: readonly Provenance[]) => { for (const x of p) w.provenance.set(`${x.dataset}#${x.release}`, x); };
  if (areas === "all") {
    const input = inputs.find((i) => i.levels.includes(request.level!));
    if (!input) throw new UsageError(`indicator ${indicator.id} has no data at level ${request.level} (levels: ${indicator.levels.join(", ")})`);
    const { figures, provenance } = await readInput(ctx.store, input, null, range);
    record(provenance);
    for (const f of figures) if (readArea(ctx.geography, f.geo).level === request.level) rows.push({ geo: f.geo, period: f.period, breakdown: f.breakdown, cell: f.cell });
    return { dims, rows };
  }
  const direct = new Map<IndicatorInput, Area[]>();
  const aggregated: Area[] = [];
  for (const area of areas) {
    if (!indicator.levels.includes(area.level)) {
      if (areas.length > 1 && area.refnis === null) continue;
      throw new UsageError(`indicator ${indicator.id} does not exist at level ${area.level} (${area.code}); levels: ${indicator.levels.join(", ")}`);
    }
    // A Belgian area takes its figures from Belgian sources first (Statbel, or Eurostat's NUTS tables), so that the
    // terms of a share or rate come from one source; a country-coded input (Eurostat's national tables, whose
    // Belgian population differs from Statbel's: 11,237,274 against 11,209,044 on 1 January 2015) is used only
    // when no Belgian source can give the figure.
    const belgian = inputs.filter((i) => i.coding !== "country");
    const canSum = indicator.summable && area.refnis !== null && area.level !== "municipality" && inputs.some((i) => i.coding === "refnis");
    const onBoundaries = area.level === "municipality" && request.boundaries !== undefined;
    const input = onBoundaries ? null
      : area.refnis !== null ? (directInput(belgian, area, w) ?? (canSum ? null : directInput(inputs, area, w)))
        : directInput(inputs, area, w);
    // A publisher that leaves out empty cells gives no row for a municipality with none: read all municipalities
    // of the period, where the absent ones are known to be 0 (aggregateFromMunicipalities).
    const zeroFilled = input?.absentIsZero === true && input.coding === "refnis" && indicator.summable;
    if (input && !zeroFilled) direct.set(input, [...(direct.get(input) ?? []), area]);
    else aggregated.push(area);
  }
  for (const [input, list] of direct) {
    const byCode = new Map<string, Area[]>();
    for (const a of list) {
      const c = codeInInput(ctx.geography, a, input)!;
      const codes = input.coding === "refnis" && a.level === "municipality" && request.geos ? sameTerritoryCodes(ctx.geography, c) : [c];
      for (const code of codes) byCode.set(code, [...(byCode.get(code) ?? []), a]);
    }
    // A whole level reads the dataset without an area filter (a list of hundreds of codes costs the store more
    // than the rows it would leave out); the figures are matched to the areas below either way.
    const { figures, provenance } = await readInput(ctx.store, input, request.geos ? [...byCode.keys()] : null, range);
    record(provenance);
    for (const f of figures) for (const a of byCode.get(f.geo) ?? []) rows.push({ geo: a.code, period: f.period, breakdown: f.breakdown, cell: onTheirBoundaries(w, a, f.period, f.cell) });
  }
  // Areas outside Belgium that no input names (e.g. NL for a Statbel indicator) are left out of a mixed request.
  const unreachable = aggregated.filter((a) => a.refnis === null);
  if (unreachable.length > 0 && unreachable.some((a) => a.nuts !== null)) {
    throw new UsageError(`indicator ${indicator.id} has no data for ${unreachable.filter((a) => a.nuts !== null).map((a) => a.code).join(", ")} (a NUTS region no Belgian unit or input matches)`);
  }
  if (unreachable.length > 0 && (unreachable.length === areas.length)) {
    throw new UsageError(`indicator ${indicator.id} has no data for ${unreachable.map((a) => a.code).join(", ")}`);
  }
  const belgianAggregates = aggregated.filter((a) => a.refnis !== null);
  if (belgianAggregates.length > 0) {
    const municipal = inputs.find((i) => i.coding === "refnis" && i.levels.includes("municipality"));
    const area = belgianAggregates[0]!;
    // A whole level lists every unit there ever was; those no input names (La Louviere 58000, created in 2019, in a
    // NUTS 2016 table) are left without figures rather than failing the level.
    if (!municipal && request.geos) throw new UsageError(`indicator ${indicator.id} has no data for ${area.code} (level ${area.level})`);
    if (municipal) {
      requireSummable(indicator, request.boundaries !== undefined ? "put on other municipal boundaries" : `summed to level ${area.level}`);
      rows.push(...await aggregateFromMunicipalities(municipal, belgianAggregates, w, range, record));
    }
  }
  return { dims, rows };
}

// A municipality asked for by code that was only recoded (Moeskroen 54007 is 57096 from 2019) is read under each
// of its codes (sameTerritoryCodes), so one series runs across the recode; a whole level keeps every code apart.

/**
 * A figure a dataset gives directly for a unit above the municipalities, checked against the boundaries asked for:
 * when the unit's territory changed between the figure's date and those boundaries (the 2019 Hainaut reform), the
 * figure is of another territory, so it is withheld with a note rather than drawn on the new shape.
 */
function onTheirBoundaries(w: Work, area: Area, period: Period, cell: Cell): Cell {
  const boundaries = w.request.boundaries;
  if (boundaries === undefined || area.refnis === null || area.level === "municipality" || area.level === "country" || area.level === "region") return cell;
  const date = periodStart(parsePeriodParts(period));
  if (sameTerritoryOn(w.ctx.geography, area.refnis, date, `${boundaries}-01-01`)) return cell;
  return { value: null, flags: cell.flags, notes: [`missing: ${area.code} had another territory in ${period} than on the ${boundaries} boundaries, and this dataset gives no municipal figures to rebuild it`] };
}

/** The figure of an empty cell a publisher left out (absentIsZero). */
const zero: Cell = { value: 0, flags: "" };

async function aggregateFromMunicipalities(input: IndicatorInput, areas: readonly Area[], w: Work, range: ReadRange, record: (p: readonly Provenance[]) => void): Promise<Row[]> {
  const { ctx, request } = w;
  const { figures, provenance } = await readInput(ctx.store, input, null, range);
  record(provenance);
  const groups = new Map<string, { period: Period; breakdown: readonly string[]; cells: Map<string, Cell> }>();
  for (const f of figures) {
    const k = `${f.period}|${f.breakdown.join(".")}`;
    const g = groups.get(k) ?? { period: f.period, breakdown: f.breakdown, cells: new Map<string, Cell>() };
    g.cells.set(f.geo, f.cell);
    groups.set(k, g);
  }
  const rows: Row[] = [];
  const membersCache = new Map<string, Map<string, string[]>>();
  for (const g of groups.values()) {
    const date = periodStart(parsePeriodParts(g.period));
    let cells: ReadonlyMap<string, Cell> = g.cells;
    if (input.absentIsZero) {
      const filled = new Map(g.cells);
      for (const u of ctx.geography.on(date)) if (u.level === "municipality" && !filled.has(u.code)) filled.set(u.code, zero);
      cells = filled;
    }
    // With boundaries, the cells are put on the municipalities of that year (the zero-filled ones, so a unit the
    // publisher left out counts as 0 there too) and units above them are made of those municipalities, so an
    // arrondissement of the 2019 map (Tournai-Mouscron, La Louviere) gets the figure of its 2019 territory.
    const unitsDate = request.boundaries === undefined ? date : `${request.boundaries}-01-01`;
    if (request.boundaries !== undefined) {
      const year = Number(date.slice(0, 4));
      if (request.boundaries < year && ctx.geography.links.some((l) => unitsDate < l.date && l.date <= date)) {
        throw new UsageError(`boundaries ${request.boundaries} are older than the data (${g.period}) and units changed between: only later boundaries can be used`);
      }
      if (request.boundaries > year) cells = cellsOnBoundaries(ctx.geography, cells, year, request.boundaries);
    }
    for (const area of areas) {
      if (area.level === "municipality") {
        const code = cells.has(area.refnis!) || !request.geos ? area.refnis! : sameTerritoryCodes(ctx.geography, area.refnis!).find((c) => cells.has(c));
        const cell = code === undefined ? undefined : cells.get(code);
        if (cell) rows.push({ geo: area.code, period: g.period, breakdown: g.breakdown, cell });
        continue;
      }
      const level = (area.level === "country" ? "country" : area.level) as Exclude<GeoLevel, "municipality">;
      const cacheKey = `${level}|${unitsDate}`;
      let members = membersCache.get(cacheKey);
      if (!members) {
        members = municipalitiesByUnit(ctx.geography, level, unitsDate);
        membersCache.set(cacheKey, members);
      }
      const list = members.get(area.refnis!);
      if (list === undefined) continue;
      rows.push({ geo: area.code, period: g.period, breakdown: g.breakdown, cell: sumMunicipalities(cells, list, area.code) });
    }
  }
  return rows;
}

/** Marks the period that contains each known break date of the indicator with `b` and a note. */
function markBreaks(indicator: Indicator, e: Evaluated): Evaluated {
  if (indicator.breaks.length === 0) return e;
  const rows = e.rows.map((r) => {
    const hits = indicator.breaks.filter((b) => periodContains(r.period, b.date));
    if (hits.length === 0) return r;
    const notes = [...(r.cell.notes ?? []), ...hits.map((b) => `break in definition on ${b.date}: ${b.explanation.en}`)];
    return { ...r, cell: { ...r.cell, flags: mergeFlags(r.cell.flags, "b"), notes } };
  });
  return { dims: e.dims, rows };
}

async function evaluate(indicator: Indicator, w: Work, range: ReadRange): Promise<Evaluated> {
  const c = indicator.compute;
  if (c.kind === "count" || c.kind === "published") {
    // `dataset` picks among the inputs of the indicators that read it; the others keep theirs.
    const picked = w.request.dataset ? c.inputs.filter((i) => i.dataset === w.request.dataset) : [];
    const inputs = picked.length > 0 ? picked : await defaultInputs(c.inputs, w);
    return markBreaks(indicator, await evaluateCount(indicator, inputs, w, range));
  }
  const terms: Evaluated[] = [];
  for (const [i, ref] of referencesOf(c).entries()) {
    const term = findIndicator(w.ctx.catalogue, ref);
    // The population of a rate is needed on 1 January of the year after the last one.
    const widened = c.kind === "rate" && i === 1 && range.to !== undefined ? { ...range, to: `${parsePeriodParts(range.to).year + 1}-12-31` as Period } : range;
    terms.push(await evaluate(term, w, widened));
  }
  return markBreaks(indicator, applyFormula(c, terms));
}

/** Breakdown codes in order, code by code; places of a ranking (`2`, `10`) as numbers, so 10 follows 9. */
function compareBreakdowns(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

function toValue(r: Row, dims: readonly string[]): IndicatorValue {
  const cell = r.cell;
  const breakdown = dims.length > 0 ? Object.fromEntries(dims.map((d, i) => [d, r.breakdown[i] ?? ""])) : undefined;
  return {
    geo: r.geo, period: r.period, value: cell.value, flags: cell.flags,
    ...(breakdown ? { breakdown } : {}),
    ...("lower" in cell ? { lower: cell.lower, upper: cell.upper } : {}),
    ...(cell.notes && cell.notes.length > 0 ? { notes: cell.notes } : {}),
  };
}

/**
 * Computes an indicator of the catalogue for a set of areas (or a level) and periods, from the store: counts read
 * and reduced from their datasets, summed up the geography tree or put on other municipal boundaries where the
 * indicator is summable (NotSummableError otherwise), formulas applied over the indicators they name, flags
 * propagated (flags.ts) and known breaks marked `b`. Throws NotFoundError for an unknown indicator or dataset,
 * UsageError for a level the indicator does not exist at.
 */
export async function computeIndicator(ctx: EngineContext, id: string, request: IndicatorRequest): Promise<IndicatorResult> {
  const indicator = findIndicator(ctx.catalogue, id);
  if (request.level && !indicator.levels.includes(request.level)) {
    throw new UsageError(`indicator ${id} does not exist at level ${request.level}; levels: ${indicator.levels.join(", ")}`);
  }
  const w: Work = { ctx, request, provenance: new Map(), loaded: new Map() };
  // A stock dated 1 January (`2015-01-01`) belongs to the year 2015: reads run to the last day of the year asked for.
  const to = request.to === undefined ? undefined : (`${parsePeriodParts(request.to).year}-12-31` as Period);
  const range: ReadRange = { ...(request.from ? { from: request.from } : {}), ...(to ? { to } : {}), ...(request.asOf ? { asOf: request.asOf } : {}) };
  const e = await evaluate(indicator, w, range);
  const inRange = (p: Period) => (request.from === undefined || comparePeriods(p, request.from) >= 0)
    && (request.to === undefined || comparePeriods(p, request.to) <= 0 || parsePeriodParts(p).year <= parsePeriodParts(request.to).year);
  // Each distinct period is placed once (comparePeriods parses its arguments), then rows sort on plain numbers.
  const periods = [...new Set(e.rows.map((r) => r.period))].filter(inRange).sort(comparePeriods);
  const rank = new Map(periods.map((p, i) => [p, i]));
  const order = new Map((request.geos ?? []).map((g, i) => [g, i]));
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const rows = e.rows.filter((r) => rank.has(r.period)).sort((a, b) =>
    ((order.get(a.geo) ?? 0) - (order.get(b.geo) ?? 0)) || text(a.geo, b.geo) || rank.get(a.period)! - rank.get(b.period)!
    || compareBreakdowns(a.breakdown, b.breakdown));
  return {
    indicator: {
      id: indicator.id, title: indicator.title, definition: indicator.definition, unit: indicator.unit,
      notes: indicator.quality, breaks: indicator.breaks.map((b) => ({ date: b.date, explanation: b.explanation })),
    },
    breakdownDimensions: [...e.dims],
    values: rows.map((r) => toValue(r, e.dims)),
    provenance: [...w.provenance.values()],
    asOf: request.asOf ?? null,
  };
}
