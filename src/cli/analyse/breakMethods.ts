// The structural-break methods of `migmon analyse` over one series: Chow, sup-F, OLS-CUSUM, Bai-Perron.
// Break dates follow strucchange: the period of the last observation before the break.
import { findBreakpoints } from "../../analysis/breakpoints.ts";
import { chowTest } from "../../analysis/chow.ts";
import { olsCusumTest } from "../../analysis/cusum.ts";
import { supFTest } from "../../analysis/supF.ts";
import { integerOption, numberOption, shown } from "./analysisRun.ts";
import type { AnalysisMethod } from "./analysisRun.ts";
import { indexOfOption, oneSeries, periodAt } from "./oneSeries.ts";

const chow: AnalysisMethod = {
  name: "chow",
  summary: "Chow test of a break after --at (the last period before the break, strucchange's convention)",
  shape: "series",
  options: ["at", "trend"],
  run(input, options) {
    const s = oneSeries("chow", input);
    const result = chowTest(s.y, { lastBefore: indexOfOption("--at", options.at, s), trend: options.trend === true, series: s.source });
    return {
      json: { F: result.F, p: result.p, df1: result.df1, df2: result.df2, at: periodAt(s, result.lastBefore) },
      summary: [{ quantity: "F", value: shown(result.F) }, { quantity: "p", value: shown(result.p) }, { quantity: "df1", value: result.df1 }, { quantity: "df2", value: result.df2 }],
      reading: result.reading,
    };
  },
};

const supf: AnalysisMethod = {
  name: "supf",
  summary: "Andrews' sup-F test of one break at an unknown date (at = the last period before it)",
  shape: "series",
  options: ["trim", "trend"],
  run(input, options) {
    const s = oneSeries("supf", input);
    const trim = numberOption("--trim", options.trim);
    const result = supFTest(s.y, { trend: options.trend === true, series: s.source, ...(trim === undefined ? {} : { trim }) });
    const at = periodAt(s, result.lastBefore);
    return {
      json: { supF: result.supF, p: result.p, at },
      summary: [{ quantity: "supF", value: shown(result.supF) }, { quantity: "p", value: shown(result.p) }, { quantity: "at", value: at }],
      reading: result.reading,
    };
  },
};

const cusum: AnalysisMethod = {
  name: "cusum",
  summary: "OLS-CUSUM test of parameter stability (peak = the period after which the process peaks)",
  shape: "series",
  options: ["trend"],
  run(input, options) {
    const s = oneSeries("cusum", input);
    const result = olsCusumTest(s.y, { trend: options.trend === true, series: s.source });
    const peak = periodAt(s, result.peak - 1);
    return {
      json: { statistic: result.statistic, p: result.p, peak, critical5: result.critical5 },
      summary: [{ quantity: "statistic", value: shown(result.statistic) }, { quantity: "p", value: shown(result.p) }, { quantity: "peak", value: peak }],
      reading: result.reading,
    };
  },
};

const breaks: AnalysisMethod = {
  name: "breaks",
  summary: "Bai-Perron multiple breaks, number chosen by BIC, with 95% intervals (breaks = last period of every segment but the last)",
  shape: "series",
  options: ["max", "trim", "trend"],
  run(input, options) {
    const s = oneSeries("breaks", input);
    const trim = numberOption("--trim", options.trim);
    const maxBreaks = integerOption("--max", options.max);
    const result = findBreakpoints(s.y, {
      trend: options.trend === true,
      series: s.source,
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

/** The break methods, in the order `--help` lists them. */
export const breakMethods: readonly AnalysisMethod[] = [chow, supf, cusum, breaks];
