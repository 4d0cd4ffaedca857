// The methods of `migmon analyse` over two aligned series (`period,y,x`): cross-correlation and Granger test.
import { UsageError } from "../../core/index.ts";
import { crossCorrelation } from "../../analysis/crossCorrelation.ts";
import { grangerTest } from "../../analysis/granger.ts";
import { completeColumns, integerOption, shown } from "./analysisRun.ts";
import type { AnalysisMethod, MethodInput } from "./analysisRun.ts";

function twoSeries(method: string, input: MethodInput): { y: Float64Array; x: Float64Array } {
  if (input.shape !== "pair") throw new UsageError(`${method} reads a period,y,x CSV`);
  const { columns } = completeColumns(method, input.series, input.source, ["y", "x"]);
  return { y: columns[0] as Float64Array, x: columns[1] as Float64Array };
}

const ccf: AnalysisMethod = {
  name: "ccf",
  summary: "cross-correlation of x and y at lags -K..K (r at lag k = cor(x[t+k], y[t]): negative lags mean x leads)",
  shape: "pair",
  options: ["maxLag", "prewhiten"],
  run(input, options) {
    const { y, x } = twoSeries("ccf", input);
    const maxLag = integerOption("--max-lag", options.maxLag);
    const result = crossCorrelation(x, y, { prewhiten: options.prewhiten === true, ...(maxLag === undefined ? {} : { maxLag }) });
    return {
      json: { lags: result.lags.map((l) => ({ lag: l.lag, r: l.r })), n: result.n, bound: result.bound, prewhitening: result.prewhitening },
      summary: [{ quantity: "pairs", value: result.n }, { quantity: "95% band", value: shown(result.bound) }, { quantity: "AR order (pre-whitening)", value: result.prewhitening?.order ?? null }],
      detail: { columns: ["lag", "r", "outside band"], rows: result.lags.map((l) => ({ lag: l.lag, r: shown(l.r), "outside band": Math.abs(l.r) > result.bound ? "*" : "" })) },
      reading: result.reading,
    };
  },
};

const granger: AnalysisMethod = {
  name: "granger",
  summary: "Granger F test: do --order past values of x improve the prediction of y? (not causation)",
  shape: "pair",
  options: ["order"],
  run(input, options) {
    const { y, x } = twoSeries("granger", input);
    const result = grangerTest(y, x, { order: integerOption("--order", options.order, 1) as number });
    return {
      json: { F: result.F, p: result.p, df1: result.df1, df2: result.df2, order: result.order, n: result.n },
      summary: [{ quantity: "F", value: shown(result.F) }, { quantity: "p", value: shown(result.p) }, { quantity: "df1", value: result.df1 }, { quantity: "df2", value: result.df2 }],
      reading: result.reading,
    };
  },
};

/** The two-series methods, in the order `--help` lists them. */
export const pairMethods: readonly AnalysisMethod[] = [ccf, granger];
