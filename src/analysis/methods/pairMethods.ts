// The methods over two aligned series (y and x): cross-correlation and Granger test.
import { UsageError } from "../../core/index.ts";
import { crossCorrelation } from "../crossCorrelation.ts";
import { grangerTest } from "../granger.ts";
import { completeColumns, shown } from "./methodSeries.ts";
import { flagOption, wholeNumberOption } from "./methodOptions.ts";
import type { AnalysisMethod, MethodInput } from "./methodTypes.ts";

function twoSeries(method: string, input: MethodInput): { y: Float64Array; x: Float64Array } {
  if (input.shape !== "pair") throw new UsageError(`${method} reads two series (period,y,x)`);
  const { columns } = completeColumns(method, input.series, ["y", "x"]);
  return { y: columns[0] as Float64Array, x: columns[1] as Float64Array };
}

export const ccf: AnalysisMethod = {
  name: "ccf",
  summary: "cross-correlation of x and y at lags -K..K (r at lag k = cor(x[t+k], y[t]): negative lags mean x leads)",
  shape: "pair",
  options: {
    maxLag: wholeNumberOption("largest lag (default floor(10 log10(n/2)))").optional(),
    prewhiten: flagOption("filter both series with the AR model of x chosen by AIC first; default false"),
  },
  run(input, o) {
    const { y, x } = twoSeries("ccf", input);
    const result = crossCorrelation(x, y, { prewhiten: o.prewhiten === "true", ...(o.maxLag === undefined ? {} : { maxLag: Number(o.maxLag) }) });
    return {
      json: { lags: result.lags.map((l) => ({ lag: l.lag, r: l.r })), n: result.n, bound: result.bound, prewhitening: result.prewhitening },
      summary: [{ quantity: "pairs", value: result.n }, { quantity: "95% band", value: shown(result.bound) }, { quantity: "AR order (pre-whitening)", value: result.prewhitening?.order ?? null }],
      detail: { columns: ["lag", "r", "outside band"], rows: result.lags.map((l) => ({ lag: l.lag, r: shown(l.r), "outside band": Math.abs(l.r) > result.bound ? "*" : "" })) },
      reading: result.reading,
    };
  },
};

export const granger: AnalysisMethod = {
  name: "granger",
  summary: "Granger F test: do `order` past values of x improve the prediction of y? (not causation)",
  shape: "pair",
  options: { order: wholeNumberOption("number of lags (default 1)").optional() },
  run(input, o) {
    const { y, x } = twoSeries("granger", input);
    const result = grangerTest(y, x, { order: o.order === undefined ? 1 : Number(o.order) });
    return {
      json: { F: result.F, p: result.p, df1: result.df1, df2: result.df2, order: result.order, n: result.n },
      summary: [{ quantity: "F", value: shown(result.F) }, { quantity: "p", value: shown(result.p) }, { quantity: "df1", value: result.df1 }, { quantity: "df2", value: result.df2 }],
      reading: result.reading,
    };
  },
};
