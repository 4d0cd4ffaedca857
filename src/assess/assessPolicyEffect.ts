// The policy-effect assessment of one series at one register event (issue 7 item 9): the artefact check first,
// then the interrupted time series at the event, the unknown-date break tests, concurrent events and placebo dates.
import { interruptedTimeSeries } from "../analysis/interruptedTimeSeries.ts";
import type { ItsEffect } from "../analysis/interruptedTimeSeries.ts";
import { dropMissing } from "../analysis/missing.ts";
import { InsufficientDataError, MigmonError, parsePeriodParts } from "../core/index.ts";
import type { Period, Titles } from "../core/index.ts";
import type { PolicyEvent } from "../events/schema.ts";
import { findArtefactSigns } from "./artefactCheck.ts";
import type { ArtefactSign } from "./artefactCheck.ts";
import type { AssessedSeries } from "./assessedSeries.ts";
import { writeAssessmentReading } from "./assessmentReading.ts";
import { findConcurrentEvents } from "./concurrentEvents.ts";
import type { ConcurrentEvent } from "./concurrentEvents.ts";
import { eventConcernsSeries } from "./eventApplicability.ts";
import { readPeriodAxis } from "./periodAxis.ts";
import { runPlaceboDates } from "./placeboDates.ts";
import { testUnknownDateBreak } from "./unknownDateBreak.ts";

/** Choices of the assessment; every one has a stated default. */
export interface AssessOptions {
  /** Periods on either side of the event searched for artefacts and concurrent events; default max(2, frequency)
   * (2 years for annual data, 4 quarters, 12 months). */
  readonly window?: number;
  /** Newey-West lag of the ITS; default floor(4 (n / 100)^(2/9)) with n the number of values (Newey and West 1994). */
  readonly lag?: number;
  /** Seasonal dummies in the ITS (quarterly or monthly data); default false. */
  readonly seasonal?: boolean;
  /** Break tests on y ~ trend (default true: level and slope may break, as in the ITS) or on y ~ 1. */
  readonly trend?: boolean;
}

/** A break date found from the data alone, as periods: the last period before the break and its 95% interval. */
export interface AssessedBreak {
  readonly lastBefore: Period;
  readonly lower: Period | null;
  readonly upper: Period | null;
  readonly coversEvent: boolean | null;
}

/** Everything the assessment found, with the reading in the three languages. */
export interface PolicyEffectAssessment {
  readonly series: string;
  readonly indicator: string | null;
  readonly geo: string | null;
  readonly event: {
    readonly id: string;
    readonly kind: PolicyEvent["kind"];
    readonly title: Titles;
    readonly inForce: string;
    readonly checked: boolean;
    /** Whether the register links the event to this series (indicator and area). */
    readonly concernsSeries: boolean;
  };
  /** What register events were matched on: the indicator and the area, one of them, or nothing (every event). */
  readonly matchedOn: "indicator-and-area" | "indicator" | "area" | "nothing";
  /** The first period under the event (the first in which it is in force for at least half the period). */
  readonly interventionPeriod: Period;
  readonly window: number;
  readonly first: Period;
  readonly last: Period;
  /** Values used (periods with a figure) and periods left out for having none. */
  readonly n: number;
  readonly missing: number;
  readonly artefact: { readonly possible: boolean; readonly signs: readonly ArtefactSign[] };
  readonly its: {
    readonly levelChange: ItsEffect;
    readonly slopeChange: ItsEffect;
    readonly preSlope: ItsEffect;
    readonly lag: number;
    /** "rule" when the lag is floor(4 (n/100)^(2/9)), "given" when it was chosen. */
    readonly lagChoice: "rule" | "given";
    readonly seasonal: boolean;
    readonly before: number;
    readonly after: number;
  };
  /** The unknown-date break tests, or null with the reason when they could not run. */
  readonly breakTest:
    | {
        readonly trend: boolean;
        readonly minSegment: number;
        readonly supF: { readonly statistic: number; readonly p: number; readonly lastBefore: Period };
        readonly chosen: number;
        readonly breaks: readonly AssessedBreak[];
        readonly bestSingle: AssessedBreak;
        readonly coversEvent: boolean;
      }
    | null;
  readonly breakTestNote: string | null;
  readonly concurrent: readonly ConcurrentEvent[];
  readonly placebo: {
    readonly count: number;
    readonly atLeastAsLarge: number;
    readonly p: number | null;
    readonly dates: readonly { readonly period: Period; readonly levelChange: number }[];
  };
  readonly reading: Titles;
}

/**
 * Assesses whether `series` changed when `event` came into force, in the order a careful reader needs: (c) the
 * artefact check first (statistical events of the register concerning the series, `b` flags, declared definition
 * breaks within the window), (a) the interrupted time series at the first period under the event
 * (interruptedTimeSeries, Newey-West lag by the rule floor(4 (n/100)^(2/9)) unless given), (b) the unknown-date
 * break tests (sup-F, Bai-Perron with BIC and Bai's 95% intervals: does one cover the event?), (d) concurrent
 * policy and context events within the window, (e) placebo dates (the same ITS at every other admissible date; the
 * share of placebo level changes at least as large in absolute value is an empirical p), and the reading in nl, fr
 * and en with the numbers and the caveats. Missing values are dropped by dropMissing and keep their place.
 * Throws MigmonError when the event falls outside the series or the series is not regular, InsufficientDataError
 * when fewer than 3 values lie on either side of the event.
 */
