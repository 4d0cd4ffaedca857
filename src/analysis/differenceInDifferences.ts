import { InputError, InsufficientDataError, UsageError, comparePeriods } from "../core/index.ts";
import { tQuantile } from "./distributions.ts";
import { clusterRobust } from "./hac.ts";
import { fitOls } from "./ols.ts";
import { arrangePanel, type Panel } from "./panel.ts";

/** Options of {@link estimateDifferenceInDifferences}. */
export interface DifferenceInDifferencesOptions {
  /** The treated unit(s); every other unit is a control. */
  readonly treated: readonly string[];
  /** First period of the treatment (post = period >= event); the same date for all treated units. */
  readonly event: string;
  /** Relative period left out of the event study (default -1, the period before the event). */
  readonly reference?: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Name of the series, used in error messages and the reading. */
  readonly series?: string;
}

/** A coefficient with its cluster-robust standard error, two-sided p and confidence interval. */
export interface DidEstimate {
  readonly estimate: number;
  readonly se: number;
  readonly t: number;
  readonly p: number;
  readonly ciLower: number;
  readonly ciUpper: number;
}

/** One lead or lag of the event study. */
export interface EventStudyTerm extends DidEstimate {
  /** Periods relative to the event: 0 the event period, -2 two periods before. */
  readonly relative: number;
  readonly period: string;
}

/** The two-way fixed effects difference-in-differences estimate and its event study. */
export interface DifferenceInDifferencesResult extends DidEstimate {
  readonly n: number;
  readonly units: number;
  readonly periods: number;
  /** Residual degrees of freedom of the regression (used for t, p and the intervals, as lmtest::coeftest). */
  readonly df: number;
  readonly clusters: number;
  readonly level: number;
  readonly reference: number;
  readonly eventStudy: readonly EventStudyTerm[];
  readonly reading: string;
}

/**
 * Difference-in-differences by two-way fixed effects: y_it = a_i + g_t + b (treated_i x post_t) + e_it, with
 * standard errors clustered by unit, and the event study that replaces the single b by one coefficient per period
 * relative to the event (treated_i x [t - event = k]) with period `reference` left out. Matches R
 * `lm(value ~ D + factor(unit) + factor(period))` with `sandwich::vcovCL(fit, cluster = ~unit, type = "HC1")` and
 * `lmtest::coeftest` / `coefci` (t with the residual df). Reference: Angrist and Pischke (2009) ch. 5; for the
 * event study, Freyaldenhoven et al. (2021). One common event date (no staggered adoption). An unbalanced panel is
 * used as it is; build it from rows with null values through buildPanel, which drops them with dropMissing.
 * @throws UsageError when a treated unit is not in the panel, no unit is left as control, or the event is before
 *   the first or after the last period.
 * @throws InsufficientDataError when there are too few observations for the regression.
 * @throws InputError for ragged or non-finite input; RankDeficientError when the design is singular.
 */
