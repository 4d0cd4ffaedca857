// The methods over one series that test for a change or a property: interrupted time series, change points,
// stationarity. (Breaks: breakMethods.ts; description and early warning: monitoringMethods.ts.)
import { UsageError, parsePeriodParts } from "../../core/index.ts";
import { adfTest } from "../adf.ts";
import { binarySegmentation } from "../binarySegmentation.ts";
import type { ChangeCost, ChangePenalty } from "../changeCost.ts";
import type { ChangePointResult } from "../changePointResult.ts";
import { interruptedTimeSeries } from "../interruptedTimeSeries.ts";
import { kpssTest } from "../kpss.ts";
import { pelt } from "../pelt.ts";
import { oneSeries, periodAt, periodPosition, periodsOf, shown } from "./methodSeries.ts";
import type { OneSeries } from "./methodSeries.ts";
import { choiceOption, flagOption, periodOption, wholeNumberOption } from "./methodOptions.ts";
import type { AnalysisMethod, MethodOutput } from "./methodTypes.ts";
import { changePointOptions, regressionOption } from "./sharedOptions.ts";
import { z } from "zod";

export const its: AnalysisMethod = {
  name: "its",
  summary: "interrupted time series at `event` (the first period under the intervention): level and slope change, Newey-West",
  shape: "series",
  options: {
    event: periodOption("the first period under the intervention"),
    lag: wholeNumberOption("Newey-West lag (default floor(4 (n/100)^(2/9)))").optional(),
    seasonal: flagOption("seasonal dummies (monthly, quarterly or half-yearly data); default false"),
    model: choiceOption(["gaussian", "poisson"], "gaussian (OLS, default) or poisson (counts)").optional(),
  },
  run(input, o, spell) {
    // Only its accepts missing values inside the series: it keeps each value at its period position.
    const s = oneSeries("its", input, true);
    const interventionIndex = periodPosition("event", o.event, s, spell, true);
    let seasonal: { frequency: number; firstSeason: number } | undefined;
    if (o.seasonal === "true") {
      const frequency = s.series.frequency;
      if (frequency === null || frequency < 2) throw new UsageError(`${spell("seasonal")} needs monthly, quarterly or half-yearly periods`);
      seasonal = { frequency, firstSeason: parsePeriodParts(s.series.periods[0] as string).sub };
    }
    const result = interruptedTimeSeries(s.y, {
      interventionIndex,
      positions: s.kept,
      model: o.model === "poisson" ? "poisson" : "gaussian",
      series: s.series.label,
      ...(o.lag === undefined ? {} : { lag: Number(o.lag) }),
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

function changePointOutput(s: OneSeries, result: ChangePointResult): MethodOutput {
  const segments = result.segments.map((g) => ({ from: periodAt(s, g.start), to: periodAt(s, g.end), mean: g.mean }));
  return {
    json: { changepoints: result.changepoints.map((c) => periodAt(s, c)), segments, cost: result.cost, penalty: result.penalty, minSegment: result.minSegment, penalisedCost: result.penalisedCost, variance: result.variance, n: result.n },
    summary: [{ quantity: "change points", value: result.changepoints.length }, { quantity: "penalty", value: shown(result.penalty) }],
    detail: { columns: ["from", "to", "mean"], rows: segments.map((g) => ({ ...g, mean: shown(g.mean) })) },
    reading: result.reading,
  };
}

function changePointMethod(name: "pelt" | "binseg", summary: string): AnalysisMethod {
  return {
    name,
    summary,
    shape: "series",
    options: changePointOptions,
    run(input, o) {
      const s = oneSeries(name, input);
      const penalty: ChangePenalty = o.penalty === undefined || o.penalty === "bic" || o.penalty === "mbic" ? (o.penalty ?? "bic") : Number(o.penalty);
      const settings = {
        cost: (o.cost ?? "normal-mean") as ChangeCost,
        penalty,
        series: s.series.label,
        labels: periodsOf(s),
        ...(o.minseg === undefined ? {} : { minSegment: Number(o.minseg) }),
      };
      return changePointOutput(s, name === "pelt" ? pelt(s.y, settings) : binarySegmentation(s.y, settings));
    },
  };
}

export const peltMethod = changePointMethod("pelt", "PELT change points, the exact optimum (changepoints = last period of every segment but the last)");
export const binsegMethod = changePointMethod("binseg", "binary segmentation change points (greedy; same costs and convention as pelt)");

export const adf: AnalysisMethod = {
  name: "adf",
  summary: "augmented Dickey-Fuller unit-root test",
  shape: "series",
  options: {
    regression: regressionOption,
    lags: z.string().regex(/^(aic|\d{1,3})$/, "must be aic or a whole number").optional().describe("aic (default) or a fixed number of lagged differences"),
  },
  run(input, o) {
    const s = oneSeries("adf", input);
    const result = adfTest(s.y, { regression: o.regression === "ct" ? "ct" : "c", lags: o.lags === undefined || o.lags === "aic" ? "aic" : Number(o.lags), series: s.series.label });
    return {
      json: { statistic: result.statistic, p: result.p, lags: result.lags, nobs: result.nobs, regression: result.regression, criticalValues: result.criticalValues },
      summary: [{ quantity: "statistic", value: shown(result.statistic) }, { quantity: "p", value: shown(result.p) }, { quantity: "lags", value: result.lags }, { quantity: "nobs", value: result.nobs }],
      reading: result.reading,
    };
  },
};

export const kpss: AnalysisMethod = {
  name: "kpss",
  summary: "KPSS stationarity test",
  shape: "series",
  options: {
    regression: regressionOption,
    lags: z.string().regex(/^(auto|legacy|\d{1,3})$/, "must be auto, legacy or a whole number").optional().describe("auto (default), legacy or a number of Bartlett lags"),
  },
  run(input, o) {
    const s = oneSeries("kpss", input);
    const lags = o.lags === undefined || o.lags === "auto" || o.lags === "legacy" ? (o.lags ?? "auto") : Number(o.lags);
    const result = kpssTest(s.y, { regression: o.regression === "ct" ? "ct" : "c", lags, series: s.series.label });
    return {
      json: { statistic: result.statistic, p: result.p, pBound: result.pBound, lags: result.lags, nobs: result.nobs, regression: result.regression, criticalValues: result.criticalValues },
      summary: [{ quantity: "statistic", value: shown(result.statistic) }, { quantity: "p", value: shown(result.p) }, { quantity: "p is", value: result.pBound }, { quantity: "lags", value: result.lags }],
      reading: result.reading,
    };
  },
};
