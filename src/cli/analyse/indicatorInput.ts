// `migmon analyse <method> --indicator ID --geo CODE`: the method's input computed by the indicator engine from the
// store instead of a CSV. One series: one indicator for one area; two series (ccf, granger): --indicator Y,X for
// one area; a panel (did, synth): one indicator for --geo A,B,C, each area a unit.
import { readIndicatorSeries } from "../../assess/readSeries.ts";
import { seriesOfColumns } from "../../analysis/methods/methodSeries.ts";
import type { AnalysisMethod, MethodInput } from "../../analysis/methods/methodTypes.ts";
import { UsageError } from "../../core/index.ts";
import { commandSeriesMessages, commandSeriesSources } from "../assess/readSeries.ts";
import type { CliContext } from "../context.ts";
import { withStore } from "../open-store.ts";

function names(option: string, text: string): string[] {
  const list = text.split(",").map((s) => s.trim());
  if (list.some((s) => s === "")) throw new UsageError(`${option} ${JSON.stringify(text)} has an empty name`);
  return list;
}

/**
 * Reads the input of `method` from the store through the indicator engine. Throws UsageError when the number of
 * indicators or areas does not fit the method's shape, NotFoundError for an unknown indicator or an empty series.
 */
export async function readIndicatorInput(context: CliContext, method: AnalysisMethod, indicatorText: string, geoText: string | undefined): Promise<MethodInput> {
  if (geoText === undefined) throw new UsageError("--indicator needs --geo CODE (the area of the series)");
  const indicators = names("--indicator", indicatorText);
  const geos = names("--geo", geoText);
  const wanted = method.shape === "pair" ? "two indicators (--indicator Y,X) for one --geo" : method.shape === "panel" ? "one indicator for two or more areas (--geo A,B,C)" : "one indicator for one --geo";
  const fits = method.shape === "pair" ? indicators.length === 2 && geos.length === 1 : method.shape === "panel" ? indicators.length === 1 && geos.length >= 2 : indicators.length === 1 && geos.length === 1;
  if (!fits) throw new UsageError(`${method.name} reads ${wanted}`);
  return withStore(context, async (store) => {
    const sources = await commandSeriesSources(store);
    const read = (indicator: string, geo: string) => readIndicatorSeries(sources, { indicator, geo }, commandSeriesMessages);
    if (method.shape === "panel") {
      const rows = [];
      for (const geo of geos) {
        const s = await read(indicators[0] as string, geo);
        rows.push(...s.periods.map((period, i) => ({ unit: geo, period, value: s.values[i] ?? null })));
      }
      return { shape: "panel", panel: { label: `${indicators[0]} ${geos.join(",")}`, rows } };
    }
    if (method.shape === "pair") {
      const [y, x] = [await read(indicators[0] as string, geos[0] as string), await read(indicators[1] as string, geos[0] as string)];
      return { shape: "pair", series: seriesOfColumns(`${indicators.join(",")} ${geos[0]}`, { y, x }) };
    }
    const s = await read(indicators[0] as string, geos[0] as string);
    return { shape: "series", series: seriesOfColumns(s.label, { value: s }) };
  });
}
