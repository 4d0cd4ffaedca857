// The server the end-to-end tests drive: the real app (API and explorer) on 127.0.0.1 on a free port, over a
// temporary store loaded through the ingest pipeline from real publisher files of ../shared/data: Eurostat's
// demo_r_gind3 subset (net migration of the Belgian regions, provinces and arrondissements, with a break flag),
// demo_gind (population on 1 January by country and the EU), tps00170 (first residence permits by country, with
// events in the register), migr_asyappctza (asylum applicants) and Statbel's population by municipality,
// nationality and sex 2009-2015. The register is a copy of data/events.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { buildApp } from "../../src/server/app.ts";
import type { ServerEffects } from "../../src/server/effects.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

/** The datasets loaded and the real file each comes from. */
export const explorerFiles: readonly (readonly [string, string])[] = [
  ["eurostat:demo_r_gind3", "eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv"],
  ["eurostat:demo_gind", "eurostat/sdmx-csv/country_population.csv"],
  ["eurostat:tps00170", "eurostat/sdmx-csv/migration_permits_issued.csv"],
  ["eurostat:migr_asyappctza", "eurostat/sdmx-csv/asylum_applicants_total.csv"],
  ["statbel:pop_by_municipality_nationality_sex", "statbel/pop_by_municipality_nationality_sex_2009-2015.csv"],
];

/** A running explorer: its base URL, the write log, and how to stop it and remove its store. */
export interface ExplorerServer {
  readonly url: string;
  readonly log: string[];
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1:<free port> over a fresh temporary store (see the module comment). */
export async function startExplorerServer(): Promise<ExplorerServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "migmon-e2e-"));
  const eventsDir = path.join(dir, "events");
  cpSync(fileURLToPath(new URL("../../data/events/", import.meta.url)), eventsDir, { recursive: true });
  const store = await openDuckDbStore(path.join(dir, "e2e.duckdb"));
  const catalogue = await loadCatalogue();
  for (const [id, file] of explorerFiles) {
    await ingestFile({ store, entry: findEntry(catalogue, id), file: sharedData(file), retrievedAt: "2025-03-01T00:00:00.000Z" });
  }
  const log: string[] = [];
  const effects: ServerEffects = {
    store, catalogue, eventsDir,
    indicators: await loadIndicatorCatalogue(),
    geography: belgianGeography(),
    mirrorDir: sharedDataDir,
    logger: { info: (line) => log.push(line), error: (line) => log.push(`ERROR ${line}`) },
    now: () => new Date("2026-01-15T10:00:00Z"),
    adminToken: undefined,
    update: async () => [],
  };
  const app = buildApp(effects);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
