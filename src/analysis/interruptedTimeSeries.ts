// Interrupted time series: segmented regression at a known intervention date, with Newey-West standard errors.
import { InsufficientDataError, MigmonError } from "../core/index.ts";
import type { CoefficientRow } from "./coefficientTable.ts";
import { neweyWest } from "./hac.ts";
import { fitOls } from "./ols.ts";
import { fitPoissonGlm } from "./poissonGlm.ts";

export interface ItsOptions {
  /** 0-based index of the first period under the intervention (the first "post" period), counted in positions. */
  readonly interventionIndex: number;
  /** The 0-based period position of each value, when missing periods were dropped (dropMissing's `kept`);
   * default 0..n-1. Time, the post indicator and the seasons follow the positions, so gaps keep their place. */
  readonly positions?: Int32Array;
  /** Newey-West lag; default floor(4 (n / 100)^(2/9)), the Newey-West (1994) rule of thumb. */
  readonly lag?: number;
  /** Seasonal dummies (treatment contrasts, season 1 the reference): the frequency (12 for monthly data) and
   * the season (1-based) of the first observation. */
  readonly seasonal?: { readonly frequency: number; readonly firstSeason: number };
  /** "gaussian" (OLS, default) or "poisson" (log-linear GLM for small counts). */
  readonly model?: "gaussian" | "poisson";
  /** Name of the series for messages; default "y". */
  readonly series?: string;
}

/** An effect with its Newey-West standard error and two-sided p-value. */
export interface ItsEffect {
  readonly estimate: number;
  readonly se: number;
  readonly p: number;
}

export interface ItsResult {
  readonly model: "gaussian" | "poisson";
  readonly n: number;
  readonly interventionIndex: number;
  readonly lag: number;
  /** Slope before the intervention (per period; on the log scale for Poisson). */
  readonly preSlope: ItsEffect;
  /** Jump at the first post period relative to the pre-intervention trend. */
  readonly levelChange: ItsEffect;
  /** Change of the slope after the intervention. */
  readonly slopeChange: ItsEffect;
  /** For Poisson: exp(levelChange) and exp(slopeChange), the multiplicative effects on the expected count. */
  readonly rateRatios: { readonly level: number; readonly slope: number } | null;
  /** All coefficients with Newey-West standard errors (t tests for gaussian, z tests for Poisson). */
  readonly coefficients: readonly CoefficientRow[];
  /** The same coefficients with the model's own (non-robust) standard errors. */
  readonly modelCoefficients: readonly CoefficientRow[];
  readonly covariance: number[][];
  readonly fitted: Float64Array;
  readonly method: string;
  readonly reading: string;
}

/** The segmented-regression design: time 1..n, post indicator, time since the intervention (0 at its start). */
function buildDesign(positions: Int32Array, k0: number, seasonal: ItsOptions["seasonal"]): { columns: Float64Array[]; names: string[] } {
  const time = Float64Array.from(positions, (i) => i + 1);
  const post = Float64Array.from(positions, (i) => (i >= k0 ? 1 : 0));
  const since = Float64Array.from(positions, (i) => (i >= k0 ? i - k0 : 0));
  const columns = [time, post, since];
  const names = ["time", "post", "timeSinceIntervention"];
  if (seasonal !== undefined) {
    for (let s = 2; s <= seasonal.frequency; s++) {
      columns.push(
        Float64Array.from(positions, (i) => (((seasonal.firstSeason - 1 + i) % seasonal.frequency) + 1 === s ? 1 : 0)),
      );
      names.push(`season${s}`);
    }
  }
  return { columns, names };
}

function effect(row: CoefficientRow | undefined): ItsEffect {
  const r = row as CoefficientRow;
  return { estimate: r.estimate, se: r.se, p: r.p };
}

function describe(e: ItsEffect, what: string, unit: string): string {
  const direction = e.estimate > 0 ? "an increase" : "a decrease";
  const strength =
    e.p < 0.01 ? "clearly distinguishable from no change" : e.p < 0.05 ? "distinguishable from no change at the 5% level" : "not distinguishable from no change";
  return `The ${what} is ${direction} of ${Math.abs(e.estimate).toPrecision(3)}${unit} (p = ${e.p < 0.001 ? "< 0.001" : e.p.toFixed(3)}), ${strength}.`;
}

