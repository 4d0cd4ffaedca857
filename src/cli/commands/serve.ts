import { once } from "node:events";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { MigmonError, UsageError } from "../../core/index.ts";
import type { CatalogueEntry } from "../../ingest/catalogue.ts";
import type { ServerEffects, UpdateOptions, UpdateOutcome } from "../../server/effects.ts";
import type { Store } from "../../store/store.ts";
import type { CliContext, RegisterCommand } from "../context.ts";
import { databasePath, defaultOfflineDir } from "../settings.ts";
import { isServeWorker, parseWorkers, serveWithWorkers } from "../serve-workers.ts";
import { openStoreFromEnv } from "../store-from-env.ts";
import type { OpenedStore } from "../store-from-env.ts";

/** The options of `migmon serve`. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
}

/** A running server: where it listens and how to stop it (closes the HTTP server, then the store). */
export interface RunningServer {
  readonly url: string;
  readonly readOnly: boolean;
  close(): Promise<void>;
}

/** Reads `--port`: a whole number from 0 (any free port) to 65535. */
export function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * Ingests the catalogue datasets named in `only` (all when absent) from the offline folder `dir`, one after the
 * other; a dataset without an offline copy is skipped, a failing one (a refused shrink too) is reported on stderr
 * and the others go on. `options.allowShrink` loads releases the store's shrink guard would refuse.
 */
export async function offlineUpdate(context: CliContext, store: Store, catalogue: readonly CatalogueEntry[], dir: string,
  only: readonly string[] | undefined, options: UpdateOptions = {}): Promise<UpdateOutcome[]> {
  const { NoOfflineCopyError, describeResult, ingestEntry } = await import("../ingest-entry.ts");
  const outcomes: UpdateOutcome[] = [];
  for (const entry of catalogue.filter((e) => only === undefined || only.includes(e.id))) {
    try {
      const result = await ingestEntry(context, store, entry, { kind: "offline", dir }, options);
      context.stderr.write(`${describeResult(entry.id, result)}\n`);
      outcomes.push({ dataset: entry.id, status: result.status, release: result.release.id, note: null });
    } catch (error) {
      if (!(error instanceof MigmonError)) throw error;
      const skipped = error instanceof NoOfflineCopyError;
      context.stderr.write(`${entry.id}: ${skipped ? "skipped" : "FAILED"}: ${error.message}\n`);
      outcomes.push({ dataset: entry.id, status: skipped ? "skipped" : "failed", release: null, note: error.message });
    }
  }
  return outcomes;
}

/**
 * The store a server reads. With writes (MIGMON_ADMIN_TOKEN) or PostgreSQL: opened as every command opens it.
 * Without writes, the DuckDB file is held read-only (DuckDB's READ_ONLY access mode), so CLI reads and other
 * read-only servers (--workers) can open it beside this one; a store that is missing, empty or at an older schema
 * is first opened for writing to be prepared (migrated, offline update), then reopened read-only (issue 16).
 */
async function openServingStore(context: CliContext, prepare: (opened: OpenedStore) => Promise<void>): Promise<OpenedStore> {
  if (context.env.MIGMON_ADMIN_TOKEN || context.env.MIGMON_DATABASE_URL) {
    const opened = await openStoreFromEnv(context);
    await prepare(opened).catch(async (error: unknown) => { await opened.store.close(); throw error; });
    return opened;
  }
  const file = databasePath(context);
  const { openDuckDbStore } = await import("../../store/duckdb-store.ts");
  const readOnly = await openDuckDbStore(file, { readOnly: true }).catch(() => null);
  if (readOnly !== null && (await readOnly.listDatasets()).length > 0) return { store: readOnly, label: file };
  await readOnly?.close();
  const writable = await openStoreFromEnv(context);
  try {
    await prepare(writable);
  } finally {
    await writable.store.close();
  }
  return { store: await openDuckDbStore(file, { readOnly: true }), label: file };
}

/** Loads the offline copies into a store that holds nothing yet, so a fresh machine serves real data. */
function fillEmptyStore(context: CliContext, catalogue: readonly CatalogueEntry[], offlineDir: string | null) {
  return async ({ store, label }: OpenedStore): Promise<void> => {
    if (offlineDir !== null && (await store.listDatasets()).length === 0) {
      context.stderr.write(`the store ${label} is empty: loading the offline copies from ${offlineDir}\n`);
      await offlineUpdate(context, store, catalogue, offlineDir, undefined);
    }
  };
}

