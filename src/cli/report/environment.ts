// The composition root of `migmon report`: opens what the publications read (indicator engine over the store,
// register, source catalogue, map shapes of the mirror, the latest release of every dataset) and passes it in.
import type { MapShape } from "../../charts/index.ts";
import { loadRegister, resolveEventsDir } from "../../events/register.ts";
import type { DatasetId } from "../../core/index.ts";
import { loadCatalogue } from "../../ingest/catalogue.ts";
import { AreaNames } from "../../publications/areaNames.ts";
import { FigureReader } from "../../publications/figureSource.ts";
import type { ReportEnvironment } from "../../publications/generateReports.ts";
import { loadPublicationData } from "../../publications/publicationFiles.ts";
import type { LatestRelease } from "../../publications/sourceCatalogue.ts";
import { loadBoundaries } from "../../reference/boundaries.ts";
import type { Store } from "../../store/store.ts";
import type { CliContext } from "../context.ts";
import { engineContext } from "../indicator/engineContext.ts";
import { defaultOfflineDir } from "../settings.ts";

/** The newest release of every dataset in the store, retrieved by the end of `asOf` when given. */
export async function latestReleases(store: Store, asOf: string | null): Promise<Map<string, LatestRelease>> {
  const out = new Map<string, LatestRelease>();
  for (const summary of await store.listDatasets()) {
    const releases = asOf === null ? (summary.latestRelease === null ? [] : [summary.latestRelease]) : await store.listReleases(summary.dataset.id as DatasetId);
    const chosen = releases.filter((r) => asOf === null || r.retrievedAt.slice(0, 10) <= asOf).sort((a, b) => Number(a.id) - Number(b.id)).at(-1);
    if (chosen !== undefined) out.set(summary.dataset.id, { release: Number(chosen.id), retrievedAt: chosen.retrievedAt, sourceUpdatedAt: chosen.sourceUpdatedAt });
  }
  return out;
}

/** Everything a report reads, for one store and as-of date. */
export async function reportEnvironment(context: CliContext, store: Store, asOf: string | null, apiBase: string): Promise<ReportEnvironment> {
  const ctx = await engineContext(store);
  const sources = await loadCatalogue();
  const data = loadPublicationData();
  const mirror = defaultOfflineDir(context);
  const shapes = new Map<string, readonly MapShape[]>();
  return {
    reader: new FigureReader(ctx, asOf),
    register: loadRegister(resolveEventsDir(context.env, context.cwd)),
    series: { store, indicators: ctx.catalogue, datasets: sources, geography: ctx.geography },
    commentary: data.commentary,
    shapes: (layer) => {
      if (mirror === null) return [];
      let known = shapes.get(layer);
      if (known === undefined) {
        known = [...loadBoundaries(mirror, layer).values()];
        shapes.set(layer, known);
      }
      return known;
    },
    data, names: new AreaNames(data.areas, ctx.geography), indicators: ctx.catalogue, sources,
    latest: await latestReleases(store, asOf), apiBase,
  };
}
