// Where a publication reads its figures: the indicator engine (never the store directly), for the areas where an
// indicator exists, once per question (a cache, since a report asks the same indicator in several blocks and
// 589 profiles ask the same municipal level). A dataset not in the store is an answer too: the section that
// needed it is left out with a sentence naming it.
import { NotFoundError } from "../core/index.ts";
import type { Period } from "../core/index.ts";
import { readArea } from "../indicators/areas.ts";
import { findIndicator, referencesOf } from "../indicators/catalogue.ts";
import type { Indicator } from "../indicators/catalogue.ts";
import { computeIndicator } from "../indicators/engine.ts";
import type { EngineContext } from "../indicators/engine.ts";
import type { IndicatorResult, IndicatorValue } from "../indicators/result.ts";

/** Figures of an indicator for some areas, or why there are none. */
export type Figures =
  | { readonly kind: "figures"; readonly result: IndicatorResult; readonly geos: readonly string[] }
  | { readonly kind: "missing"; readonly datasets: readonly string[]; readonly live: boolean };

/** The datasets an indicator reads, through the indicators its formula names, with whether each is live only. */
export function inputsOf(catalogue: readonly Indicator[], id: string, seen = new Set<string>()): { dataset: string; live: boolean }[] {
  if (seen.has(id)) return [];
  seen.add(id);
  const compute = findIndicator(catalogue, id).compute;
  const own = compute.kind === "count" || compute.kind === "published" ? compute.inputs.map((i) => ({ dataset: i.dataset, live: i.availability === "live" })) : [];
  return [...own, ...referencesOf(compute).flatMap((ref) => inputsOf(catalogue, ref, seen))];
}

/** Reads indicators for a publication at one as-of date (null: the latest releases). */
export class FigureReader {
  private readonly cache = new Map<string, Promise<Figures>>();
  private used = new Map<string, IndicatorResult>();

  constructor(readonly ctx: EngineContext, readonly asOf: string | null) {}

  indicator(id: string): Indicator {
    return findIndicator(this.ctx.catalogue, id);
  }

  /** The areas of `geos` at whose level the indicator exists, in the order given. */
  areasWithLevel(id: string, geos: readonly string[]): string[] {
    const levels = this.indicator(id).levels as readonly string[];
    return geos.filter((g) => levels.includes(readArea(this.ctx.geography, g).level));
  }

  /** The indicator for the areas where it exists (cached); `missing` names the datasets a live update would bring. */
  async read(id: string, geos: readonly string[], range: { from?: Period; to?: Period } = {}): Promise<Figures> {
    const areas = this.areasWithLevel(id, geos);
    const key = `${id}|${areas.join(",")}|${range.from ?? ""}|${range.to ?? ""}`;
    let answer = this.cache.get(key);
    if (answer === undefined) {
      answer = this.compute(id, areas, range);
      this.cache.set(key, answer);
    }
    return this.note(await answer);
  }

  private note(figures: Figures): Figures {
    if (figures.kind === "figures" && !this.used.has(figures.result.indicator.id)) this.used.set(figures.result.indicator.id, figures.result);
    return figures;
  }

  /** Every municipality of the indicator in one computation (cached), for maps and profiles. */
  async readMunicipalities(id: string): Promise<Figures> {
    const key = `${id}|level:municipality`;
    let answer = this.cache.get(key);
    if (answer === undefined) {
      answer = this.guard(id, ["*"], () => computeIndicator(this.ctx, id, { level: "municipality", ...this.asOfOption() }));
      this.cache.set(key, answer);
    }
    return this.note(await answer);
  }

  private asOfOption(): { asOf?: string } {
    return this.asOf === null ? {} : { asOf: this.asOf };
  }

  private compute(id: string, areas: readonly string[], range: { from?: Period; to?: Period }): Promise<Figures> {
    if (areas.length === 0) return Promise.resolve(this.missing(id, false));
    if (range.from === undefined && range.to === undefined && areas.every((a) => this.ctx.geography.has(a))) return this.fromLevels(id, areas);
    return this.guard(id, areas, () => computeIndicator(this.ctx, id, { geos: areas, ...range, ...this.asOfOption() }));
  }

  /**
   * The figures of Belgian units (REFNIS codes) cut from the indicator computed once per level: the same figures
   * the engine gives for the codes asked one by one (it sums the same municipalities), at a fraction of the cost
   * when hundreds of profiles ask for their own municipality and parents.
   */
  private async fromLevels(id: string, areas: readonly string[]): Promise<Figures> {
    const levels = [...new Set(areas.map((a) => this.ctx.geography.versionsOf(a).at(-1)!.level))];
    const parts: IndicatorResult[] = [];
    for (const level of levels) {
      const key = `${id}|level:${level}`;
      let answer = this.cache.get(key);
      if (answer === undefined) {
        answer = level === "country"
          ? this.guard(id, ["BE"], () => computeIndicator(this.ctx, id, { geos: ["BE"], ...this.asOfOption() }))
          : this.guard(id, ["*"], () => computeIndicator(this.ctx, id, { level, ...this.asOfOption() }));
        this.cache.set(key, answer);
      }
      const got = await answer;
      if (got.kind === "missing") return got;
      parts.push(got.result);
    }
    const wanted = new Set(areas);
    const first = parts[0]!;
    const values = parts.flatMap((p) => p.values.filter((v) => wanted.has(v.geo)));
    if (!values.some((v) => v.value !== null)) return this.missing(id, false);
    return { kind: "figures", result: { ...first, values }, geos: areas };
  }

  /** The results read since the last call, by indicator (a publication's annex cites them); starts a new count. */
  takeUsed(): Map<string, IndicatorResult> {
    const used = this.used;
    this.used = new Map();
    return used;
  }

  private async guard(id: string, geos: readonly string[], run: () => Promise<IndicatorResult>): Promise<Figures> {
    try {
      const result = await run();
      if (!result.values.some((v) => v.value !== null)) return this.missing(id, false);
      return { kind: "figures", result, geos };
    } catch (error) {
      if (error instanceof NotFoundError) return this.missing(id, true);
      throw error;
    }
  }

  private missing(id: string, notInStore: boolean): Figures {
    const inputs = inputsOf(this.ctx.catalogue, id);
    const live = inputs.filter((i) => i.live).map((i) => i.dataset);
    const datasets = [...new Set(notInStore && live.length > 0 ? live : inputs.map((i) => i.dataset))].sort();
    return { kind: "missing", datasets, live: notInStore && live.length > 0 };
  }
}

/** The values of one area with a figure, oldest period first. */
export function seriesOf(result: IndicatorResult, geo: string): IndicatorValue[] {
  return result.values.filter((v) => v.geo === geo && v.value !== null && v.breakdown === undefined).sort((a, b) => a.period.localeCompare(b.period));
}
