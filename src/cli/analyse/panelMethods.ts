// The methods of `migmon analyse` over a panel (`unit,period,value`): difference-in-differences and synthetic control.
import { UsageError } from "../../core/index.ts";
import { estimateDifferenceInDifferences } from "../../analysis/differenceInDifferences.ts";
import { buildPanel } from "../../analysis/panel.ts";
import type { Panel } from "../../analysis/panel.ts";
import { estimateSyntheticControl } from "../../analysis/syntheticControl.ts";
import { parsePeriodOption } from "../options.ts";
import { shown } from "./analysisRun.ts";
import type { AnalyseOptions, AnalysisMethod, MethodInput } from "./analysisRun.ts";

function panelOf(method: string, input: MethodInput): { panel: Panel; source: string } {
  if (input.shape !== "panel") throw new UsageError(`${method} reads a unit,period,value CSV`);
  return { panel: buildPanel(input.panel.rows).panel, source: input.source };
}

function required(options: AnalyseOptions): { treated: readonly string[]; event: string } {
  const treated = options.treated ?? [];
  if (treated.length === 0) throw new UsageError("--treated UNIT is required for this method");
  const event = parsePeriodOption("--event", options.event);
  if (event === undefined) throw new UsageError("--event PERIOD is required for this method");
  return { treated, event };
}

const did: AnalysisMethod = {
  name: "did",
  summary: "difference-in-differences, two-way fixed effects, errors clustered by unit (--treated UNIT, repeatable; --event)",
  shape: "panel",
  options: ["treated", "event"],
  run(input, options) {
    const { panel, source } = panelOf("did", input);
    const { treated, event } = required(options);
    const r = estimateDifferenceInDifferences(panel, { treated, event, series: source });
    const eventStudy = r.eventStudy.map((e) => ({ relative: e.relative, period: e.period, estimate: e.estimate, se: e.se, p: e.p }));
    return {
      json: { estimate: r.estimate, se: r.se, p: r.p, ciLower: r.ciLower, ciUpper: r.ciUpper, df: r.df, clusters: r.clusters, eventStudy },
      summary: [{ quantity: "estimate", value: shown(r.estimate) }, { quantity: "se", value: shown(r.se) }, { quantity: "p", value: shown(r.p) }, { quantity: "clusters", value: r.clusters }],
      detail: { columns: ["relative", "period", "estimate", "se", "p"], rows: eventStudy.map((e) => ({ ...e, estimate: shown(e.estimate), se: shown(e.se), p: shown(e.p) })) },
      reading: r.reading,
    };
  },
};

const synth: AnalysisMethod = {
  name: "synth",
  summary: "synthetic control of one --treated unit from the other units, with in-space placebos (--event)",
  shape: "panel",
  options: ["treated", "event"],
  run(input, options) {
    const { panel, source } = panelOf("synth", input);
    const { treated, event } = required(options);
    if (treated.length !== 1) throw new UsageError("synth takes one --treated unit");
    const r = estimateSyntheticControl(panel, { treated: treated[0] as string, event, series: source });
    const weights = r.weights.map((w) => ({ unit: w.unit, weight: w.weight }));
    return {
      json: { weights, rmspePre: r.rmspePre, rmspePost: r.rmspePost, ratio: r.ratio, placeboRank: r.placeboRank, placeboP: r.placeboP, droppedDonors: r.droppedDonors },
      summary: [{ quantity: "rmspePre", value: shown(r.rmspePre) }, { quantity: "rmspePost", value: shown(r.rmspePost) }, { quantity: "placeboRank", value: r.placeboRank }],
      detail: { columns: ["unit", "weight"], rows: weights.map((w) => ({ unit: w.unit, weight: shown(w.weight) })) },
      reading: r.reading,
    };
  },
};

/** The panel methods, in the order `--help` lists them. */
export const panelMethods: readonly AnalysisMethod[] = [did, synth];
