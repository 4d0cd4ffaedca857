// The description and early-warning methods of `migmon analyse` over one series: STL decomposition, exponential
// smoothing forecasts with prediction intervals, EWMA alerts.
import { UsageError } from "../../core/index.ts";
import { detectEwmaAlerts } from "../../analysis/ewma.ts";
import { fitEts } from "../../analysis/exponentialSmoothing.ts";
import type { EtsModel } from "../../analysis/exponentialSmoothing.ts";
import { decomposeStl } from "../../analysis/stl.ts";
import { periodsAfter } from "./analysisInput.ts";
import { choiceOption, integerOption, numberOption, shown } from "./analysisRun.ts";
import type { AnalysisMethod } from "./analysisRun.ts";
import { oneSeries, periodAt, periodsOf } from "./oneSeries.ts";

const stl: AnalysisMethod = {
  name: "stl",
  summary: "STL seasonal decomposition of monthly or quarterly data (--window periodic or an odd number, --robust)",
  shape: "series",
  options: ["window", "robust"],
  run(input, options) {
    const s = oneSeries("stl", input);
    const period = s.series.frequency;
    if (period === null || period < 2) throw new UsageError("stl needs monthly, quarterly or half-yearly periods");
    const window = options.window === undefined || options.window === "periodic" ? "periodic" : (integerOption("--window", options.window) as number);
    const result = decomposeStl(s.y, { period, seasonalWindow: window, robust: options.robust === true, series: s.source });
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

const ets: AnalysisMethod = {
  name: "ets",
  summary: "exponential smoothing forecasts with prediction intervals (--model simple|holt|damped, --horizon, --levels)",
  shape: "series",
  options: ["model", "horizon", "levels"],
  run(input, options) {
    const s = oneSeries("ets", input);
    const horizon = integerOption("--horizon", options.horizon);
    const levels = options.levels === undefined ? undefined : options.levels.split(",").map((l) => numberOption("--levels", l.trim()) as number);
    const result = fitEts(s.y, {
      model: choiceOption<EtsModel>("--model", options.model, ["simple", "holt", "damped"], "simple"),
      series: s.source,
      ...(horizon === undefined ? {} : { horizon }),
      ...(levels === undefined ? {} : { levels }),
    });
    const future = periodsAfter(s.series, (s.kept[s.kept.length - 1] as number), result.forecast.length);
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

const ewma: AnalysisMethod = {
  name: "ewma",
  summary: "EWMA early warning: the periods whose smoothed value leaves its control band",
  shape: "series",
  options: ["lambda", "limit", "baseline"],
  run(input, options) {
    const s = oneSeries("ewma", input);
    const lambda = numberOption("--lambda", options.lambda);
    const L = numberOption("--limit", options.limit);
    const baseline = integerOption("--baseline", options.baseline);
    const result = detectEwmaAlerts(s.y, {
      periods: periodsOf(s),
      series: s.source,
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

/** The description and early-warning methods, in the order `--help` lists them. */
export const monitoringMethods: readonly AnalysisMethod[] = [stl, ets, ewma];
