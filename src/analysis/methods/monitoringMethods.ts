// The description and early-warning methods over one series: STL decomposition, exponential smoothing forecasts
// with prediction intervals, EWMA alerts.
import { UsageError, periodAfter } from "../../core/index.ts";
import { detectEwmaAlerts } from "../ewma.ts";
import { fitEts } from "../exponentialSmoothing.ts";
import type { EtsModel } from "../exponentialSmoothing.ts";
import { decomposeStl } from "../stl.ts";
import { oneSeries, periodAt, periodsOf, shown } from "./methodSeries.ts";
import { choiceOption, flagOption, numberOption, wholeNumberOption } from "./methodOptions.ts";
import type { AnalysisMethod } from "./methodTypes.ts";
import { z } from "zod";

const optionalNumber = (text: string | undefined) => (text === undefined ? undefined : Number(text));

export const stl: AnalysisMethod = {
  name: "stl",
  summary: "STL seasonal decomposition of monthly or quarterly data",
  shape: "series",
  options: {
    window: z.string().regex(/^(periodic|\d{1,3})$/, "must be periodic or an odd whole number").optional().describe("periodic (default) or the odd seasonal window"),
    robust: flagOption("robust fitting against outliers; default false"),
  },
  run(input, o, spell) {
    const s = oneSeries("stl", input);
    const period = s.series.frequency;
    if (period === null || period < 2) throw new UsageError("stl needs monthly, quarterly or half-yearly periods");
    const window = o.window === undefined || o.window === "periodic" ? "periodic" : Number(o.window);
    if (window !== "periodic" && window % 2 === 0) throw new UsageError(`${spell("window")} must be periodic or an odd whole number, not ${window}`);
    const result = decomposeStl(s.y, { period, seasonalWindow: window, robust: o.robust === "true", series: s.series.label });
    const components = Array.from(s.y, (value, i) => ({
      period: periodAt(s, i),
      value,
      seasonal: result.seasonal[i] as number,
      trend: result.trend[i] as number,
      remainder: result.remainder[i] as number,
    }));
    return {
      json: { components },
      summary: [{ quantity: "observations", value: s.y.length }, { quantity: "period", value: period }],
      detail: { columns: ["period", "value", "seasonal", "trend", "remainder"], rows: components.map((c) => ({ period: c.period, value: shown(c.value), seasonal: shown(c.seasonal), trend: shown(c.trend), remainder: shown(c.remainder) })) },
      reading: result.reading,
    };
  },
};

export const ets: AnalysisMethod = {
  name: "ets",
  summary: "exponential smoothing forecasts with prediction intervals",
  shape: "series",
  options: {
    model: choiceOption(["simple", "holt", "damped"], "simple (default), holt or damped").optional(),
    horizon: wholeNumberOption("periods to forecast (default 10)").optional(),
    levels: z.string().regex(/^\d+(\.\d+)?(,\d+(\.\d+)?)*$/, "must be percentages joined by \",\"").optional().describe("prediction interval levels in percent, e.g. 80,95 (the default)"),
  },
  run(input, o) {
    const s = oneSeries("ets", input);
    const horizon = optionalNumber(o.horizon);
    const levels = o.levels === undefined ? undefined : o.levels.split(",").map(Number);
    const result = fitEts(s.y, {
      model: (o.model ?? "simple") as EtsModel,
      series: s.series.label,
      ...(horizon === undefined ? {} : { horizon }),
      ...(levels === undefined ? {} : { levels }),
    });
    const last = periodAt(s, s.y.length - 1);
    // Weeks and days are not stepped through: their forecasts are numbered, not dated.
    const future = s.series.frequency === null || last === null ? [] : Array.from(result.forecast, (_, i) => periodAfter(last, i + 1));
    const forecasts = Array.from(result.forecast, (value, i) => ({
      step: i + 1,
      period: future[i] ?? null,
      forecast: value,
      intervals: result.intervals.map((iv) => ({ level: iv.level, lower: iv.lower[i] as number, upper: iv.upper[i] as number })),
    }));
    const widest = result.intervals[result.intervals.length - 1];
    return {
      json: { model: result.model, parameters: result.parameters, sigma2: result.sigma2, aic: result.aic, aicc: result.aicc, bic: result.bic, forecasts },
      summary: [{ quantity: "model", value: result.model }, { quantity: "alpha", value: shown(result.parameters.alpha) }, { quantity: "AIC", value: shown(result.aic) }],
      detail: {
        columns: ["period", "forecast", "lower", "upper"],
        rows: forecasts.map((f, i) => ({ period: f.period ?? `+${f.step}`, forecast: shown(f.forecast), lower: shown(widest?.lower[i] ?? null), upper: shown(widest?.upper[i] ?? null) })),
      },
      reading: result.reading,
    };
  },
};

export const ewma: AnalysisMethod = {
  name: "ewma",
  summary: "EWMA early warning: the periods whose smoothed value leaves its control band",
  shape: "series",
  options: {
    lambda: numberOption("weight of the newest value, in (0, 1] (default 0.2)").optional(),
    limit: numberOption("band width in standard deviations of the EWMA (default 3)").optional(),
    baseline: wholeNumberOption("leading observations that define the expected level (default all)").optional(),
  },
  run(input, o) {
    const s = oneSeries("ewma", input);
    const lambda = optionalNumber(o.lambda);
    const L = optionalNumber(o.limit);
    const baseline = optionalNumber(o.baseline);
    const result = detectEwmaAlerts(s.y, {
      periods: periodsOf(s),
      series: s.series.label,
      ...(lambda === undefined ? {} : { lambda }),
      ...(L === undefined ? {} : { L }),
      ...(baseline === undefined ? {} : { baseline }),
    });
    const alerts = result.alerts.map((a) => ({ period: a.period, value: a.value, statistic: a.statistic, lower: a.lower, upper: a.upper, direction: a.direction }));
    return {
      json: { alerts, target: result.target, sigma: result.sigma, lambda: result.lambda, L: result.L },
      summary: [{ quantity: "alerts", value: alerts.length }, { quantity: "target", value: shown(result.target) }, { quantity: "sigma", value: shown(result.sigma) }],
      detail: { columns: ["period", "value", "statistic", "lower", "upper", "direction"], rows: alerts.map((a) => ({ ...a, value: shown(a.value), statistic: shown(a.statistic), lower: shown(a.lower), upper: shown(a.upper) })) },
      reading: result.reading,
    };
  },
};
