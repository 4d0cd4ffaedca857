// What GET /api/analysis/assess passes to src/assess/readSeries.ts: the server's store and catalogues, and the
// messages that name the query parameters. `migmon assess` passes its own (src/cli/assess/readSeries.ts).
import type { SeriesMessages, SeriesSources } from "../assess/readSeries.ts";
import type { ServerEffects } from "./effects.ts";

/** The store, the catalogues and the geography the server was given, as the series reader takes them. */
export function apiSeriesSources(effects: ServerEffects): SeriesSources {
  return { store: effects.store, indicators: effects.indicators, datasets: effects.catalogue, geography: effects.geography };
}

/** The API's messages for a series it cannot read, naming the query parameters. */
export const apiSeriesMessages: SeriesMessages = {
  breakdown: (indicator, dimensions) => `query parameter indicator: ${indicator} has a breakdown (${dimensions.join(", ")}); assess one series with dataset and series`,
  keyLength: (key, codes, dataset, dimensions) => `query parameter series: ${JSON.stringify(key)} has ${codes} codes, dataset ${dataset} has ${dimensions.length} dimensions (${dimensions.join(".")})`,
  empty: (label) => `${label} has no observations in the range and version asked for`,
};
