// The analysis methods the API runs on one series of the store, each with the zod schema of its own options.
// They call the pure functions of src/analysis with the same conventions as `migmon analyse` (src/cli/analyse):
// break dates (`at`) are the last period before the change, intervention dates (`event`) the first period under it.
import { z } from "zod";
import { adfTest } from "../analysis/adf.ts";
import { binarySegmentation } from "../analysis/binarySegmentation.ts";
import type { ChangePointResult } from "../analysis/changePointResult.ts";
import { chowTest } from "../analysis/chow.ts";
import { olsCusumTest } from "../analysis/cusum.ts";
import { interruptedTimeSeries } from "../analysis/interruptedTimeSeries.ts";
import { kpssTest } from "../analysis/kpss.ts";
import { pelt } from "../analysis/pelt.ts";
import { completeValues, indexOfPeriod, periodOfIndex } from "./analysisSeries.ts";
import type { CompleteValues } from "./analysisSeries.ts";
import type { LaidOutSeries } from "../analysis/layOutSeries.ts";
import { periodSchema } from "./parameters.ts";

/** What a method answers: its numbers (the field names of `migmon analyse --json`) and its plain-language reading. */
export interface MethodAnswer {
  readonly result: Record<string, unknown>;
  readonly reading: string;
}

/** One method: its name, what it does, its own query options and how it runs on a laid-out series. */
export interface ApiMethod<S extends z.ZodRawShape = z.ZodRawShape> {
  readonly name: string;
  readonly summary: string;
  readonly options: S;
  readonly run: (series: LaidOutSeries, options: z.output<z.ZodObject<S>>) => MethodAnswer;
}

const wholeNumber = (what: string) => z.string().regex(/^\d{1,4}$/, "must be a whole number").describe(what);
const trend = z.enum(["true", "false"], "must be true or false").optional().describe("add a linear trend to the constant (R: y ~ trend); default false");
const regression = z.enum(["c", "ct"], "must be c or ct").optional().describe("c: a constant (default); ct: a constant and a linear trend");

function define<S extends z.ZodRawShape>(method: ApiMethod<S>): ApiMethod {
  return method as unknown as ApiMethod;
}

function changePoints(series: LaidOutSeries, c: CompleteValues, result: ChangePointResult): MethodAnswer {
  return {
    result: {
      changepoints: result.changepoints.map((i) => periodOfIndex(series, c, i)),
      segments: result.segments.map((g) => ({ from: periodOfIndex(series, c, g.start), to: periodOfIndex(series, c, g.end), mean: g.mean })),
      cost: result.cost, penalty: result.penalty, minSegment: result.minSegment, penalisedCost: result.penalisedCost, variance: result.variance, n: result.n,
    },
    reading: result.reading,
  };
}

const changePointOptions = {
  cost: z.enum(["normal-mean", "normal-meanvar", "poisson"], "must be normal-mean, normal-meanvar or poisson").optional().describe("segment model; default normal-mean"),
  penalty: z.string().regex(/^(bic|mbic|\d+(\.\d+)?)$/, "must be bic, mbic or a non-negative number").optional().describe("bic (default), mbic or a number per change point"),
  minseg: wholeNumber("shortest segment; default 1 (2 for normal-meanvar)").optional(),
};

function changePointSettings(series: LaidOutSeries, c: CompleteValues, o: { cost?: "normal-mean" | "normal-meanvar" | "poisson" | undefined; penalty?: string | undefined; minseg?: string | undefined }) {
  const penalty = o.penalty === undefined || o.penalty === "bic" || o.penalty === "mbic" ? (o.penalty ?? "bic") : Number(o.penalty);
  return {
    cost: o.cost ?? "normal-mean",
    penalty,
    series: series.label,
    labels: Array.from(c.kept, (p) => series.periods[p] as string),
    ...(o.minseg === undefined ? {} : { minSegment: Number(o.minseg) }),
  } as const;
}

