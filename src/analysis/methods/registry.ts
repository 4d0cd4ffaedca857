// The one list of analysis methods. `migmon analyse <method>` (its subcommand argument, options and --help) and
// GET /api/analysis/{method} (its query and OpenAPI entry) are both derived from it. Adding a method: declare it
// in the file of its family (or a new file) and list it here, with its golden test.
import { NotFoundError } from "../../core/index.ts";
import { breaks, chow, cusum, supf } from "./breakMethods.ts";
import { ewma, ets, stl } from "./monitoringMethods.ts";
import { ccf, granger } from "./pairMethods.ts";
import { did, synth } from "./panelMethods.ts";
import { adf, binsegMethod, its, kpss, peltMethod } from "./seriesMethods.ts";
import type { AnalysisMethod } from "./methodTypes.ts";

/** Every method, in the order --help and the OpenAPI document list them. */
export const analysisMethods: readonly AnalysisMethod[] = [
  its, chow, supf, cusum, breaks, peltMethod, binsegMethod, adf, kpss, stl, ets, ewma, ccf, granger, did, synth,
];

/**
 * The method with this id. Throws NotFoundError naming the ids there are.
 * @example findAnalysisMethod("pelt").shape // "series"
 */
export function findAnalysisMethod(name: string): AnalysisMethod {
  const method = analysisMethods.find((m) => m.name === name);
  if (method === undefined) throw new NotFoundError(`no analysis method ${JSON.stringify(name)}; the methods are ${analysisMethods.map((m) => m.name).join(", ")}`);
  return method;
}
