// The methods over a panel (unit, period, value): difference-in-differences and synthetic control.
import { UsageError, parsePeriod } from "../../core/index.ts";
import { estimateDifferenceInDifferences } from "../differenceInDifferences.ts";
import { buildPanel } from "../panel.ts";
import type { Panel } from "../panel.ts";
import { estimateSyntheticControl } from "../syntheticControl.ts";
import { shown } from "./methodSeries.ts";
import { listOption, periodOption } from "./methodOptions.ts";
import type { AnalysisMethod, MethodInput } from "./methodTypes.ts";

function panelOf(method: string, input: MethodInput): { panel: Panel; label: string } {
  if (input.shape !== "panel") throw new UsageError(`${method} reads a panel (unit,period,value)`);
  return { panel: buildPanel(input.panel.rows).panel, label: input.panel.label };
}

export const did: AnalysisMethod = {
  name: "did",
  summary: "difference-in-differences, two-way fixed effects, errors clustered by unit",
  shape: "panel",
  options: { treated: listOption("the treated units (repeatable)"), event: periodOption("the first treated period") },
  run(input, o) {
    const { panel, label } = panelOf("did", input);
    const r = estimateDifferenceInDifferences(panel, { treated: (o.treated ?? "").split(","), event: parsePeriod(o.event ?? ""), series: label });
    const eventStudy = r.eventStudy.map((e) => ({ relative: e.relative, period: e.period, estimate: e.estimate, se: e.se, p: e.p }));
    return {
      json: { estimate: r.estimate, se: r.se, p: r.p, ciLower: r.ciLower, ciUpper: r.ciUpper, df: r.df, clusters: r.clusters, eventStudy },
      summary: [{ quantity: "estimate", value: shown(r.estimate) }, { quantity: "se", value: shown(r.se) }, { quantity: "p", value: shown(r.p) }, { quantity: "clusters", value: r.clusters }],
      detail: { columns: ["relative", "period", "estimate", "se", "p"], rows: eventStudy.map((e) => ({ ...e, estimate: shown(e.estimate), se: shown(e.se), p: shown(e.p) })) },
      reading: r.reading,
    };
  },
};

export const synth: AnalysisMethod = {
  name: "synth",
  summary: "synthetic control of one treated unit from the other units, with in-space placebos",
  shape: "panel",
  options: { treated: listOption("the treated unit (one)"), event: periodOption("the first treated period") },
  run(input, o, spell) {
    const { panel, label } = panelOf("synth", input);
    const treated = (o.treated ?? "").split(",");
    if (treated.length !== 1) throw new UsageError(`synth takes one ${spell("treated")} unit`);
    const r = estimateSyntheticControl(panel, { treated: treated[0] as string, event: parsePeriod(o.event ?? ""), series: label });
    const weights = r.weights.map((w) => ({ unit: w.unit, weight: w.weight }));
    return {
      json: { weights, rmspePre: r.rmspePre, rmspePost: r.rmspePost, ratio: r.ratio, placeboRank: r.placeboRank, placeboP: r.placeboP, droppedDonors: r.droppedDonors },
      summary: [{ quantity: "rmspePre", value: shown(r.rmspePre) }, { quantity: "rmspePost", value: shown(r.rmspePost) }, { quantity: "placeboRank", value: r.placeboRank }],
      detail: { columns: ["unit", "weight"], rows: weights.map((w) => ({ unit: w.unit, weight: shown(w.weight) })) },
      reading: r.reading,
    };
  },
};