export function estimateDifferenceInDifferences(panel: Panel, options: DifferenceInDifferencesOptions): DifferenceInDifferencesResult {
  const series = options.series ?? "panel";
  const level = options.level ?? 0.95;
  const reference = options.reference ?? -1;
  if (!(level > 0 && level < 1)) throw new UsageError(`confidence level must be between 0 and 1, got ${level}`);
  const grid = arrangePanel(panel, series);
  const treated = new Set(options.treated);
  for (const unit of treated) if (!grid.units.includes(unit)) throw new UsageError(`treated unit "${unit}" is not in ${series}`);
  if (treated.size === 0) throw new UsageError("difference-in-differences needs at least one treated unit");
  if (grid.units.every((u) => treated.has(u))) throw new UsageError(`difference-in-differences needs a control unit; every unit of ${series} is treated`);
  if (!grid.periods.includes(options.event)) throw new InputError(series, undefined, `event period ${options.event} is not one of the panel's periods`);
  const eventIndex = grid.periods.findIndex((p) => comparePeriods(p, options.event) >= 0);
  if (eventIndex === 0) throw new UsageError(`event ${options.event} is the first period of ${series}; difference-in-differences needs a period before it`);

  const rows: { u: number; t: number; y: number }[] = [];
  grid.values.forEach((row, u) => row.forEach((y, t) => (y === null ? undefined : rows.push({ u, t, y }))));
  const n = rows.length;
  const y = Float64Array.from(rows, (r) => r.y);
  const isTreated = grid.units.map((u) => treated.has(u));
  const unitDummies = grid.units.slice(1).map((_, j) => Float64Array.from(rows, (r) => (r.u === j + 1 ? 1 : 0)));
  const periodDummies = grid.periods.slice(1).map((_, j) => Float64Array.from(rows, (r) => (r.t === j + 1 ? 1 : 0)));
  const fixedEffectNames = [...grid.units.slice(1).map((u) => `unit ${u}`), ...grid.periods.slice(1).map((p) => `period ${p}`)];
  const cluster = rows.map((r) => grid.units[r.u]!);
  const needed = 2 + unitDummies.length + periodDummies.length + 1;
  if (n < needed) throw new InsufficientDataError("difference-in-differences", series, n, needed);

  const withInterval = (estimate: number, se: number, t: number, p: number, df: number): DidEstimate => {
    const q = tQuantile(0.5 + level / 2, df);
    return { estimate, se, t, p, ciLower: estimate - q * se, ciUpper: estimate + q * se };
  };

  const post = Float64Array.from(rows, (r) => (isTreated[r.u] && r.t >= eventIndex ? 1 : 0));
  const fit = fitOls(y, [post, ...unitDummies, ...periodDummies], { names: ["D", ...fixedEffectNames], series, method: "difference-in-differences" });
  const robust = clusterRobust(fit, cluster, { type: "HC1" });
  const d = robust.coefficients[1]!;
  const main = withInterval(d.estimate, d.se, d.t, d.p, fit.dfResidual);

  const relatives = grid.periods.map((_, t) => t - eventIndex).filter((k) => k !== reference);
  const leadLag = relatives.map((k) => Float64Array.from(rows, (r) => (isTreated[r.u] && r.t - eventIndex === k ? 1 : 0)));
  const studyFit = fitOls(y, [...leadLag, ...unitDummies, ...periodDummies], {
    names: [...relatives.map((k) => `relative ${k}`), ...fixedEffectNames],
    series,
    method: "event study",
  });
  const studyRobust = clusterRobust(studyFit, cluster, { type: "HC1" });
  const eventStudy = relatives.map((relative, j): EventStudyTerm => {
    const c = studyRobust.coefficients[j + 1]!;
    return { relative, period: grid.periods[eventIndex + relative]!, ...withInterval(c.estimate, c.se, c.t, c.p, studyFit.dfResidual) };
  });
  const clusters = grid.units.length;
  return {
    ...main,
    n,
    units: clusters,
    periods: grid.periods.length,
    df: fit.dfResidual,
    clusters,
    level,
    reference,
    eventStudy,
    reading: readDid(main, eventStudy, clusters, level, series),
  };
}

function readDid(main: DidEstimate, eventStudy: readonly EventStudyTerm[], clusters: number, level: number, series: string): string {
  const pct = `${Math.round(level * 100)} %`;
  const leads = eventStudy.filter((e) => e.relative < 0);
  const failedLeads = leads.filter((e) => e.p < 1 - level);
  const direction = main.estimate > 0 ? "rose" : "fell";
  const verdict =
    main.p < 1 - level
      ? `After the event the treated units' ${series} ${direction} by ${Math.abs(main.estimate).toPrecision(3)} more than the controls' (p = ${main.p.toPrecision(2)}, ${pct} interval ${main.ciLower.toPrecision(3)} to ${main.ciUpper.toPrecision(3)}).`
      : `The difference-in-differences estimate is ${main.estimate.toPrecision(3)} and is not distinguishable from zero (p = ${main.p.toPrecision(2)}, ${pct} interval ${main.ciLower.toPrecision(3)} to ${main.ciUpper.toPrecision(3)}).`;
  const pretrend =
    leads.length === 0
      ? "There are no leads to check for a difference before the event."
      : failedLeads.length > 0
        ? `${failedLeads.length} of ${leads.length} leads differ from zero, so the groups were already moving apart before the event and the parallel-trends assumption is doubtful.`
        : `None of the ${leads.length} leads differs from zero, which is consistent with (but does not prove) parallel trends.`;
  const few = clusters < 40 ? ` With ${clusters} clusters the cluster-robust standard errors are too small and the p-values too optimistic.` : "";
  return `${verdict} ${pretrend}${few} The estimate is an effect of the event only if nothing else changed differently for the treated units at the same time.`;
}
