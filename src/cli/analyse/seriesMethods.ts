// The methods of `migmon analyse` over one series (`period,value`) that test for a change or a property:
// interrupted time series, change points, stationarity. (Breaks: breakMethods.ts; description and early
// warning: monitoringMethods.ts.)
import { UsageError, parsePeriodParts } from "../../core/index.ts";
import { adfTest } from "../../analysis/adf.ts";
import { binarySegmentation } from "../../analysis/binarySegmentation.ts";
import type { ChangeCost, ChangePenalty } from "../../analysis/changeCost.ts";
import type { ChangePointResult } from "../../analysis/changePointResult.ts";
import { interruptedTimeSeries } from "../../analysis/interruptedTimeSeries.ts";
import { kpssTest } from "../../analysis/kpss.ts";
import { pelt } from "../../analysis/pelt.ts";
import { choiceOption, integerOption, periodPosition, shown } from "./analysisRun.ts";
import type { AnalysisMethod, MethodOutput } from "./analysisRun.ts";
import { oneSeries, periodAt, periodsOf } from "./oneSeries.ts";
import type { OneSeries } from "./oneSeries.ts";

const its: AnalysisMethod = {
  name: "its",
  summary: "interrupted time series at --event (the first period under the intervention): level and slope change, Newey-West",
  shape: "series",
  options: ["event", "lag", "seasonal", "model"],
  run(input, options) {
    const s = oneSeries("its", input, true);
    const interventionIndex = periodPosition("--event", options.event, s.series);
    let seasonal: { frequency: number; firstSeason: number } | undefined;
    if (options.seasonal === true) {
      const frequency = s.series.frequency;
      if (frequency === null || frequency < 2) throw new UsageError("--seasonal needs monthly, quarterly or half-yearly periods");
      seasonal = { frequency, firstSeason: parsePeriodParts(s.series.periods[0] as string).sub };
    }
    const lag = integerOption("--lag", options.lag);
    const result = interruptedTimeSeries(s.y, {
      interventionIndex,
      positions: s.kept,
      model: choiceOption("--model", options.model, ["gaussian", "poisson"] as const, "gaussian"),
      series: s.source,
      ...(lag === undefined ? {} : { lag }),
      ...(seasonal === undefined ? {} : { seasonal }),
    });
    const effect = (e: { estimate: number; se: number; p: number }) => ({ estimate: e.estimate, se: e.se, p: e.p });
    return {
      json: { levelChange: effect(result.levelChange), slopeChange: effect(result.slopeChange), preSlope: effect(result.preSlope), model: result.model, lag: result.lag, n: result.n, rateRatios: result.rateRatios },
      summary: (["levelChange", "slopeChange", "preSlope"] as const).map((k) => ({ quantity: k, estimate: shown(result[k].estimate), se: shown(result[k].se), p: shown(result[k].p) })),
      reading: result.reading,
    };
  },
};

function readPenalty(value: string | undefined): ChangePenalty {
  if (value === undefined || value === "bic" || value === "mbic") return value ?? "bic";
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0) throw new UsageError(`--penalty must be bic, mbic or a non-negative number, not ${JSON.stringify(value)}`);
  return n;
}

function changePointOutput(s: OneSeries, result: ChangePointResult): MethodOutput {
  const segments = result.segments.map((g) => ({ from: periodAt(s, g.start), to: periodAt(s, g.end), mean: g.mean }));
  return {
    json: { changepoints: result.changepoints.map((c) => periodAt(s, c)), segments, cost: result.cost, penalty: result.penalty, minSegment: result.minSegment, penalisedCost: result.penalisedCost, variance: result.variance, n: result.n },
    summary: [{ quantity: "change points", value: result.changepoints.length }, { quantity: "penalty", value: shown(result.penalty) }],
    detail: { columns: ["from", "to", "mean"], rows: segments.map((g) => ({ ...g, mean: shown(g.mean) })) },
    reading: result.reading,
  };
}

function changePointMethod(name: "pelt" | "binseg"): AnalysisMethod {
  return {
    name,
    summary: name === "pelt" ? "PELT change points, the exact optimum (changepoints = last period of every segment but the last)" : "binary segmentation change points (greedy; same costs and convention as pelt)",
    shape: "series",
    options: ["cost", "penalty", "minseg"],
    run(input, options) {
      const s = oneSeries(name, input);
      const cost = choiceOption<ChangeCost>("--cost", options.cost, ["normal-mean", "normal-meanvar", "poisson"], "normal-mean");
      const minSegment = integerOption("--minseg", options.minseg);
      const settings = {
        cost,
        penalty: readPenalty(options.penalty),
        series: s.source,
        labels: periodsOf(s),
        ...(minSegment === undefined ? {} : { minSegment }),
      };
      return changePointOutput(s, name === "pelt" ? pelt(s.y, settings) : binarySegmentation(s.y, settings));
    },
  };
}

const adf: AnalysisMethod = {
  name: "adf",
  summary: "augmented Dickey-Fuller unit-root test (--regression c|ct, --lags N or aic)",
  shape: "series",
  options: ["regression", "lags"],
  run(input, options) {
    const s = oneSeries("adf", input);
    const lags = options.lags === undefined || options.lags === "aic" ? "aic" : (integerOption("--lags", options.lags) as number);
    const result = adfTest(s.y, { regression: choiceOption("--regression", options.regression, ["c", "ct"] as const, "c"), lags, series: s.source });
    return {
      json: { statistic: result.statistic, p: result.p, lags: result.lags, nobs: result.nobs, regression: result.regression, criticalValues: result.criticalValues },
      summary: [{ quantity: "statistic", value: shown(result.statistic) }, { quantity: "p", value: shown(result.p) }, { quantity: "lags", value: result.lags }, { quantity: "nobs", value: result.nobs }],
      reading: result.reading,
    };
  },
};

const kpss: AnalysisMethod = {
  name: "kpss",
  summary: "KPSS stationarity test (--regression c|ct, --lags N, auto or legacy)",
  shape: "series",
  options: ["regression", "lags"],
  run(input, options) {
    const s = oneSeries("kpss", input);
    const lags = options.lags === undefined || options.lags === "auto" || options.lags === "legacy" ? (options.lags ?? "auto") : (integerOption("--lags", options.lags) as number);
    const result = kpssTest(s.y, { regression: choiceOption("--regression", options.regression, ["c", "ct"] as const, "c"), lags, series: s.source });
    return {
      json: { statistic: result.statistic, p: result.p, pBound: result.pBound, lags: result.lags, nobs: result.nobs, regression: result.regression, criticalValues: result.criticalValues },
      summary: [{ quantity: "statistic", value: shown(result.statistic) }, { quantity: "p", value: shown(result.p) }, { quantity: "p is", value: result.pBound }, { quantity: "lags", value: result.lags }],
      reading: result.reading,
    };
  },
};

/** The one-series methods, in the order `--help` lists them. */
export const seriesMethods: readonly AnalysisMethod[] = [its, changePointMethod("pelt"), changePointMethod("binseg"), adf, kpss];