/**
 * Makes the store ready for read-only servers (--workers): migrated, and filled from the offline folder when empty,
 * then closed, so that each worker opens it read-only.
 */
export async function prepareServingStore(context: CliContext): Promise<void> {
  const { loadCatalogue } = await import("../../ingest/catalogue.ts");
  const { store } = await openServingStore(context, fillEmptyStore(context, await loadCatalogue(), defaultOfflineDir(context)));
  await store.close();
}

/**
 * Opens the store and starts the API on `options.host`:`options.port`. On an empty store with an offline folder
 * (MIGMON_OFFLINE_DIR or ../shared/data) it first runs the offline update, so a fresh machine serves real data.
 * Writes are enabled only when MIGMON_ADMIN_TOKEN is set. Boundaries are read from MIGMON_MIRROR, else the
 * offline folder.
 */
export async function startServer(context: CliContext, options: ServeOptions): Promise<RunningServer> {
  const file = databasePath(context);
  await mkdir(path.dirname(file), { recursive: true });
  // The server's graph (fastify, DuckDB, the indicator engine, charts) is loaded here, not when the CLI starts (issue 16).
  const [{ resolveEventsDir }, { loadIndicatorCatalogue }, { loadCatalogue }, { belgianGeography }, { buildApp }] = await Promise.all([
    import("../../events/register.ts"), import("../../indicators/catalogue.ts"), import("../../ingest/catalogue.ts"),
    import("../../reference/geography.ts"), import("../../server/app.ts")]);
  // MIGMON_DATABASE_URL serves from the PostgreSQL store instead (store-from-env.ts, issue 18).
  const catalogue = await loadCatalogue();
  const offlineDir = defaultOfflineDir(context);
  const mirrorDir = context.env.MIGMON_MIRROR ? path.resolve(context.cwd, context.env.MIGMON_MIRROR) : offlineDir;
  const { store } = await openServingStore(context, fillEmptyStore(context, catalogue, offlineDir));
  try {
    const now = context.now ?? (() => new Date());
    const effects: ServerEffects = {
      store, catalogue, mirrorDir, now,
      indicators: await loadIndicatorCatalogue(),
      eventsDir: resolveEventsDir(context.env, context.cwd),
      geography: belgianGeography(),
      logger: { info: (line) => context.stderr.write(`${line}\n`), error: (line) => context.stderr.write(`${line}\n`) },
      adminToken: context.env.MIGMON_ADMIN_TOKEN,
      update: async (only, updateOptions) => {
        if (offlineDir === null) throw new UsageError("no offline folder: set MIGMON_OFFLINE_DIR to update from publisher files");
        return offlineUpdate(context, store, catalogue, offlineDir, only, updateOptions);
      },
    };
    const app = buildApp(effects);
    const address = await app.listen({ port: options.port, host: options.host });
    return {
      url: address,
      readOnly: !context.env.MIGMON_ADMIN_TOKEN,
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** `migmon serve`: the read API (and, with MIGMON_ADMIN_TOKEN, its writes) until SIGINT or SIGTERM. */
export const registerServeCommand: RegisterCommand = (program: Command, context: CliContext) => {
  program
    .command("serve")
    .description("serve the read API under /api (OpenAPI at /api/openapi.json) on the embedded store; writes need MIGMON_ADMIN_TOKEN")
    .option("--port <port>", "TCP port (0: any free port)", "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--workers <n>", "server processes on the port, read-only (DuckDB: one writer or many readers); 1 serves writes too", "1")
    .action(async (options: { port: string; host: string; workers: string }) => {
      const port = parsePort(options.port);
      const workers = parseWorkers(options.workers);
      if (workers > 1 && !isServeWorker()) {
        await serveWithWorkers(context, workers, () => prepareServingStore(context));
        return;
      }
      const server = await startServer(context, { port, host: options.host });
      if (isServeWorker()) {
        // The primary prints one line for all workers once each is listening.
        process.send?.({ ready: server.url });
        await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
        await server.close();
        // The channel to the primary would keep this process alive after its server closed.
        process.disconnect?.();
        return;
      }
      context.stderr.write(`migmon: serving ${server.url}/api (${server.readOnly ? "read-only: MIGMON_ADMIN_TOKEN is not set" : "writes with the admin token"}); stop with Ctrl-C\n`);
      await Promise.race([once(process, "SIGINT"), once(process, "SIGTERM")]);
      await server.close();
      context.stderr.write("migmon: stopped\n");
    });
};