export function assessPolicyEffect(
  series: AssessedSeries,
  event: PolicyEvent,
  register: readonly PolicyEvent[],
  options: AssessOptions = {},
): PolicyEffectAssessment {
  const { periods } = series;
  if (series.values.length !== periods.length || series.flags.length !== periods.length) {
    throw new MigmonError(`assess: ${series.label} has ${periods.length} periods, ${series.values.length} values and ${series.flags.length} flag strings`);
  }
  const axis = readPeriodAxis(series.label, periods);
  const window = options.window ?? Math.max(2, axis.frequency ?? 2);
  if (!Number.isInteger(window) || window < 0) throw new MigmonError(`assess: the window must be a whole number of periods, got ${window}`);
  const at = axis.firstPeriodInForce(event.inForce);
  const first = periods[0] as Period;
  const last = periods[periods.length - 1] as Period;
  if (at <= 0 || at >= periods.length) {
    throw new MigmonError(`assess: event ${event.id} (in force ${event.inForce}) falls ${at <= 0 ? "at or before the start" : "after the end"} of ${series.label} (${first} to ${last})`);
  }
  const { columns, kept, dropped } = dropMissing(series.values);
  const y = columns[0];
  const before = kept.filter((p) => p < at).length;
  if (before < 3) throw new InsufficientDataError("assess", `${series.label} before ${periods[at]}`, before, 3);
  if (y.length - before < 3) throw new InsufficientDataError("assess", `${series.label} from ${periods[at]} on`, y.length - before, 3);

  const signs = findArtefactSigns(series, axis, at, window, register);
  const seasonal = options.seasonal === true && axis.frequency !== null && axis.frequency > 1;
  // interruptedTimeSeries counts seasons from position 0 of the laid-out series, so the first season is that of
  // the first period, whether or not it has a value.
  const firstParts = parsePeriodParts(first);
  const itsOptions = {
    series: series.label,
    ...(options.lag === undefined ? {} : { lag: options.lag }),
    ...(seasonal ? { seasonal: { frequency: axis.frequency as number, firstSeason: firstParts.sub } } : {}),
  };
  const its = interruptedTimeSeries(y, { ...itsOptions, positions: kept, interventionIndex: at });
  const placebo = runPlaceboDates(y, kept, at, its.levelChange.estimate, { ...itsOptions, lag: its.lag });

  const trend = options.trend ?? true;
  let breakTest: PolicyEffectAssessment["breakTest"] = null;
  let breakTestNote: string | null = null;
  const consecutive = kept.every((p, i) => i === 0 || p === (kept[i - 1] as number) + 1);
  if (!consecutive) {
    breakTestNote = "gaps";
  } else {
    const periodOf = (index: number | null): Period | null => (index === null ? null : (periods[(kept[0] as number) + index] as Period));
    try {
      const found = testUnknownDateBreak(y, before - 1, trend, series.label);
      const dated = (b: { lastBefore: number; lower: number | null; upper: number | null; coversEvent: boolean | null }): AssessedBreak => ({
        lastBefore: periodOf(b.lastBefore) as Period,
        lower: periodOf(b.lower),
        upper: periodOf(b.upper),
        coversEvent: b.coversEvent,
      });
      breakTest = {
        trend,
        minSegment: found.minSegment,
        supF: { statistic: found.supF.statistic, p: found.supF.p, lastBefore: periodOf(found.supF.lastBefore) as Period },
        chosen: found.chosen,
        breaks: found.breaks.map(dated),
        bestSingle: dated(found.bestSingle),
        coversEvent: found.coversEvent,
      };
    } catch (error) {
      if (!(error instanceof MigmonError)) throw error;
      breakTestNote = "too-short";
    }
  }

  const assessment: Omit<PolicyEffectAssessment, "reading"> = {
    series: series.label,
    indicator: series.indicator,
    geo: series.geo,
    event: { id: event.id, kind: event.kind, title: event.title, inForce: event.inForce, checked: event.checked, concernsSeries: eventConcernsSeries(event, series) },
    matchedOn: series.registerIndicators !== null ? (series.geo !== null ? "indicator-and-area" : "indicator") : series.geo !== null ? "area" : "nothing",
    interventionPeriod: periods[at] as Period,
    window,
    first,
    last,
    n: y.length,
    missing: dropped,
    artefact: { possible: signs.length > 0, signs },
    its: {
      levelChange: its.levelChange,
      slopeChange: its.slopeChange,
      preSlope: its.preSlope,
      lag: its.lag,
      lagChoice: options.lag === undefined ? "rule" : "given",
      seasonal,
      before,
      after: y.length - before,
    },
    breakTest,
    breakTestNote,
    concurrent: findConcurrentEvents(series, axis, at, window, register, event.id),
    placebo: {
      count: placebo.dates.length,
      atLeastAsLarge: placebo.atLeastAsLarge,
      p: placebo.p,
      dates: placebo.dates.map((d) => ({ period: periods[d.position] as Period, levelChange: d.levelChange })),
    },
  };
  return {
    ...assessment,
    reading: { nl: writeAssessmentReading(assessment, "nl"), fr: writeAssessmentReading(assessment, "fr"), en: writeAssessmentReading(assessment, "en") },
  };
}
