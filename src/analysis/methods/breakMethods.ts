// The structural-break methods over one series: Chow, sup-F, OLS-CUSUM, Bai-Perron. Break dates follow
// strucchange: the period of the last observation before the break.
import { findBreakpoints } from "../breakpoints.ts";
import { chowTest } from "../chow.ts";
import { olsCusumTest } from "../cusum.ts";
import { supFTest } from "../supF.ts";
import { indexOfOption, oneSeries, periodAt, shown } from "./methodSeries.ts";
import { numberOption, periodOption, wholeNumberOption } from "./methodOptions.ts";
import type { AnalysisMethod } from "./methodTypes.ts";
import { trendOption } from "./sharedOptions.ts";

const optionalNumber = (text: string | undefined) => (text === undefined ? undefined : Number(text));

export const chow: AnalysisMethod = {
  name: "chow",
  summary: "Chow F test of a break after `at` (the last period before the break, strucchange's convention)",
  shape: "series",
  options: { at: periodOption("the last period before the break"), trend: trendOption },
  run(input, o, spell) {
    const s = oneSeries("chow", input);
    const result = chowTest(s.y, { lastBefore: indexOfOption("at", o.at, s, spell), trend: o.trend === "true", series: s.series.label });
    return {
      json: { F: result.F, p: result.p, df1: result.df1, df2: result.df2, at: periodAt(s, result.lastBefore) },
      summary: [{ quantity: "F", value: shown(result.F) }, { quantity: "p", value: shown(result.p) }, { quantity: "df1", value: result.df1 }, { quantity: "df2", value: result.df2 }],
      reading: result.reading,
    };
  },
};

export const supf: AnalysisMethod = {
  name: "supf",
  summary: "Andrews' sup-F test of one break at an unknown date (at = the last period before it)",
  shape: "series",
  options: { trim: numberOption("share trimmed at each end (default 0.15)").optional(), trend: trendOption },
  run(input, o) {
    const s = oneSeries("supf", input);
    const trim = optionalNumber(o.trim);
    const result = supFTest(s.y, { trend: o.trend === "true", series: s.series.label, ...(trim === undefined ? {} : { trim }) });
    const at = periodAt(s, result.lastBefore);
    return {
      json: { supF: result.supF, p: result.p, at },
      summary: [{ quantity: "supF", value: shown(result.supF) }, { quantity: "p", value: shown(result.p) }, { quantity: "at", value: at }],
      reading: result.reading,
    };
  },
};

export const cusum: AnalysisMethod = {
  name: "cusum",
  summary: "OLS-CUSUM test of parameter stability (peak = the period after which the process peaks)",
  shape: "series",
  options: { trend: trendOption },
  run(input, o) {
    const s = oneSeries("cusum", input);
    const result = olsCusumTest(s.y, { trend: o.trend === "true", series: s.series.label });
    const peak = periodAt(s, result.peak - 1);
    return {
      json: { statistic: result.statistic, p: result.p, peak, critical5: result.critical5 },
      summary: [{ quantity: "statistic", value: shown(result.statistic) }, { quantity: "p", value: shown(result.p) }, { quantity: "peak", value: peak }],
      reading: result.reading,
    };
  },
};

export const breaks: AnalysisMethod = {
  name: "breaks",
  summary: "Bai-Perron multiple breaks, number chosen by BIC, with 95% intervals (breaks = last period of every segment but the last)",
  shape: "series",
  options: {
    max: wholeNumberOption("largest number of breaks considered").optional(),
    trim: numberOption("minimum segment as a share of the series (default 0.15)").optional(),
    trend: trendOption,
  },
  run(input, o) {
    const s = oneSeries("breaks", input);
    const trim = optionalNumber(o.trim);
    const maxBreaks = optionalNumber(o.max);
    const result = findBreakpoints(s.y, {
      trend: o.trend === "true",
      series: s.series.label,
      ...(trim === undefined ? {} : { trim }),
      ...(maxBreaks === undefined ? {} : { maxBreaks }),
    });
    const ci = result.ci.map((c) => (c === null ? null : { lower: periodAt(s, c.lower), estimate: periodAt(s, c.estimate), upper: periodAt(s, c.upper) }));
    const found = result.breaks.map((b) => periodAt(s, b));
    return {
      json: { breaks: found, bic: result.bic, ci, rss: result.rss, minSegment: result.h, n: result.n },
      summary: [{ quantity: "breaks (BIC)", value: result.chosen }, { quantity: "minimum segment", value: result.h }],
      detail: {
        columns: ["break", "lower", "upper"],
        rows: found.map((b, i) => ({ break: b, lower: ci[i]?.lower ?? null, upper: ci[i]?.upper ?? null })),
      },
      reading: result.reading,
    };
  },
};
