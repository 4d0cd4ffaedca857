// A temporary store for the API tests, loaded through the ingest pipeline with real publisher files of the
// mirror (../shared/data): Eurostat's demo_r_gind3 subset (net migration of Belgium, its regions, provinces and
// arrondissements, 2000-2019, with a `b` flag in 2015) and teina200 (government deficit) in two releases, the
// second being the same file without Austria's MIO_EUR row. The register is a copy of data/events in a temporary
// directory, so the write tests never touch the repository.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { loadIndicatorCatalogue } from "../../src/indicators/catalogue.ts";
import { findEntry, loadCatalogue } from "../../src/ingest/catalogue.ts";
import { ingestFile } from "../../src/ingest/pipeline.ts";
import { belgianGeography } from "../../src/reference/geography.ts";
import { buildApp } from "../../src/server/app.ts";
import type { ServerEffects, UpdateOutcome } from "../../src/server/effects.ts";
import { openDuckDbStore } from "../../src/store/duckdb-store.ts";
import type { Store } from "../../src/store/store.ts";
import { sharedData, sharedDataDir } from "../shared-data.ts";

export const gind3File = sharedData("eurostat/bulk-tsv/demo_r_gind3_CNMIGRAT_subset.tsv");
export const teinaFile = sharedData("eurostat/bulk-tsv/teina200.tsv");

/** The fixed clock of the tests. */
export const testNow = new Date("2026-01-15T10:00:00Z");

/** An API over a temporary store, with the log lines it wrote and the updates it was asked for. */
export interface ApiFixture {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly dir: string;
  readonly eventsDir: string;
  readonly log: string[];
  readonly updates: (readonly string[] | undefined)[];
  close(): Promise<void>;
}

/** The store of the API tests (see the module comment); `teinaReleases` are the release ids of teina200, oldest first. */
export async function buildStore(dir: string): Promise<{ store: Store; teinaReleases: number[]; gind3Release: number }> {
  const store = await openDuckDbStore(path.join(dir, "api.duckdb"));
  const catalogue = await loadCatalogue();
  const gind3 = await ingestFile({ store, entry: findEntry(catalogue, "eurostat:demo_r_gind3"), file: gind3File, format: "tsv", retrievedAt: "2025-01-10T00:00:00.000Z" });
  const teina = findEntry(catalogue, "eurostat:teina200");
  const first = await ingestFile({ store, entry: teina, file: teinaFile, format: "tsv", retrievedAt: "2025-01-10T00:00:00.000Z" });
  const withoutAustria = readFileSync(teinaFile, "utf8").split("\n").filter((line) => !line.startsWith("MIO_EUR,AT\t")).join("\n");
  const trimmed = path.join(dir, "teina200.tsv");
  writeFileSync(trimmed, withoutAustria);
  const second = await ingestFile({ store, entry: teina, file: trimmed, format: "tsv", retrievedAt: "2025-06-01T00:00:00.000Z" });
  return { store, teinaReleases: [first.release.id, second.release.id], gind3Release: gind3.release.id };
}

/** Builds the API on a fresh temporary store; `adminToken` enables writes; `extra` replaces or adds effects. */
export async function startApi(adminToken?: string, extra: Partial<ServerEffects> = {}): Promise<ApiFixture & { teinaReleases: number[]; gind3Release: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "migmon-api-"));
  const eventsDir = path.join(dir, "events");
  cpSync(fileURLToPath(new URL("../../data/events/", import.meta.url)), eventsDir, { recursive: true });
  const { store, teinaReleases, gind3Release } = await buildStore(dir);
  const log: string[] = [];
  const updates: (readonly string[] | undefined)[] = [];
  const catalogue = await loadCatalogue();
  const effects: ServerEffects = {
    store, catalogue, eventsDir,
    indicators: await loadIndicatorCatalogue(),
    geography: belgianGeography(),
    mirrorDir: sharedDataDir,
    logger: { info: (line) => log.push(line), error: (line) => log.push(`ERROR ${line}`) },
    now: () => testNow,
    adminToken,
    update: async (only): Promise<UpdateOutcome[]> => {
      updates.push(only);
      const outcomes: UpdateOutcome[] = [];
      for (const id of only ?? ["eurostat:teina200"]) {
        const result = await ingestFile({ store, entry: findEntry(catalogue, id), file: id === "eurostat:teina200" ? teinaFile : gind3File, format: "tsv", retrievedAt: testNow.toISOString() });
        outcomes.push({ dataset: id, status: result.status, release: result.release.id, note: null });
      }
      return outcomes;
    },
    ...extra,
  };
  const app = buildApp(effects);
  await app.ready();
  return {
    app, store, dir, eventsDir, log, updates, teinaReleases, gind3Release,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
