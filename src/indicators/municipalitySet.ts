import { resolveAreas } from "../reference/areaInput.ts";
import { municipalityWithParents, similarMunicipalities } from "./comparison.ts";
import type { MunicipalityFeatures } from "./comparison.ts";
import { computeIndicator } from "./engine.ts";
import type { EngineContext } from "./engine.ts";

/**
 * The comparison set of a municipality: the municipality, its arrondissement, province (none in Brussels), region
 * and Belgium, then its k most similar municipalities by population and share of non-Belgians on the latest
 * 1 January the municipality has a population for (similarMunicipalities). The municipality is a REFNIS code or a
 * name in nl/fr/en. Throws AreaInputError for an unknown or ambiguous one, UsageError for an area that is not a
 * municipality or has nothing to compare on.
 */
export async function municipalityComparisonSet(ctx: EngineContext, given: string, k: number): Promise<string[]> {
  // The municipality is checked (and a name resolved) as every area a user gives is: areaInput.ts.
  const [resolved] = resolveAreas(ctx.geography, [given]);
  const code = resolved!.code;
  const chain = municipalityWithParents(ctx.geography, code);
  const population = await computeIndicator(ctx, "population", { level: "municipality" });
  const share = await computeIndicator(ctx, "share_non_belgian", { level: "municipality" });
  const latest = population.values.filter((v) => v.geo === code && v.value !== null).map((v) => v.period).sort().at(-1);
  const shares = new Map(share.values.filter((v) => v.period === latest).map((v) => [v.geo, v.value]));
  const features = new Map<string, MunicipalityFeatures>();
  for (const v of population.values) {
    const s = shares.get(v.geo);
    if (v.period === latest && v.value !== null && v.value > 0 && s !== undefined && s !== null) features.set(v.geo, { population: v.value, shareNonNationals: s });
  }
  return [...chain, ...similarMunicipalities(code, features, k)];
}
