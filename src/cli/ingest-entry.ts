import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { UsageError } from "../core/index.ts";
import type { CatalogueEntry } from "../ingest/catalogue.ts";
import { saveToCache } from "../ingest/download-cache.ts";
import { createHttpGet } from "../ingest/http.ts";
import { ingestFile } from "../ingest/pipeline.ts";
import type { IngestResult } from "../ingest/pipeline.ts";
import { fetchLive } from "../ingest/live.ts";
import { inputLimitsFromEnv } from "../ingest/sources/input/limits.ts";
import type { Store } from "../store/store.ts";
import type { CliContext } from "./context.ts";
import { startProgress } from "./progress.ts";
import { cacheDir } from "./settings.ts";

/** Where the bytes of one ingest come from. */
export type IngestOrigin =
  | { readonly kind: "file"; readonly file: string; readonly format?: string }
  | { readonly kind: "offline"; readonly dir: string }
  | { readonly kind: "live" };

/** Thrown when an offline folder has no copy of a dataset: `update` lists it as skipped, not failed. */
export class NoOfflineCopyError extends UsageError {}

/**
 * Brings one catalogue dataset into the store from a local file, the offline folder or the publisher's live
 * endpoint (downloaded into the cache first), with progress on stderr. `allowShrink` (`--allow-shrink`) loads a
 * release the store's shrink guard would refuse (an empty file, or one removing too many latest observations).
 */
export async function ingestEntry(context: CliContext, store: Store, entry: CatalogueEntry, origin: IngestOrigin,
  options: { readonly allowShrink?: boolean } = {}): Promise<IngestResult> {
  const shrink = options.allowShrink === true ? { allowShrink: true } : {};
  const progress = startProgress(context, entry.id, "observations");
  const onProgress = (n: number) => progress.update(n);
  // the reading limits come from the environment (MIGMON_MAX_LINE_BYTES, ...): see src/ingest/sources/input/README.md
  const common = { ...(context.now ? { now: context.now } : {}), limits: inputLimitsFromEnv(context.env) };
  try {
    if (origin.kind === "file") {
      if (!existsSync(origin.file)) throw new UsageError(`no such file: ${origin.file}`);
      return await ingestFile({ store, entry, file: origin.file, ...(origin.format ? { format: origin.format } : {}), onProgress, ...common, ...shrink });
    }
    if (origin.kind === "offline") {
      if (!entry.offline) throw new NoOfflineCopyError(`${entry.id} has no offline copy named in the catalogue`);
      if (entry.offline.blocked) throw new NoOfflineCopyError(`the offline copy of ${entry.id} is not loaded: ${entry.offline.blocked}`);
      const file = path.join(origin.dir, entry.offline.file);
      if (!existsSync(file)) throw new NoOfflineCopyError(`the offline copy of ${entry.id} is missing: ${file}`);
      return await ingestFile({ store, entry, file, format: entry.offline.format, onProgress, ...common, ...shrink });
    }
    const { file, url } = await downloadLive(context, entry);
    return await ingestFile({ store, entry, file, format: entry.download.format, sourceUri: url, inputName: url, onProgress, ...common, ...shrink });
  } finally {
    progress.stop();
  }
}

async function downloadLive(context: CliContext, entry: CatalogueEntry): Promise<{ file: string; url: string }> {
  const log = (line: string) => context.stderr.write(`${line}\n`);
  const http = createHttpGet({ log, timeoutMs: Number(context.env.MIGMON_HTTP_TIMEOUT_MS ?? 120_000) });
  const input = await fetchLive(entry, http, context.env, {
    now: context.now ? context.now() : new Date(),
    log,
    sleep: (ms: number) => delay(ms),
    pollIntervalMs: Number(context.env.MIGMON_ASYNC_POLL_MS ?? 30_000),
    maxWaitMs: Number(context.env.MIGMON_ASYNC_MAX_WAIT_MS ?? 30 * 60_000),
  });
  const bar = startProgress(context, `download ${entry.code}`, "bytes");
  const cached = await saveToCache({ url: input.name, status: 200, headers: {}, body: input.chunks }, cacheDir(context), (n) => bar.update(n));
  bar.stop(`${cached.bytes} bytes, sha256 ${cached.sha256.slice(0, 12)}`);
  return { file: cached.path, url: input.name };
}

/** One line that says what an ingest did, with the metadata fields a release changed (a unit, a title). */
export function describeResult(id: string, result: IngestResult): string {
  const r = result.release;
  if (result.status === "unchanged") {
    return `${id}: unchanged, the same file as release ${r.id} (${r.observations} observations) and the same metadata; nothing written`;
  }
  const metadata = result.metadataChanged.length === 0 ? "" : `; new metadata: ${result.metadataChanged.join(", ")}`;
  return `${id}: release ${r.id} loaded from ${result.format}: ${r.observations} observations ` +
    `(${r.added} added, ${r.changed} changed, ${r.removed} removed)${metadata}`;
}