/**
 * Segmented regression of an interrupted time series at a known intervention: y_t = b0 + b1 t + b2 post_t +
 * b3 (t - t0) post_t [+ seasonal dummies] + e_t, t = 1..n, with t0 the intervention's first period, so b2 is the
 * level change at t0 and b3 the slope change; or the same linear predictor for log E[y_t] in a Poisson GLM for
 * small counts. Standard errors are Newey-West with lag L (no prewhitening, no adjustment). Reference: Wagner,
 * Soumerai, Zhang and Ross-Degnan (2002), J Clin Pharm Ther 27; Bernal, Cummins and Gasparrini (2017), Int J
 * Epidemiol 46. Matches R lm(y ~ time + post + since [+ factor(season)]) or glm(..., family = poisson) with
 * lmtest::coeftest(fit, vcov = sandwich::NeweyWest(fit, lag = L, prewhite = FALSE)). Throws
 * InsufficientDataError when fewer than 3 observations lie on either side of the intervention or n does not
 * exceed the number of coefficients, MigmonError for an intervention index outside the series or malformed seasonal
 * options, RankDeficientError when a season never occurs.
 */
export function interruptedTimeSeries(y: Float64Array, options: ItsOptions): ItsResult {
  const series = options.series ?? "y";
  const n = y.length;
  const k0 = options.interventionIndex;
  const positions = options.positions ?? Int32Array.from({ length: n }, (_, i) => i);
  if (positions.length !== n) throw new MigmonError(`its: ${positions.length} positions for ${n} values of ${series}`);
  const last = positions[n - 1] ?? -1;
  if (!Number.isInteger(k0) || k0 < 0 || k0 > last) {
    throw new MigmonError(`its: intervention index ${k0} is outside ${series} (0..${last})`);
  }
  const before = positions.filter((i) => i < k0).length;
  if (before < 3) throw new InsufficientDataError("its", `${series} before the intervention`, before, 3);
  if (n - before < 3) throw new InsufficientDataError("its", `${series} from the intervention on`, n - before, 3);
  const seasonal = options.seasonal;
  if (
    seasonal !== undefined &&
    !(Number.isInteger(seasonal.frequency) && seasonal.frequency >= 2 && Number.isInteger(seasonal.firstSeason) && seasonal.firstSeason >= 1 && seasonal.firstSeason <= seasonal.frequency)
  ) {
    throw new MigmonError(`its: seasonal terms need a whole frequency of at least 2 and a first season in 1..frequency, got ${seasonal.frequency} and ${seasonal.firstSeason}`);
  }
  const model = options.model ?? "gaussian";
  const lag = options.lag ?? Math.floor(4 * (n / 100) ** (2 / 9));
  const { columns, names } = buildDesign(positions, k0, options.seasonal);
  const fit =
    model === "poisson"
      ? fitPoissonGlm(y, columns, { names, series, method: "its" })
      : fitOls(y, columns, { names, series, method: "its" });
  const robust = neweyWest(fit, { lag });
  const table = robust.coefficients;
  const levelChange = effect(table[2]);
  const slopeChange = effect(table[3]);
  const preSlope = effect(table[1]);
  const rateRatios = model === "poisson" ? { level: Math.exp(levelChange.estimate), slope: Math.exp(slopeChange.estimate) } : null;
  const unit = model === "poisson" ? " on the log scale" : "";
  const reading =
    `Segmented regression of ${series} (${n} periods, intervention at period ${k0 + 1}, ${model === "poisson" ? "Poisson log-linear" : "linear"} model${options.seasonal ? " with seasonal terms" : ""}). ` +
    describe(levelChange, "level change at the intervention", unit) +
    " " +
    describe(slopeChange, "change in slope per period", unit) +
    (rateRatios === null ? "" : ` As rate ratios: level ×${rateRatios.level.toFixed(3)}, slope ×${rateRatios.slope.toFixed(4)} per period.`) +
    ` Standard errors are Newey-West with lag ${lag}. The design compares the series with its own extrapolated pre-intervention trend: it cannot separate the intervention from anything else that changed at the same time, nor from a definition break in the source.`;
  return {
    model,
    n,
    interventionIndex: k0,
    lag,
    preSlope,
    levelChange,
    slopeChange,
    rateRatios,
    coefficients: table,
    modelCoefficients: fit.coefficients,
    covariance: robust.covariance,
    fitted: fit.fitted,
    method: `${model === "poisson" ? "Poisson GLM (log link)" : "OLS"} segmented regression, ${robust.method}`,
    reading,
  };
}
