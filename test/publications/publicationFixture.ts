// A temporary store for the publication tests, loaded through the ingest pipeline from the real publisher files of
// ../shared/data with a fixed retrieval time, so that editions are repeatable: Statbel's population by municipality
// (2009-2015), Eurostat's regional net migration, national population, asylum, permits, temporary protection and
// labour-force tables. With it the report environment of `migmon report` and an API over the same store.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { latestReleases } from "../../src/cli/report/environment.ts";
import { loadRegister } from "../../src/events/register.ts";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { AreaNames } from "../../src/publications/areaNames.ts";
import { FigureReader } from "../../src/publications/figureSource.ts";
import type { ReportEnvironment } from "../../src/publications/generateReports.ts";
import { loadPublicationData } from "../../src/publications/publicationFiles.ts";
import { loadBoundaries } from "../../src/reference/boundaries.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { buildApp } from "../../src/server/app.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

/** The datasets the monitor, fact sheet and profiles read offline. */
export const publicationDatasets = [
  "statbel:pop_by_municipality_nationality_sex", "eurostat:demo_r_gind3", "eurostat:demo_gind", "eurostat:migr_asyappctza",
  "eurostat:migr_asydcfsta", "eurostat:migr_asytpsm", "eurostat:tps00170", "eurostat:lfsa_urgan", "eurostat:lfsa_ergan",
] as const;

/** The retrieval time of every release of the fixture (the edition date of the documents). */
export const fixtureRetrievedAt = "2026-01-15T10:00:00.000Z";

export const eventsDir = fileURLToPath(new URL("../../data/events/", import.meta.url));

/** A temporary store with the publication datasets. */
export async function buildPublicationStore(): Promise<{ store: Store; dir: string; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "migmon-pub-"));
  const store = await openDuckDbStore(path.join(dir, "pub.duckdb"));
  const catalogue = await loadCatalogue();
  for (const id of publicationDatasets) {
    const entry = findEntry(catalogue, id);
    await ingestFile({ store, entry, file: sharedData(entry.offline!.file), format: entry.offline!.format, retrievedAt: fixtureRetrievedAt });
  }
  return { store, dir, close: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** The report environment over a store, as `migmon report` builds it (API links to http://127.0.0.1:8080). */
export async function publicationEnvironment(store: Store, asOf: string | null = null): Promise<ReportEnvironment> {
  const indicators = await loadIndicatorCatalogue();
  const geography = belgianGeography();
  const sources = await loadCatalogue();
  const data = loadPublicationData();
  return {
    reader: new FigureReader({ store, catalogue: indicators, geography }, asOf),
    register: loadRegister(eventsDir),
    series: { store, indicators, datasets: sources, geography },
    commentary: data.commentary,
    shapes: (layer) => [...loadBoundaries(sharedDataDir, layer).values()],
    data, names: new AreaNames(data.areas, geography), indicators, sources,
    latest: await latestReleases(store, asOf), apiBase: "http://127.0.0.1:8080",
  };
}

/** The read API over the same store (for following the query links). */
export async function publicationApi(store: Store): Promise<FastifyInstance> {
  const app = buildApp({
    store, catalogue: await loadCatalogue(), eventsDir, indicators: await loadIndicatorCatalogue(), geography: belgianGeography(),
    mirrorDir: sharedDataDir, logger: { info: () => undefined, error: () => undefined }, now: () => new Date(fixtureRetrievedAt),
    adminToken: undefined, update: async () => [],
  });
  await app.ready();
  return app;
}