/** The methods served under /api/analysis/{method}. */
export const apiMethods: readonly ApiMethod[] = [
  define({
    name: "its",
    summary: "interrupted time series at `event` (the first period under the intervention): level and slope change with Newey-West standard errors",
    options: {
      event: periodSchema.describe("the first period under the intervention"),
      lag: wholeNumber("Newey-West lag; default the Newey-West rule of thumb").optional(),
      model: z.enum(["gaussian", "poisson"], "must be gaussian or poisson").optional().describe("gaussian (OLS, default) or poisson (counts)"),
    },
    run(series, o) {
      const c = completeValues("its", series, true);
      const interventionIndex = indexOfPeriod("event", o.event, series, c);
      const result = interruptedTimeSeries(c.y, {
        interventionIndex: c.kept[interventionIndex] as number, positions: c.kept, model: o.model ?? "gaussian", series: series.label,
        ...(o.lag === undefined ? {} : { lag: Number(o.lag) }),
      });
      const effect = (e: { estimate: number; se: number; p: number }) => ({ estimate: e.estimate, se: e.se, p: e.p });
      return {
        result: { levelChange: effect(result.levelChange), slopeChange: effect(result.slopeChange), preSlope: effect(result.preSlope), model: result.model, lag: result.lag, n: result.n, rateRatios: result.rateRatios },
        reading: result.reading,
      };
    },
  }),
  define({
    name: "pelt",
    summary: "PELT change points, the exact optimum (changepoints = last period of every segment but the last)",
    options: changePointOptions,
    run(series, o) {
      const c = completeValues("pelt", series, false);
      return changePoints(series, c, pelt(c.y, changePointSettings(series, c, o)));
    },
  }),
  define({
    name: "binseg",
    summary: "binary segmentation change points (greedy; same costs and convention as pelt)",
    options: changePointOptions,
    run(series, o) {
      const c = completeValues("binseg", series, false);
      return changePoints(series, c, binarySegmentation(c.y, changePointSettings(series, c, o)));
    },
  }),
  define({
    name: "chow",
    summary: "Chow F test of a break after `at` (the last period before the break)",
    options: { at: periodSchema.describe("the last period before the break"), trend },
    run(series, o) {
      const c = completeValues("chow", series, false);
      const result = chowTest(c.y, { lastBefore: indexOfPeriod("at", o.at, series, c), trend: o.trend === "true", series: series.label });
      return { result: { F: result.F, p: result.p, df1: result.df1, df2: result.df2, at: periodOfIndex(series, c, result.lastBefore) }, reading: result.reading };
    },
  }),
  define({
    name: "cusum",
    summary: "OLS-CUSUM test of parameter stability (strucchange's efp type OLS-CUSUM)",
    options: { trend },
    run(series, o) {
      const c = completeValues("cusum", series, false);
      const result = olsCusumTest(c.y, { trend: o.trend === "true", series: series.label });
      return { result: { statistic: result.statistic, p: result.p, peak: periodOfIndex(series, c, result.peak - 1), critical5: result.critical5 }, reading: result.reading };
    },
  }),
  define({
    name: "adf",
    summary: "augmented Dickey-Fuller unit-root test",
    options: { regression, lags: z.string().regex(/^(aic|\d{1,3})$/, "must be aic or a whole number").optional().describe("aic (default) or a fixed number of lagged differences") },
    run(series, o) {
      const c = completeValues("adf", series, false);
      const result = adfTest(c.y, { regression: o.regression ?? "c", lags: o.lags === undefined || o.lags === "aic" ? "aic" : Number(o.lags), series: series.label });
      return { result: { statistic: result.statistic, p: result.p, lags: result.lags, nobs: result.nobs, regression: result.regression, criticalValues: result.criticalValues }, reading: result.reading };
    },
  }),
  define({
    name: "kpss",
    summary: "KPSS stationarity test",
    options: { regression, lags: z.string().regex(/^(auto|legacy|\d{1,3})$/, "must be auto, legacy or a whole number").optional().describe("auto (default), legacy or a number of Bartlett lags") },
    run(series, o) {
      const c = completeValues("kpss", series, false);
      const lags = o.lags === undefined || o.lags === "auto" || o.lags === "legacy" ? (o.lags ?? "auto") : Number(o.lags);
      const result = kpssTest(c.y, { regression: o.regression ?? "c", lags, series: series.label });
      return { result: { statistic: result.statistic, p: result.p, pBound: result.pBound, lags: result.lags, nobs: result.nobs, regression: result.regression, criticalValues: result.criticalValues }, reading: result.reading };
    },
  }),
];

/** The names of the methods, in the order they are documented. */
export function methodNames(): string[] {
  return apiMethods.map((m) => m.name);
}
