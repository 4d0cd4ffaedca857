import { UsageError } from "../core/index.ts";
import type { HttpGet, LiveRequest, LiveSource, ParseInput } from "../core/index.ts";
import type { CatalogueEntry } from "./catalogue.ts";
import { eurostatLive } from "./sources/eurostat/fetch.ts";
import { oecdLive } from "./sources/oecd/fetch.ts";
import { statbelLive } from "./sources/statbel/fetch.ts";
import { unhcrLive } from "./sources/unhcr/fetch.ts";
import { worldBankLive } from "./sources/worldbank/fetch.ts";

/**
 * The live downloads of each publisher, registered beside its parsers (as formats.ts gathers the parsers). UN DESA
 * has none: the UN publishes its tables as XLSX workbooks only (see sources/undesa/README.md).
 */
const liveSources: Readonly<Record<string, LiveSource>> = {
  eurostat: eurostatLive,
  statbel: statbelLive,
  unhcr: unhcrLive,
  oecd: oecdLive,
  worldbank: worldBankLive,
};

/** Thrown when a dataset has no live endpoint: `update` lists it as skipped with the reason, not as failed. */
export class NoLiveEndpointError extends UsageError {}

/** The environment variable that replaces a publisher's root: `MIGMON_EUROSTAT_API`, `MIGMON_WORLDBANK_API`, ... */
export function liveBaseVariable(publisher: string): string {
  return `MIGMON_${publisher.toUpperCase()}_API`;
}

/** Where a dataset is downloaded from, or why it cannot be. */
export type LiveEndpoint =
  | { readonly available: true; readonly source: LiveSource; readonly base: string; readonly url?: string }
  | { readonly available: false; readonly reason: string };

/**
 * Whether a catalogue dataset has a live endpoint: not when the catalogue says why (`download.unavailable`), nor
 * when its publisher registers no live download or cannot download that dataset. The root is the publisher's own
 * or MIGMON_<PUBLISHER>_API; a catalogue URL under the publisher's root moves under the override with it.
 */
export function liveEndpointOf(entry: CatalogueEntry, env: Readonly<Record<string, string | undefined>> = {}): LiveEndpoint {
  if (entry.download.unavailable !== undefined) return { available: false, reason: entry.download.unavailable };
  const source = liveSources[entry.publisher];
  if (source === undefined) return { available: false, reason: `no live download is registered for ${entry.publisher} datasets` };
  const reason = source.unavailable({ code: entry.code, format: entry.download.format, ...(entry.download.url === undefined ? {} : { url: entry.download.url }) });
  if (reason !== null) return { available: false, reason };
  const override = env[liveBaseVariable(entry.publisher)];
  const base = override ? withSlash(override) : source.base;
  const url = entry.download.url === undefined ? undefined : rebase(entry.download.url, source.base, base);
  return { available: true, source, base, ...(url === undefined ? {} : { url }) };
}

/** The effects a live download is given (the CLI passes stderr, the real clock and timers; tests their own). */
export type LiveEffects = Pick<LiveRequest, "now" | "log" | "sleep" | "pollIntervalMs" | "maxWaitMs">;

/**
 * Downloads one catalogue dataset from its publisher's live endpoint (or the MIGMON_<PUBLISHER>_API override) as
 * parser input named by its URL. Throws NoLiveEndpointError with the reason for a dataset that has none, and the
 * publisher's DownloadError for a failed download.
 */
export async function fetchLive(entry: CatalogueEntry, http: HttpGet, env: Readonly<Record<string, string | undefined>>, effects: LiveEffects): Promise<ParseInput> {
  const endpoint = liveEndpointOf(entry, env);
  if (!endpoint.available) throw new NoLiveEndpointError(`${entry.id} has no live endpoint: ${endpoint.reason}`);
  return endpoint.source.fetch(http, {
    code: entry.code, format: entry.download.format, base: endpoint.base, ...(endpoint.url === undefined ? {} : { url: endpoint.url }), ...effects,
  });
}

// A root is joined with relative paths (new URL(path, base)), which drops its last segment unless it ends in `/`.
function withSlash(base: string): string {
  return base.endsWith("/") ? base : `${base}/`;
}

function rebase(url: string, from: string, to: string): string {
  return url.startsWith(from) ? `${to}${url.slice(from.length)}` : url;
}
